package dev.retort.sql;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain SQL migrations ({@code *.sql}), registered as a {@link ScriptLanguage} service. A file names its place in the
 * graph with a comment header ({@code -- revision: ...}, {@code -- revises: ...}, see {@link SqlHeader}) and may
 * have a {@code -- downgrade} section; a file without a header is read by its Flyway name ({@link FlywayName}) as a
 * link of one linear chain ({@link FlywayChain}). Flyway placeholders ({@code ${...}}), callbacks
 * ({@code beforeMigrate.sql}, ...), Java migrations and per-file {@code .conf} settings are not read.
 */
public final class SqlScriptLanguage implements ScriptLanguage {
    // the undo file of each headerless versioned file, by the versioned file's display name, from readHeaders
    private final Map<String, ScriptSource> undo = new ConcurrentHashMap<>();
    // the display names of the headerless R__ files, from readHeaders
    private final java.util.Set<String> repeatables = ConcurrentHashMap.newKeySet();

    @Override
    public String extension() {
        return ".sql";
    }

    @Override
    public Revision readHeader(ScriptSource source, String checksum) {
        List<Revision> r = readHeaders(List.of(source));
        if (r.isEmpty()) {
            throw new ScriptException(source.displayName() + ":1: a Flyway undo file is the downgrade of its V file, "
                    + "not a revision of its own");
        }
        return r.get(0);
    }

    @Override
    public List<Revision> readHeaders(List<ScriptSource> sources) {
        List<Revision> out = new ArrayList<>();
        List<FlywayChain.Entry> named = new ArrayList<>();
        for (ScriptSource s : sources) {
            SqlHeader h = SqlHeader.read(s.displayName(), s.text());
            Optional<FlywayName> flyway = FlywayName.parse(FlywayChain.fileName(s));
            if (h.hasRevision()) {
                SqlSections.of(s.displayName(), s.text()); // a second -- downgrade line fails when the graph is read
                out.add(new Revision(h.value("revision"), h.list("revises"), h.list("dependsOn"), h.list("branchLabels"),
                        h.value("message"), h.value("created"), h.transactional(), s.displayName(), s.checksum(),
                        h.value("lockTimeout"), h.value("statementTimeout")));
            } else if (flyway.isPresent()) {
                named.add(new FlywayChain.Entry(s, flyway.get()));
            } else {
                throw new ScriptException(s.displayName() + ":1: no '-- revision:' header, and the name is not Flyway's "
                        + "(V<version>__<description>.sql, U<version>__..., R__...); start the file with "
                        + "-- revision: <id> and -- revises: <parent id>");
            }
        }
        FlywayChain chain = FlywayChain.of(named);
        for (FlywayChain.Entry e : chain.entries()) {
            if (e.name().kind() == FlywayName.Kind.REPEATABLE) {
                repeatables.add(e.source().displayName());
            }
            ScriptSource u = chain.undoOf(e.name());
            if (u != null) {
                if (SqlSections.of(e.source().displayName(), e.source().text()).downgrade() != null) {
                    throw new ScriptException(e.source().displayName() + ":1: has a '-- downgrade' section and an undo file "
                            + u.displayName() + "; keep one of them");
                }
                undo.put(e.source().displayName(), u);
            }
        }
        out.addAll(chain.revisions());
        return out;
    }

    /** A headerless {@code R__} file: Flyway's repeatable migration. */
    @Override
    public boolean repeatable(Revision revision) {
        return repeatables.contains(revision.file());
    }

    @Override
    public MigrationBody compile(ScriptSource source, Revision revision) {
        SqlSections sections = SqlSections.of(source.displayName(), source.text());
        ScriptSource u = undo.get(source.displayName());
        if (u != null) {
            return new SqlMigrationBody(sections.upgrade(), u.text(), false);
        }
        return new SqlMigrationBody(sections.upgrade(), sections.downgrade(), true);
    }
}
