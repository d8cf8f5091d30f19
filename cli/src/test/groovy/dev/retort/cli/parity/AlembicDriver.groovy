package dev.retort.cli.parity

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * One long-running python process with the installed Alembic (driver.py from the test resources),
 * asked one JSON line at a time: one process for a whole spec keeps Python's start-up out of the run.
 */
class AlembicDriver implements Closeable {
    private final Process process
    private final BufferedWriter input
    private final BufferedReader output
    final String version

    private AlembicDriver(Process process, String version) {
        this.process = process
        this.version = version
        this.input = new BufferedWriter(new OutputStreamWriter(process.outputStream, 'UTF-8'))
        this.output = new BufferedReader(new InputStreamReader(process.inputStream, 'UTF-8'))
    }

    /** The python that has Alembic: RETORT_PYTHON, else Debian's /usr/bin/python3, else python3 on the PATH. */
    static String python() {
        String configured = System.getenv('RETORT_PYTHON')
        if (configured) {
            return configured
        }
        return Files.isExecutable(Path.of('/usr/bin/python3')) ? '/usr/bin/python3' : 'python3'
    }

    /** Alembic's version, or null with the reason in {@code why} when python or Alembic is missing. */
    static String alembicVersion(StringBuilder why) {
        try {
            Process p = new ProcessBuilder(python(), '-c', 'import alembic; print(alembic.__version__)').redirectErrorStream(true).start()
            String text = p.inputStream.text.trim()
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                why.append(text)
                return null
            }
            return text
        } catch (IOException e) {
            why.append(e.message)
            return null
        }
    }

    static AlembicDriver start(Path work) {
        Path script = work.resolve('driver.py')
        script.text = AlembicDriver.getResourceAsStream('/alembic/driver.py').getText('UTF-8')
        StringBuilder why = new StringBuilder()
        String version = alembicVersion(why)
        if (version == null) {
            throw new IllegalStateException("Alembic is not installed for ${python()} (${why}); install python3-alembic "
                    + "(.ci/run does), or point RETORT_PYTHON at a python that has it")
        }
        Process p = new ProcessBuilder(python(), script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        return new AlembicDriver(p, version)
    }

    Map ask(Map request) {
        input.write(JsonOutput.toJson(request))
        input.write('\n')
        input.flush()
        String line = output.readLine()
        if (line == null) {
            throw new IllegalStateException("the Alembic driver ended (exit ${process.waitFor()}) on ${request}")
        }
        return new JsonSlurper().parseText(line) as Map
    }

    @Override
    void close() {
        try {
            input.write('{"op": "quit"}\n')
            input.flush()
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy()
        }
    }
}
