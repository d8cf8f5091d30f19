import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

/** One throwaway PostgreSQL for a whole benchmark run: prints its port, runs until killed. */
public class Server {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // going away anyway
            }
        }));
        Files.writeString(Path.of(args[0] + ".port"), String.valueOf(pg.getPort()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
