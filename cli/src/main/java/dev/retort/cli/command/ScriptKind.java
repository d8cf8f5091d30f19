package dev.retort.cli.command;

import dev.retort.DslLanguage;
import dev.retort.UsageException;

import java.util.List;

/** The languages a new script can be written in, with their template, file ending and literal syntax. */
enum ScriptKind {
    GROOVY(".groovy", DslLanguage.GROOVY),
    KOTLIN(".retort.kts", DslLanguage.KOTLIN);

    private final String ending;
    private final DslLanguage dsl;

    ScriptKind(String ending, DslLanguage dsl) {
        this.ending = ending;
        this.dsl = dsl;
    }

    /** The language autogenerate and baseline write the blocks in. */
    DslLanguage dsl() {
        return dsl;
    }

    /** {@code groovy} or {@code kotlin} (as --lang and the scriptLanguage setting say it). */
    static ScriptKind named(String name) {
        return switch (name) {
            case "groovy" -> GROOVY;
            case "kotlin" -> KOTLIN;
            default -> throw new UsageException("--lang '" + name + "' is not known; use groovy or kotlin");
        };
    }

    /** The template's file name, in the jar and in a project's migrations/templates/. */
    String template() {
        return "revision" + ending + ".tmpl";
    }

    String ending() {
        return ending;
    }

    /** A string literal that the header reader of this language takes. */
    String literal(String s) {
        if (this == GROOVY) {
            return ScriptWriter.literal(s);
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }

    static String kotlinHeader(String id, List<String> revises, String message, String created, List<String> labels,
                               List<String> deps) {
        StringBuilder sb = new StringBuilder();
        sb.append("revision(").append(KOTLIN.literal(id)).append(")\n");
        if (revises.isEmpty()) {
            sb.append("// a base revision: it revises nothing\n");
        } else {
            sb.append("revises(").append(String.join(", ", revises.stream().map(KOTLIN::literal).toList())).append(")\n");
        }
        sb.append("message(").append(KOTLIN.literal(message)).append(")\n");
        sb.append("created(").append(KOTLIN.literal(created)).append(")");
        if (!labels.isEmpty()) {
            sb.append("\nbranchLabels(").append(String.join(", ", labels.stream().map(KOTLIN::literal).toList())).append(")");
        }
        if (!deps.isEmpty()) {
            sb.append("\ndependsOn(").append(String.join(", ", deps.stream().map(KOTLIN::literal).toList())).append(")");
        }
        return sb.toString();
    }
}
