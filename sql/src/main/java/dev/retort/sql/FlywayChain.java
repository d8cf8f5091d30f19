package dev.retort.sql;

import dev.retort.Revision;
import dev.retort.ScriptException;
import dev.retort.spi.ScriptLanguage;
import dev.retort.spi.ScriptSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL files without a {@code -- revision:} header, read by their Flyway names: the versioned files as one linear
 * chain by version, then the repeatable ones by description (Flyway's order), which stand outside the chain. Each {@code U} file is the downgrade of
 * the versioned file with its version, not a revision of its own.
 */
final class FlywayChain {
    /** A headerless file and its Flyway name. */
    record Entry(ScriptSource source, FlywayName name) {
    }

    private final List<Entry> chain;
    private final Map<List<BigInteger>, ScriptSource> undo;

    private FlywayChain(List<Entry> chain, Map<List<BigInteger>, ScriptSource> undo) {
        this.chain = chain;
        this.undo = undo;
    }

    /** Orders {@code entries}; a version used twice or an undo file without its versioned file is an error. */
    static FlywayChain of(List<Entry> entries) {
        Map<List<BigInteger>, Entry> versioned = new HashMap<>();
        Map<String, Entry> repeatable = new HashMap<>();
        Map<List<BigInteger>, ScriptSource> undo = new HashMap<>();
        List<Entry> chain = new ArrayList<>();
        for (Entry e : entries) {
            FlywayName n = e.name();
            switch (n.kind()) {
                case VERSIONED -> {
                    Entry before = versioned.putIfAbsent(n.version(), e);
                    if (before != null) {
                        throw new ScriptException(e.source().displayName() + ":1: Flyway version " + n.versionText()
                                + " is used twice (also " + before.source().displayName()
                                + "); give one of them another version");
                    }
                    chain.add(e);
                }
                case REPEATABLE -> {
                    Entry before = repeatable.putIfAbsent(n.revisionId(), e);
                    if (before != null) {
                        throw new ScriptException(e.source().displayName() + ":1: repeatable '" + n.description()
                                + "' is defined twice (also " + before.source().displayName() + "); rename one");
                    }
                    chain.add(e);
                }
                case UNDO -> {
                    ScriptSource before = undo.putIfAbsent(n.version(), e.source());
                    if (before != null) {
                        throw new ScriptException(e.source().displayName() + ":1: undo of Flyway version " + n.versionText()
                                + " is given twice (also " + before.displayName() + "); keep one");
                    }
                }
            }
        }
        for (Map.Entry<List<BigInteger>, ScriptSource> u : undo.entrySet()) {
            if (!versioned.containsKey(u.getKey())) {
                throw new ScriptException(u.getValue().displayName() + ":1: undo file for Flyway version "
                        + FlywayName.parse(fileName(u.getValue())).map(FlywayName::versionText).orElse("?")
                        + ", but no V file has that version; remove it or add the V file");
            }
        }
        chain.sort(Comparator.comparing(Entry::name));
        return new FlywayChain(chain, undo);
    }

    /** The chain's files in order. */
    List<Entry> entries() {
        return chain;
    }

    /**
     * The revisions: each versioned file revises the one before it (the first is a base); then the repeatables, which
     * revise nothing, since they are not links of the graph but run after its heads ({@link ScriptLanguage#repeatable}).
     */
    List<Revision> revisions() {
        List<Revision> out = new ArrayList<>(chain.size());
        String previous = null;
        for (Entry e : chain) {
            String id = e.name().revisionId();
            boolean repeatable = e.name().kind() == FlywayName.Kind.REPEATABLE;
            out.add(new Revision(id, previous == null || repeatable ? List.of() : List.of(previous), List.of(), List.of(),
                    e.name().description(), null, true, e.source().displayName(), e.source().checksum()));
            if (!repeatable) {
                previous = id;
            }
        }
        return out;
    }

    /** The undo file of a versioned file, or null. */
    ScriptSource undoOf(FlywayName name) {
        return name.kind() == FlywayName.Kind.VERSIONED ? undo.get(name.version()) : null;
    }

    static String fileName(ScriptSource s) {
        String n = s.displayName().replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
