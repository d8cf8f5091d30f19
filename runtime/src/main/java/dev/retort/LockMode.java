package dev.retort;

import java.util.Locale;

/** PostgreSQL's table lock modes, weakest first: a later mode conflicts with at least what an earlier one does. */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE;

    /** The mode as pg_locks names it ({@code AccessExclusiveLock}); null for a name that is not a table lock mode. */
    public static LockMode ofPgLocks(String mode) {
        for (LockMode m : values()) {
            if (m.pgLocks().equals(mode)) {
                return m;
            }
        }
        return null;
    }

    /** pg_locks' name: {@code AccessExclusiveLock}. */
    public String pgLocks() {
        StringBuilder out = new StringBuilder();
        for (String part : name().split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.append("Lock").toString();
    }

    /** As the documentation and LOCK TABLE write it: {@code ACCESS EXCLUSIVE}. */
    public String words() {
        return name().replace('_', ' ');
    }

    /** True when it blocks plain reads (only ACCESS EXCLUSIVE does) or writes (SHARE and up): a lock worth measuring. */
    public boolean strong() {
        return compareTo(SHARE) >= 0;
    }
}
