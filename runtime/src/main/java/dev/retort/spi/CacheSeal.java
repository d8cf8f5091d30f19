package dev.retort.spi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Authenticates what Retort keeps in {@code .retort/cache} (recorded plans, compiled scripts): whoever can
 * write that folder (a group-writable checkout, a CI cache restored from another branch) must not decide
 * what runs. Each entry carries an HMAC-SHA256 made with a per-user key that lives outside the project
 * ({@code $XDG_CONFIG_HOME/retort/cache.key} or {@code ~/.config/retort/cache.key}, created 0600 on first
 * use); an entry whose HMAC does not match, or that is not owned by this user, or that others may write,
 * is ignored (one warning line per run) and written again.
 */
public final class CacheSeal {
    /** Overrides where the key is kept (tests, unusual homes). */
    public static final String KEY_PROPERTY = "retort.cacheKey";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private final byte[] key;
    private final Consumer<String> warn;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final UserPrincipal owner;

    private CacheSeal(byte[] key, UserPrincipal owner, Consumer<String> warn) {
        this.key = key;
        this.owner = owner;
        this.warn = warn;
    }

    /**
     * This user's seal, the key created on first use; null when there is no usable key (then nothing is
     * cached). A key others could read or write is refused with a warning: it could have been chosen by them.
     */
    public static CacheSeal forUser(Consumer<String> warn) {
        Path file = keyFile();
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file);
            }
            String problem = untrusted(file, null, true);
            if (problem != null) {
                warn.accept("warning: the cache key " + file + " " + problem + "; the cache is off until it is fixed "
                        + "(delete the file and Retort makes a new one)");
                return null;
            }
            byte[] k = Files.readAllBytes(file);
            if (k.length < KEY_BYTES) {
                warn.accept("warning: the cache key " + file + " is too short; the cache is off until it is fixed "
                        + "(delete the file and Retort makes a new one)");
                return null;
            }
            return new CacheSeal(k, ownerOf(file), warn);
        } catch (IOException | RuntimeException e) {
            return null; // no home to keep a key in: no cache, which only costs speed
        }
    }

    /** A seal with a given key (tests: an attacker's key). */
    public static CacheSeal withKey(byte[] key, Consumer<String> warn) {
        return new CacheSeal(key.clone(), null, warn);
    }

    /** Where the key is kept. */
    public static Path keyFile() {
        String p = System.getProperty(KEY_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("retort").resolve("cache.key");
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(Files.exists(dir) ? dir : dir.getRoot()).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        Path tmp = posix
                ? Files.createTempFile(dir, "cache.key", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "cache.key", ".tmp");
        try {
            Files.write(tmp, k);
            // a link fails when the key exists: two first runs at once keep one key, never replace it
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException ignored) {
            // another run made it first
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static UserPrincipal ownerOf(Path file) throws IOException {
        return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
    }

    // why a file is not to be trusted, or null; the key must not even be readable by others
    private static String untrusted(Path file, UserPrincipal expectedOwner, boolean secret) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return "is a symbolic link";
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return null; // no POSIX permissions here: the HMAC alone decides
        }
        PosixFileAttributes a = view.readAttributes();
        String me = System.getProperty("user.name");
        if (expectedOwner != null ? !a.owner().equals(expectedOwner) : me != null && !a.owner().getName().equals(me)) {
            return "is owned by " + a.owner().getName() + ", not by you";
        }
        Set<PosixFilePermission> p = a.permissions();
        if (p.stream().anyMatch(OTHERS_WRITE::contains)) {
            return "is writable by others (" + PosixFilePermissions.toString(p) + ")";
        }
        if (secret && (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ))) {
            return "is readable by others (" + PosixFilePermissions.toString(p) + "; it must be 0600)";
        }
        return null;
    }

    /** The HMAC of {@code parts} (each framed by its length, so parts cannot be shifted between each other). */
    public byte[] mac(byte[]... parts) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                int n = part.length;
                m.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                m.update(part);
            }
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code mac} is the HMAC of {@code parts} (compared in constant time). */
    public boolean verify(byte[] mac, byte[]... parts) {
        return mac != null && MessageDigest.isEqual(mac, mac(parts));
    }

    /**
     * Null when the entry file may be read (owned by this user, not writable by others); otherwise the
     * reason, already reported (the first time in a run) as a warning.
     */
    public String checkFile(Path entry) {
        try {
            String problem = untrusted(entry, owner, false);
            if (problem != null) {
                reject(entry, problem);
            }
            return problem;
        } catch (IOException e) {
            return "cannot be read";
        }
    }

    /** Reports an entry that is ignored; the first in a run prints one warning line. */
    public void reject(Path entry, String why) {
        if (warned.compareAndSet(false, true)) {
            warn.accept("warning: ignored the cache entry " + entry + " (" + why + "; not written by you with your key "
                    + keyFile() + "); it is rebuilt from the script");
        }
    }
}
