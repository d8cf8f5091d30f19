import dev.retort.Retort;

import java.nio.file.Path;

/** W4 through the Java API: upgrade("head") with nothing to do, in a warm JVM (the application-start call). */
public class ApiBench {
    public static void main(String[] args) throws Exception {
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            try (Retort r = Retort.configure().url(args[0]).projectDir(Path.of(args[1])).locations("migrations").load()) {
                r.upgrade("head");
            }
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] warm = java.util.Arrays.copyOfRange(ms, 2, ms.length);
        java.util.Arrays.sort(warm);
        System.out.println("first call " + ms[0] + " ms; warm median " + warm[warm.length / 2] + " ms (calls 3-7: "
                + java.util.Arrays.toString(java.util.Arrays.copyOfRange(ms, 2, ms.length)) + ")");
    }
}
