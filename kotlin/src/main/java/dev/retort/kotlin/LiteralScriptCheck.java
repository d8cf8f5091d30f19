package dev.retort.kotlin;

import java.util.Set;

/**
 * Decides from the text (the compiler has already accepted it) whether a Kotlin script's operations depend on
 * its text alone, so a recording of them may be replayed by later runs (the plan cache). Only this shape passes:
 * calls of the DSL's words with arguments that are literals (strings without templates, numbers, booleans,
 * null, listOf/mapOf of literals, {@code a to b}) or named options, and nested DSL blocks. Anything else (an
 * import, a {@code val}, a dot, an operator, {@code db}, {@code connection}, {@code offline},
 * {@code extensionAvailable}, a lambda parameter) may read the world, so the script runs live every time.
 */
final class LiteralScriptCheck {
    // the header, the blocks, MigrationOperations and TableBuilder calls that only build records, and literal helpers
    private static final Set<String> WORDS = Set.of("revision", "revises", "message", "created", "branchLabels", "dependsOn",
            "transaction", "lockTimeout", "statementTimeout", "upgrade", "downgrade", "change",
            "sql", "execute", "autocommit", "safetyAssured", "createTable", "dropTable", "renameTable", "addColumn",
            "dropColumn", "renameColumn", "alterColumn", "createIndex", "dropIndex", "renameIndex", "commentOnTable",
            "commentOnColumn", "addForeignKey", "addUniqueConstraint", "addCheckConstraint", "validateConstraint",
            "dropConstraint", "renameConstraint", "createEnum", "addEnumValue", "dropEnum", "createExtension",
            "dropExtension", "createSchema", "dropSchema", "bulkInsert", "backfill", "createHypertable",
            "addRetentionPolicy", "removeRetentionPolicy", "addCompressionPolicy", "removeCompressionPolicy", "notice",
            "column", "primaryKey", "unique", "check", "foreignKey",
            "true", "false", "null", "listOf", "mapOf", "emptyList", "emptyMap", "to");
    // the parameter names of those calls, which may stand before '=' as named arguments
    private static final Set<String> OPTIONS = Set.of("statements", "down", "name", "ifNotExists", "schema", "comment",
            "ifExists", "cascade", "from", "to", "table", "type", "nullable", "default", "defaultSql", "primaryKey", "unique",
            "identity", "references", "onDelete", "onUpdate", "using", "dropDefault", "on", "columns", "expression", "where",
            "include", "concurrently", "text", "column", "refColumns", "notValid", "usingIndex", "check", "values", "value",
            "before", "after", "rows", "set", "batchSize", "pause", "timeColumn", "chunkInterval", "migrateData", "byRange",
            "dropAfter", "compressAfter", "message", "id", "ids", "instant", "labels", "mode", "duration", "body");

    private LiteralScriptCheck() {
    }

    /** True when every token of {@code text} is a DSL word, a literal, a named option or DSL punctuation. */
    static boolean isLiteral(String text) {
        KotlinCursor c = new KotlinCursor(text);
        while (true) {
            c.skipBlankAndComments();
            if (c.atEnd()) {
                return true;
            }
            char ch = c.peek();
            if (ch == '"') {
                if (!string(c)) {
                    return false;
                }
            } else if (Character.isDigit(ch) || ch == '-' && Character.isDigit(c.peek(1))) {
                c.pos++;
                while (!c.atEnd() && (Character.isLetterOrDigit(c.peek()) || c.peek() == '_' || c.peek() == '.')) {
                    c.pos++;
                }
            } else if (Character.isJavaIdentifierStart(ch)) {
                String word = c.word();
                if (word.isEmpty()) {
                    return false;
                }
                c.skipSpaces();
                boolean named = c.peek() == '=' && c.peek(1) != '=';
                if (named ? !OPTIONS.contains(word) : !WORDS.contains(word)) {
                    return false;
                }
                if (named) {
                    c.pos++;
                }
            } else if ("(){},;".indexOf(ch) >= 0) {
                c.pos++;
            } else {
                return false;
            }
        }
    }

    // a "..." or """...""" literal without templates
    private static boolean string(KotlinCursor c) {
        if (!c.startsWith("\"\"\"")) {
            return c.literal() != null;
        }
        int end = c.text.indexOf("\"\"\"", c.pos + 3);
        if (end < 0) {
            return false;
        }
        while (end + 3 < c.text.length() && c.text.charAt(end + 3) == '"') {
            end++; // a raw string may end in quotes: """a""""
        }
        for (int i = c.pos + 3; i < end; i++) {
            char ch = c.text.charAt(i);
            if (ch == '\n') {
                c.line++;
            }
            if (ch == '$' && i + 1 < end && (c.text.charAt(i + 1) == '{' || Character.isJavaIdentifierStart(c.text.charAt(i + 1)))) {
                return false;
            }
        }
        c.pos = end + 3;
        return true;
    }
}
