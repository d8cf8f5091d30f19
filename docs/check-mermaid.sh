#!/usr/bin/env bash
# Checks that `retort graph --format mermaid` is valid Mermaid, with Mermaid's own parser
# (npm packages mermaid and jsdom, installed into a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund mermaid@11 jsdom@25 >/dev/null)
./retort -c migrations-example/retort.properties graph --format mermaid > "$work/example.mmd"
cp docs/check-mermaid.mjs "$work/"
(cd "$work" && node check-mermaid.mjs example.mmd "$@")
