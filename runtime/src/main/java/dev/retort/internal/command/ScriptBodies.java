package dev.retort.internal.command;

import dev.retort.Direction;
import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.internal.dialect.PostgresDialect;
import dev.retort.internal.exec.Preflight;
import dev.retort.internal.graph.Plan;
import dev.retort.internal.script.LargeScripts;
import dev.retort.internal.script.PlanCache;
import dev.retort.internal.script.RecordedBody;
import dev.retort.spi.CacheSeal;
import dev.retort.spi.MigrationBody;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The bodies of the loaded scripts, each compiled (or read from the plan cache) once: the scripts are
 * fixed at load, so one body serves every command of the instance.
 */
public final class ScriptBodies {
    private final ScriptLanguage language;
    private final Map<String, ScriptSource> sources;
    private final PostgresDialect dialect;
    private final PlanCache planCache;
    private final Consumer<String> notices;
    private final Map<String, MigrationBody> loaded = new ConcurrentHashMap<>();

    ScriptBodies(Settings config, ScriptLanguage language, Map<String, ScriptSource> sources, PostgresDialect dialect,
                 CacheSeal seal) {
        this.language = language;
        this.sources = sources;
        this.dialect = dialect;
        this.notices = config.listener()::notice;
        this.planCache = seal != null && config.projectDir() != null
                ? new PlanCache(config.projectDir().resolve(".retort/cache/plans"), BuildVersion.get(), seal) : null;
    }

    /** Every script the plan will run, compiled and preflighted before any runs, so a broken script stops the run untouched. */
    public Map<String, MigrationBody> compile(Plan plan) {
        Map<String, MigrationBody> bodies = new LinkedHashMap<>();
        for (Revision r : plan.steps()) {
            MigrationBody body = body(r);
            if (plan.direction() == Direction.DOWNGRADE && !body.hasDowngrade()) {
                throw new ScriptException("revision " + r.id() + " (" + r.file() + ") has no downgrade block, so it cannot be "
                        + "downgraded; add downgrade { } (or use change { }) and run again");
            }
            Preflight.check(r, body, plan.direction(), dialect);
            bodies.put(r.id(), body);
        }
        return bodies;
    }

    /**
     * The body of a script: its recording from the plan cache when there is one; else compiled and
     * recorded (and the recording kept) when its steps do not depend on the server; else compiled.
     */
    public MigrationBody body(Revision r) {
        // not computeIfAbsent: a big script compiles for seconds, and must not block other threads' scripts
        MigrationBody known = loaded.get(r.id());
        if (known == null) {
            known = load(r);
            loaded.put(r.id(), known);
        }
        return known;
    }

    private MigrationBody load(Revision r) {
        ScriptSource source = sources.get(r.id());
        String key = planCache == null ? null : planCache.key(source,
                // a checksum that is not the text's own covers files the script reads (sqlFile): they key the recording too
                r.checksum() != null && !r.checksum().equals(source.checksum()) ? r.checksum() : "");
        if (key != null) {
            RecordedBody cached = planCache.read(key);
            if (cached != null) {
                return cached;
            }
        }
        MigrationBody compiled = LargeScripts.compile(language, source, r, notices);
        RecordedBody recorded = RecordedBody.record(r, compiled);
        if (recorded == null) {
            return compiled;
        }
        if (key != null && compiled.replayable()) {
            planCache.write(key, recorded);
        }
        return recorded;
    }
}
