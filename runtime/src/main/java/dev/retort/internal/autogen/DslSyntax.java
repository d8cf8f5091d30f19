package dev.retort.internal.autogen;

import dev.retort.DslLanguage;

import java.util.List;

/**
 * What differs between the Groovy and the Kotlin DSL when Retort writes it: how a call, a named option, a list and a
 * string look. {@link DslLines} builds every operation from these, so both languages say the same arguments in the
 * same order and only the punctuation differs.
 */
interface DslSyntax {
    /** {@code name args}: a call with its arguments already joined by ", ". */
    String call(String name, String args);

    /** A named option, {@code key: value} or {@code key = value}. */
    String named(String key, String value);

    /** A list of already written values. */
    String list(List<String> values);

    /** A string literal that never interpolates. */
    String lit(String s);

    /** SQL statements as a multi-line literal, each line indented twice, the closing quote indented once. */
    String block(String sql);

    /** A call of {@code sql} with the text exactly as given (a baseline's function bodies keep their whitespace). */
    String verbatimSql(String sql);

    static DslSyntax of(DslLanguage language) {
        return language == DslLanguage.KOTLIN ? KotlinSyntax.INSTANCE : GroovySyntax.INSTANCE;
    }
}
