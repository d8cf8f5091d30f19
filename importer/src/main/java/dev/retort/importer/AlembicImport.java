package dev.retort.importer;

import dev.retort.ScriptException;
import dev.retort.UsageException;
import dev.retort.importer.PythonSubset.Const;
import dev.retort.importer.PythonSubset.Expr;
import dev.retort.importer.PythonSubset.Module;
import dev.retort.importer.PythonSubset.Seq;
import dev.retort.importer.PythonSubset.Str;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns an Alembic project's {@code versions/*.py} into Groovy DSL scripts, ids kept exactly (so the rows of
 * {@code alembic_version} stay valid). Every file is read and checked before the first script is written: a syntax
 * error or a {@code down_revision} no file defines writes nothing.
 */
public final class AlembicImport {
    /** What an import wrote, and the statements it could not translate ({@code file:line: original}). */
    public record Result(List<Path> written, List<String> todos) {
    }

    private record Parsed(Path file, String display, Module module, String id) {
    }

    private AlembicImport() {
    }

    /** Reads {@code alembicDir} (the folder with {@code env.py} and {@code versions/}) and writes into {@code target}. */
    public static Result run(Path alembicDir, Path target) {
        Path versions = alembicDir.resolve("versions");
        if (!Files.isDirectory(versions)) {
            throw new UsageException("import alembic: " + alembicDir + " has no versions/ folder; give the folder that holds env.py and versions/");
        }
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Parsed> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(versions)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                String display = alembicDir.relativize(f).toString();
                Module m = PythonSubset.parse(display, Files.readString(f));
                String id = one(display, m, "revision");
                if (id == null) {
                    throw new ScriptException(display + ":1: no 'revision = ...' line; every Alembic revision file names its id");
                }
                Parsed p = new Parsed(f, display, m, id);
                if (byId.putIfAbsent(id, p) != null) {
                    throw new ScriptException(display + ":" + m.lines().get("revision") + ": revision '" + id
                            + "' is also defined by " + byId.get(id).display() + "; keep one");
                }
                parsed.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Parsed p : parsed) {
            for (String key : List.of("down_revision", "depends_on")) {
                for (String parent : many(p.display(), p.module(), key)) {
                    if (!byId.containsKey(parent)) {
                        throw new ScriptException(p.display() + ":" + p.module().lines().get(key) + ": " + key + " '" + parent
                                + "' is not the revision of any file in versions/; fix the id or add the missing file, nothing was written");
                    }
                }
            }
        }
        List<String> todos = new ArrayList<>();
        Map<Path, String> out = new java.util.LinkedHashMap<>();
        for (Parsed p : parsed) {
            AlembicTranslator t = new AlembicTranslator(p.display());
            String name = p.file().getFileName().toString().replaceAll("\\.py$", ".groovy");
            Path dest = target.resolve(name);
            if (Files.exists(dest)) {
                throw new UsageException("import alembic: " + dest + " exists already; move it away or import into another folder, nothing was written");
            }
            out.put(dest, script(p, t));
            todos.addAll(t.todos());
        }
        try {
            Files.createDirectories(target);
            for (Map.Entry<Path, String> e : out.entrySet()) {
                Files.writeString(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(List.copyOf(out.keySet()), todos);
    }

    private static String script(Parsed p, AlembicTranslator t) {
        Module m = p.module();
        StringBuilder s = new StringBuilder();
        s.append("// imported from ").append(p.display()).append(" by 'retort import alembic'\n");
        s.append("revision ").append(PythonValues.q(p.id())).append('\n');
        header(s, "revises", many(p.display(), m, "down_revision"));
        header(s, "branchLabels", many(p.display(), m, "branch_labels"));
        header(s, "dependsOn", many(p.display(), m, "depends_on"));
        String message = m.docstring() == null ? null : m.docstring().strip().lines().findFirst().orElse(null);
        if (message != null && !message.isEmpty()) {
            s.append("message ").append(PythonValues.q(message)).append('\n');
        }
        for (String fn : List.of("upgrade", "downgrade")) {
            s.append('\n').append(fn).append(" {\n");
            List<PythonSubset.Stmt> body = m.functions().getOrDefault(fn, List.of());
            t.translate(body, "    ").forEach(l -> s.append(l).append('\n'));
            s.append("}\n");
        }
        return s.toString();
    }

    private static void header(StringBuilder s, String key, List<String> values) {
        if (!values.isEmpty()) {
            s.append(key).append(' ').append(String.join(", ", values.stream().map(PythonValues::q).toList())).append('\n');
        }
    }

    private static String one(String file, Module m, String key) {
        List<String> v = many(file, m, key);
        return v.isEmpty() ? null : v.get(0);
    }

    // a string, None, or a tuple/list of strings
    private static List<String> many(String file, Module m, String key) {
        Expr e = m.assignments().get(key);
        if (e == null || e instanceof Const) {
            return List.of();
        }
        if (e instanceof Str s) {
            return List.of(s.value());
        }
        if (e instanceof Seq seq && seq.items().stream().allMatch(x -> x instanceof Str)) {
            return seq.items().stream().map(x -> ((Str) x).value()).toList();
        }
        throw new ScriptException(file + ":" + m.lines().get(key) + ": " + key + " must be a string, None or a tuple of strings"
                + " (Retort reads it without running the Python)");
    }
}
