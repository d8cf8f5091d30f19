package dev.retort.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Flyway's checksum of an SQL file: CRC32 over each line's UTF-8 bytes, line endings and a leading BOM left out. */
public final class FlywayChecksum {
    private FlywayChecksum() {
    }

    /** The checksum Flyway stores in {@code flyway_schema_history.checksum} for a file with this text. */
    public static int of(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = r.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }
}
