package dev.retort.internal.autogen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete schema model (schema.groovy) for a schema as pg_catalog describes it: the operations that build it
 * from empty, in the order they apply, written in the migration DSL's words (which the model accepts), one
 * object after another. What the DSL cannot say is a {@code // review:} comment, as in autogenerate.
 */
public final class ModelText {
    private ModelText() {
    }

    /** The model of {@code schema}; {@code source} is named in the header comment. */
    public static String of(Catalog schema, String source) {
        Map<String, String> base = new LinkedHashMap<>();
        if (schema.extensions().containsKey("plpgsql")) {
            base.put("plpgsql", schema.extensions().get("plpgsql"));
        }
        Catalog empty = new Catalog(schema.schema(), Map.of(), Map.of(), Map.of(), base);
        List<Change> changes = SchemaDiff.between(empty, schema, "nothing", source);
        StringBuilder out = new StringBuilder();
        out.append("// The schema model (see docs/autogenerate.md), written by 'retort model' from ").append(source).append(".\n");
        out.append("// 'retort check' compares the migrations with it; 'retort revision --autogenerate' writes what differs.\n\n");
        for (String line : DslWriter.upgrade(changes).split("\n", -1)) {
            out.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }
}
