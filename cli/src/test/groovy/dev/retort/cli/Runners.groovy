package dev.retort.cli

import java.nio.file.Path
import java.util.concurrent.TimeUnit

/** Starts the real CLI as separate JVM processes at once (as concurrent deploys would) and collects what each says. */
class Runners {
    static class Outcome {
        int exit
        String out

        String toString() { "exit ${exit}: ${out}" }
    }

    static List<Outcome> run(int n, Path project, Map<String, String> env, String... args) {
        def cmd = [System.getProperty('java.home') + '/bin/java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
                   '-cp', System.getProperty('java.class.path'), 'dev.retort.cli.Main'] + (args as List)
        def procs = (1..n).collect {
            def pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true)
            pb.environment().putAll(env)
            pb.start()
        }
        return procs.collect { p ->
            String out = p.inputStream.text
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly()
            }
            new Outcome(exit: p.exitValue(), out: out)
        }
    }
}
