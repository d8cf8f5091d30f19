import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser; globalThis.Element = dom.window.Element;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let ok = true;
for (const f of process.argv.slice(2)) {
  const text = fs.readFileSync(f, 'utf8');
  try {
    const r = await mermaid.parse(text);
    console.log(`${f}: valid ${r.diagramType}`);
  } catch (e) { ok = false; console.log(`${f}: INVALID ${e.message}`); }
}
// a deliberately broken one must fail, so the check itself can fail
try { await mermaid.parse('flowchart BT\n  a[["x"] --> '); console.log('broken: accepted (checker is useless)'); ok = false; }
catch (e) { console.log('broken: rejected as expected'); }
process.exit(ok ? 0 : 1);
