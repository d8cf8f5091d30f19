package dev.retort.internal.autogen;

import dev.retort.DslLanguage;

import java.util.List;
import java.util.stream.Collectors;

import static dev.retort.internal.autogen.DslWriter.INDENT;

/**
 * What differs between the Groovy and the Kotlin DSL when Retort writes it. {@link DslLines} builds every operation
 * from these, so both languages say the same arguments in the same order. A call, a named option and a list differ
 * only in {@link Punctuation}, which each language hands to the constructor; what differs in more than punctuation
 * (string literals, SQL blocks, maps, numbers without a shared literal) each language writes itself.
 */
abstract class DslSyntax {
    /**
     * How a language punctuates a call, a named option and a list.
     *
     * @param callOpen       between a call's name and its arguments
     * @param callClose      after a call's arguments
     * @param namedSeparator between a named option's key and its value
     * @param listOpen       before a list's values
     * @param listClose      after a list's values
     */
    record Punctuation(String callOpen, String callClose, String namedSeparator, String listOpen, String listClose) {
    }

    private final Punctuation punctuation;

    DslSyntax(Punctuation punctuation) {
        this.punctuation = punctuation;
    }

    static DslSyntax of(DslLanguage language) {
        return language == DslLanguage.KOTLIN ? KotlinSyntax.INSTANCE : GroovySyntax.INSTANCE;
    }

    /** A call with its arguments already joined by ", ". */
    final String call(String name, String args) {
        return name + punctuation.callOpen() + args + punctuation.callClose();
    }

    /** A named option. */
    final String named(String key, String value) {
        return key + punctuation.namedSeparator() + value;
    }

    /** A list of already written values. */
    final String list(List<String> values) {
        return punctuation.listOpen() + String.join(", ", values) + punctuation.listClose();
    }

    /** A list of already written values, each on its own line of a block (rows of data read better so). */
    final String listLines(List<String> values) {
        if (values.isEmpty()) {
            return list(values);
        }
        String lines = values.stream().map(v -> "\n" + INDENT + INDENT + v).collect(Collectors.joining(","));
        return punctuation.listOpen() + lines + "\n" + INDENT + punctuation.listClose();
    }

    /** A string literal that never interpolates. */
    abstract String lit(String s);

    /** SQL statements as a multi-line literal, each line indented twice, the closing quote indented once. */
    abstract String block(String sql);

    /** A call of {@code sql} with the text exactly as given (a baseline's function bodies keep their whitespace). */
    abstract String verbatimSql(String sql);

    /** One entry of a map: its string key as given, its value already written. */
    abstract String entry(String key, String value);

    /** A map of already written entries. */
    abstract String map(List<String> entries);

    /** A Double, BigDecimal or BigInteger, whose literals are not the same in the two languages. */
    abstract String number(Number n);
}
