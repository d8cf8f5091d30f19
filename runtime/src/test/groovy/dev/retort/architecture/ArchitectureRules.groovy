package dev.retort.architecture

import groovy.io.FileType

import java.lang.reflect.Constructor
import java.lang.reflect.Field
import java.lang.reflect.GenericArrayType
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type
import java.lang.reflect.TypeVariable
import java.lang.reflect.WildcardType
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

/**
 * The layering rules of docs/architecture.md as checks over a source tree; each returns the violations it
 * found as one line each ({@code file:line: what}), so a spec can both hold them on the real tree and show
 * that each one fails on a planted violation.
 */
class ArchitectureRules {
    static final int MAX_LINES = 400

    /** SQL statements as code writes them: a keyword followed by the shape of a statement, not English. */
    static final Pattern SQL = Pattern.compile('^\\s*(' + [
            'SELECT\\s+.*\\bFROM\\s',
            'SELECT\\s+(pg_|set_config|current_|now\\(|version\\(|txid_|count\\(|1\\b|EXISTS)',
            'INSERT\\s+INTO\\s',
            'UPDATE\\s+\\S+\\s+SET\\s',
            'DELETE\\s+FROM\\s',
            'CREATE\\s+(UNIQUE\\s+)?(TABLE|INDEX|SCHEMA|DATABASE|EXTENSION|TYPE|SEQUENCE|VIEW|FUNCTION|ROLE)\\s+(IF\\s|CONCURRENTLY\\s|"|[a-z_%])',
            'ALTER\\s+(TABLE|TYPE|DATABASE|INDEX|SCHEMA|ROLE)\\s+(IF\\s|ONLY\\s|"|[a-z_%])',
            'DROP\\s+(TABLE|INDEX|SCHEMA|DATABASE|TYPE|EXTENSION|ROLE|VIEW)\\s+(IF\\s|CONCURRENTLY\\s|"|[a-z_%])',
            'SET\\s+(LOCAL\\s+|SESSION\\s+)?[a-z_.]+\\s*(=|TO\\s)',
            'RESET\\s+[a-z_]',
            '(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION)\\s*;?\\s*$',
            'LOCK\\s+TABLE\\s',
            'TRUNCATE\\s',
            'SHOW\\s+[a-z_]+\\s*$',
            'WITH\\s+\\w+\\s+AS\\s*\\(',
    ].join('|') + ')')

    /** Prose that names a statement ("TRUNCATE loses the rows") rather than being one: outside quoted values. */
    static final Pattern PROSE = Pattern.compile('\\b(the|a|an|in|is|are|its|it|every|this|that|loses|runs?|use|on a|cannot|would|not)\\b')

    /** True when a string literal is a SQL statement (or its start), not a message that mentions one. */
    static boolean looksLikeSql(String literal) {
        SQL.matcher(literal).find() && !PROSE.matcher(literal.replaceAll(/'[^']*'/, "''")).find()
    }

    /** Packages outside the dialect that may still hold JDBC statements: where the SQL is executed, not written. */
    static final List<String> STATEMENT_HOLDERS = ['internal/sink/', 'internal/db/', 'internal/history/',
                                                   'internal/autogen/CatalogReader.java']

    /** runtime has no Groovy: no .groovy main source and no Groovy type named in its Java sources. */
    static List<String> groovyInRuntime(Path runtimeMain) {
        List<String> found = []
        sources(runtimeMain).each { Path f ->
            if (f.toString().endsWith('.groovy')) {
                found << "${runtimeMain.relativize(f)}: a Groovy source in runtime"
            } else {
                new SourceText(Files.readString(f)).code.eachLine { String l, int i ->
                    if (l =~ /\b(groovy\.lang|org\.apache\.groovy|org\.codehaus\.groovy)\b/) {
                        found << "${runtimeMain.relativize(f)}:${i + 1}: names a Groovy type"
                    }
                }
            }
        }
        found
    }

    /** SQL text only in internal/dialect: a string literal shaped like a statement anywhere else is a violation. */
    static List<String> sqlOutsideDialect(Path javaRoot) {
        List<String> found = []
        sources(javaRoot).each { Path f ->
            String rel = javaRoot.relativize(f).toString().replace('\\', '/')
            if (rel.contains('internal/dialect/')) {
                return
            }
            new SourceText(Files.readString(f)).literals.each { SourceText.Literal lit ->
                if (looksLikeSql(lit.text)) {
                    found << "${rel}:${lit.line}: SQL text outside internal/dialect: ${lit.text.take(60)}"
                }
            }
        }
        found
    }

    /** Only the sink, the connection code, the history store and the catalog reader create JDBC statements. */
    static List<String> statementsOutsideHolders(Path javaRoot) {
        List<String> found = []
        sources(javaRoot).each { Path f ->
            String rel = javaRoot.relativize(f).toString().replace('\\', '/')
            if (STATEMENT_HOLDERS.any { rel.contains(it) }) {
                return
            }
            new SourceText(Files.readString(f)).code.eachLine { String l, int i ->
                if (l =~ /\.(createStatement|prepareStatement|prepareCall)\s*\(/) {
                    found << "${rel}:${i + 1}: creates a JDBC statement outside sink/db/history/CatalogReader"
                }
            }
        }
        found
    }

    /** Nothing under dev.retort.internal reaches back to the facade or its config. */
    static List<String> internalUsesFacade(Path javaRoot) {
        List<String> found = []
        Path internal = javaRoot.resolve('dev/retort/internal')
        if (!Files.isDirectory(internal)) {
            return found
        }
        sources(internal).each { Path f ->
            String code = new SourceText(Files.readString(f)).code
            boolean wildcard = code =~ /(?m)^import\s+dev\.retort\.\*;/
            code.eachLine { String l, int i ->
                if (l =~ /\bdev\.retort\.(Retort|RetortConfig)\b/ || (wildcard && l =~ /(?<![.\w])(Retort|RetortConfig)\b/)) {
                    found << "${javaRoot.relativize(f)}:${i + 1}: internal code uses Retort or RetortConfig"
                }
            }
        }
        found
    }

    /** A script language's sources import only the public API, the SPI and their own package. */
    static List<String> languageImports(Path moduleMain, String ownPackage) {
        List<String> found = []
        sources(moduleMain).each { Path f ->
            new SourceText(Files.readString(f)).code.eachLine { String l, int i ->
                (l =~ /\bdev\.retort\.[\w.]+/).each { String raw ->
                    String ref = raw.replaceAll(/\.$/, '')
                    boolean ok = ref ==~ /dev\.retort\.[A-Z]\w*(\.\w+)*/ || ref ==~ /dev\.retort\.spi(\.[A-Z]\w*)*(\.\w+)*/ ||
                            ref.startsWith(ownPackage + '.') || ref == ownPackage || ref ==~ /dev\.retort\.(\*|spi\.\*)/
                    if (!ok) {
                        found << "${moduleMain.relativize(f)}:${i + 1}: imports ${ref} (only dev.retort and dev.retort.spi)"
                    }
                }
            }
        }
        found
    }

    /** No main source file longer than {@link #MAX_LINES} lines. */
    static List<String> oversizedFiles(List<Path> mainRoots) {
        List<String> found = []
        mainRoots.findAll { Files.isDirectory(it) }.each { Path root ->
            sources(root).each { Path f ->
                int lines = Files.readAllLines(f).size()
                if (lines > MAX_LINES) {
                    found << "${root.relativize(f)}: ${lines} lines (at most ${MAX_LINES})"
                }
            }
        }
        found
    }

    /** No public or protected member of a public type in a non-internal package mentions an internal type. */
    static List<String> publicApiLeaks(Collection<Class<?>> types) {
        List<String> found = []
        types.findAll { isExported(it) }.each { Class<?> type ->
            Map<String, List<Type>> members = [:]
            members["extends"] = [type.genericSuperclass].findAll { it != null } + (type.genericInterfaces as List)
            type.declaredFields.findAll { exposed(it.modifiers) && !it.synthetic }.each { Field fd ->
                members["field ${fd.name}".toString()] = [fd.genericType]
            }
            type.declaredConstructors.findAll { exposed(it.modifiers) && !it.synthetic }.each { Constructor<?> c ->
                members["constructor".toString()] = (members["constructor"] ?: []) + (c.genericParameterTypes as List) +
                        (c.genericExceptionTypes as List)
            }
            type.declaredMethods.findAll { exposed(it.modifiers) && !it.synthetic && !it.bridge }.each { Method m ->
                members["${m.name}()".toString()] = [m.genericReturnType] + (m.genericParameterTypes as List) +
                        (m.genericExceptionTypes as List)
            }
            members.each { String member, List<Type> mentioned ->
                Set<String> internal = new TreeSet<>()
                mentioned.each { collectInternal(it, internal, new HashSet<>()) }
                internal.each { found << "${type.name}.${member} mentions internal ${it}".toString() }
            }
        }
        found
    }

    /** The compiled classes of {@code packages} (slash form, e.g. dev/retort) under a classes directory. */
    static List<Class<?>> classesIn(Path classesDir, List<String> packages, ClassLoader loader) {
        List<Class<?>> found = []
        packages.each { String pkg ->
            Path dir = classesDir.resolve(pkg)
            if (!Files.isDirectory(dir)) {
                return
            }
            Files.list(dir).withCloseable { it.toList() }.findAll { it.toString().endsWith('.class') }.sort().each { Path f ->
                String name = pkg.replace('/', '.') + '.' + f.fileName.toString().replace('.class', '')
                if (!name.endsWith('package-info')) {
                    found << Class.forName(name, false, loader)
                }
            }
        }
        found
    }

    private static boolean isExported(Class<?> type) {
        if (type.name.startsWith('dev.retort.internal.') || type.synthetic || type.anonymousClass || type.localClass) {
            return false
        }
        for (Class<?> c = type; c != null; c = c.declaringClass) {
            if (!Modifier.isPublic(c.modifiers)) {
                return false
            }
        }
        true
    }

    private static boolean exposed(int modifiers) {
        Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)
    }

    private static void collectInternal(Type t, Set<String> out, Set<Type> seen) {
        if (t == null || !seen.add(t)) {
            return
        }
        // instanceof, not switch: Groovy's switch on a Class value tests assignability, not "is a Class"
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t
            while (c.array) {
                c = c.componentType
            }
            if (c.name.startsWith('dev.retort.internal.')) {
                out << c.name
            }
        } else if (t instanceof ParameterizedType) {
            collectInternal(t.rawType, out, seen)
            t.actualTypeArguments.each { collectInternal(it, out, seen) }
        } else if (t instanceof WildcardType) {
            (t.upperBounds + t.lowerBounds).each { collectInternal(it, out, seen) }
        } else if (t instanceof TypeVariable) {
            t.bounds.each { collectInternal(it, out, seen) }
        } else if (t instanceof GenericArrayType) {
            collectInternal(t.genericComponentType, out, seen)
        }
    }

    private static List<Path> sources(Path root) {
        List<Path> files = []
        if (Files.isDirectory(root)) {
            root.toFile().eachFileRecurse(FileType.FILES) { File f ->
                if (f.name ==~ /.*\.(java|groovy|kt|kts)/) {
                    files << f.toPath()
                }
            }
        }
        files.sort()
    }
}
