package dev.retort.cli

import spock.lang.Unroll

import java.nio.file.Files

/**
 * Issue 15: the bad inputs and fault scenarios outside probes found answered with a wrong exit code, a
 * misleading first line or a stack trace. Each: one clear line, the exit code README.md lists, the database as it was.
 */
class BadInputProbesSpec extends CliSpecification {
    static final String GOOD = BadInputSpec.GOOD
    static final String PENDING = "revision 'good02'\nrevises 'good01'\nupgrade { createTable('second_table') { column 'id', 'bigint' } }\n"

    static Map c(Map m) { m }

    @Unroll
    def "probe #c.item: #c.problem is exit #c.exit with one line naming '#c.message', and the database is as it was"() {
        given:
        script('001_good.groovy', GOOD)
        (c.files ?: [:]).each { name, text -> script(name, text) }
        if (c.props) {
            Files.writeString(project.resolve('retort.properties'), c.props)
        }
        (c.env ?: [:]).each { k, v -> env[k] = v }
        if (c.db) {
            run('upgrade', 'good01')
            db.withSql { it.execute(c.db) }
        }
        if (c.prepare) {
            c.prepare.call(this)
        }
        def before = state()

        when:
        def r = run(c.args as String[])

        then:
        r.exit == c.exit
        def first = r.err.readLines().find { it.startsWith('error:') }
        first != null
        fragments(c.message).every { first.contains(it) }
        !r.err.contains('\tat ')              // no stack trace without -v
        !first.contains('unexpected')
        state() == before

        cleanup:
        def locked = project.resolve('migrations/locked')
        if (Files.isSymbolicLink(locked)) {
            Files.delete(locked)
        }

        where:
        c << [
            // 1: a script must not end Retort's JVM
            c(item: 1, problem: 'System.exit(0) in a script body', files: ['002_exit.groovy': "revision 'ex1'\nrevises 'good01'\nupgrade {\n    System.exit(0)\n}\n"], args: ['upgrade'], exit: 3, message: '002_exit.groovy:4|System.exit'),
            c(item: 1, problem: 'System.exit(3) at the top of a script', files: ['002_exit.groovy': "revision 'ex1'\nrevises 'good01'\nSystem.exit(3)\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: '002_exit.groovy:3|System.exit'),
            c(item: 1, problem: 'Runtime.getRuntime().halt(1)', files: ['002_halt.groovy': "revision 'ex1'\nrevises 'good01'\nupgrade {\n    Runtime.getRuntime().halt(1)\n}\n"], args: ['upgrade'], exit: 3, message: '002_halt.groovy:4|Runtime.halt'),
            c(item: 1, problem: 'Runtime.runtime.exit(0)', files: ['002_rexit.groovy': "revision 'ex1'\nrevises 'good01'\nupgrade {\n    Runtime.runtime.exit(0)\n}\n"], args: ['upgrade'], exit: 3, message: '002_rexit.groovy:4|Runtime.exit'),
            // 2: JVM errors a script causes
            c(item: 2, problem: 'endless recursion (StackOverflowError)', files: ['002_so.groovy': "revision 'so1'\nrevises 'good01'\nupgrade {\n    def down\n    down = { int n -> down(n + 1) + 1 }\n    down(0)\n}\n"], args: ['upgrade'], exit: 3, message: '002_so.groovy|StackOverflowError'),
            c(item: 2, problem: 'an OutOfMemoryError while loading', files: ['002_oom.groovy': "revision 'oom1'\nrevises 'good01'\nthrow new OutOfMemoryError('Java heap space')\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: '002_oom.groovy:3|ran out of memory'),
            // 3: ordinary bad input, not an internal error
            c(item: 3, problem: 'an unreadable subfolder', prepare: { s -> s.unreadableFolder('locked') }, args: ['upgrade'], exit: 2, message: 'migrations/locked|permission denied'),
            c(item: 3, problem: 'a malformed \\u escape in retort.properties (a Windows path)', props: 'schema=public\nlocations=C:\\users\\me\\migrations\n', args: ['upgrade'], exit: 2, message: 'retort.properties:2|backslash'),
            c(item: 3, problem: 'upgrade +99999999999999999999', args: ['upgrade', '+99999999999999999999'], exit: 2, message: "'+99999999999999999999'|more than Retort can count"),
            c(item: 3, problem: 'downgrade -99999999999999999999', db: 'SELECT 1', args: ['downgrade', '-99999999999999999999'], exit: 2, message: "'-99999999999999999999'|more than Retort can count"),
            // 4: values that used to fail mid-run are load errors
            c(item: 4, problem: "a header lockTimeout '99999999999s'", files: ['002_ok.groovy': PENDING, '003_lt.groovy': "revision 'lt3'\nrevises 'good02'\nlockTimeout '99999999999s'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "003_lt.groovy:3|lockTimeout|too long"),
            c(item: 4, problem: "a header statementTimeout '9999999999999999999ms'", files: ['002_ok.groovy': PENDING, '003_st.groovy': "revision 'st3'\nrevises 'good02'\nstatementTimeout '9999999999999999999ms'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "003_st.groovy:3|statementTimeout|too long"),
            c(item: 4, problem: 'config sqlLockTimeout=3000000s', files: ['002_ok.groovy': PENDING], props: 'sqlLockTimeout=3000000s\n', args: ['upgrade'], exit: 2, message: 'sqlLockTimeout|3000000s|too long'),
            c(item: 4, problem: 'an unterminated quote in sql (second pending migration)', files: ['002_ok.groovy': PENDING, '003_q.groovy': "revision 'q3'\nrevises 'good02'\nupgrade {\n    sql \"UPDATE first_table SET id = 'x\"\n}\n"], args: ['upgrade'], exit: 3, message: "003_q.groovy:4|ends inside a quote"),
            c(item: 4, problem: 'an unterminated $$ body in sql', files: ['002_ok.groovy': PENDING, '003_d.groovy': "revision 'd3'\nrevises 'good02'\nupgrade {\n    sql 'DO \$\$ BEGIN PERFORM 1; END'\n}\n"], args: ['upgrade'], exit: 3, message: "003_d.groovy:4|ends inside"),
            // 5: a read-only database says so
            c(item: 5, problem: 'a read-only database with a pending migration', prepare: { s -> s.readOnly() }, args: ['upgrade'], exit: 4, message: 'read-only|default_transaction_read_only'),
            c(item: 5, problem: 'a read-only database asked to stamp', prepare: { s -> s.readOnly() }, args: ['stamp', 'good01'], exit: 4, message: 'read-only|point --url at the primary'),
            // 14: an older checkout against a newer database
            c(item: 14, problem: 'upgrade from a revision not in this checkout', db: "INSERT INTO retort_version VALUES ('newer0001'); DELETE FROM retort_version WHERE version_num = 'good01'", files: ['002_ok.groovy': PENDING], args: ['upgrade'], exit: 3, message: 'newer0001|not in this checkout|update this checkout'),
            c(item: 14, problem: 'downgrade from a revision not in this checkout', db: "UPDATE retort_version SET version_num = 'newer0001'", args: ['downgrade', 'base'], exit: 3, message: 'newer0001|not in this checkout'),
            // 9: what is not a script's text
            c(item: 9, problem: 'a line before the revision header', files: ['002_nh.groovy': "// notes\nfoo = 1\nrevision 'nh1'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_nh.groovy:2|'foo = 1' comes before the 'revision' header"),
            c(item: 9, problem: 'a file that is not UTF-8', prepare: { s -> s.bytes('002_latin.groovy', (("revision 'lat1'\nrevises 'good01'\nmessage 'caf".getBytes('UTF-8') as List) + [(byte) 0xE9, (byte) 0x27, (byte) 0x0A] + ("upgrade { sql 'SELECT 1' }\n".getBytes('UTF-8') as List)) as byte[]) }, args: ['upgrade'], exit: 3, message: '002_latin.groovy:3|not UTF-8'),
            c(item: 9, problem: 'a binary file', prepare: { s -> s.bytes('002_bin.groovy', [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00] as byte[]) }, args: ['upgrade'], exit: 3, message: '002_bin.groovy:1|not UTF-8'),
            // 12: one duration grammar
            c(item: 12, problem: "a header lockTimeout '1.5s'", files: ['002_lt.groovy': "revision 'lt2'\nrevises 'good01'\nlockTimeout '1.5s'\nupgrade { sql 'SELECT 1' }\n"], args: ['upgrade'], exit: 3, message: "002_lt.groovy:3|'1.5s' is not a duration|bare number is milliseconds"),
            c(item: 12, problem: "config lockRetryBackoff=1.5s", props: 'lockRetryBackoff=1.5s\n', args: ['upgrade'], exit: 2, message: "lockRetryBackoff|'1.5s' is not a duration|bare number is milliseconds"),
            c(item: 12, problem: "a negative config duration", env: [RETORT_SQL_STATEMENT_TIMEOUT: '-1s'], args: ['upgrade'], exit: 2, message: "sqlStatementTimeout|'-1s' is not a duration"),
        ]
    }

    // a folder in migrations/ Retort cannot list: chmod 000, or where root reads anyway, a link to a folder even root cannot list
    void unreadableFolder(String name) {
        def dir = project.resolve('migrations').resolve(name)
        Files.createDirectories(dir)
        Files.writeString(dir.resolve('x.groovy'), "revision 'hidden1'\nupgrade { sql 'SELECT 1' }\n")
        dir.toFile().setReadable(false, false)
        dir.toFile().setExecutable(false, false)
        if (listable(dir)) {
            dir.toFile().setReadable(true, false)
            dir.toFile().setExecutable(true, false)
            dir.toFile().deleteDir()
            def closed = ['/proc/1/root', '/proc/1/cwd', '/proc/1/map_files'].collect { java.nio.file.Path.of(it) }.find { !listable(it) }
            assert closed != null: 'no folder here that this user cannot read'
            Files.createSymbolicLink(dir, closed)
        }
    }

    static boolean listable(java.nio.file.Path dir) {
        try {
            Files.newDirectoryStream(dir).withCloseable { it.iterator().hasNext() }
            return true
        } catch (IOException | java.nio.file.DirectoryIteratorException ignored) {
            return false
        }
    }

    void readOnly() {
        db.withSql { it.execute("ALTER DATABASE \"${db.name}\" SET default_transaction_read_only = on".toString()) }
    }

    void bytes(String name, byte[] content) {
        Files.write(project.resolve('migrations').resolve(name), content)
    }

    // as BadInputSpec: the schema (Retort's tables included), the version rows and the successful history rows
    def state() {
        [db.connect().withCloseable { dev.retort.SchemaSnapshot.take(it, []) }, versions(), history().count { it.success }]
    }

    static List<String> fragments(String f) {
        f ? f.split(/\|/) as List : []
    }

    // a script that fails unless PostgreSQL's setting is what Retort was told
    static String expectSetting(String id, String header, String setting, String value) {
        "revision '${id}'\nrevises 'good01'\n${header}\nupgrade {\n    sql \'\'\'DO \$\$ BEGIN IF current_setting('${setting}') <> '${value}' THEN " +
                "RAISE EXCEPTION '${setting} is %', current_setting('${setting}'); END IF; END \$\$\'\'\'\n}\n"
    }

    @Unroll
    def "probe 12: one duration grammar: #where '#text' reaches PostgreSQL as #setting = #expected"() {
        given:
        script('001_good.groovy', GOOD)
        script('002_check.groovy', expectSetting('chk2', header ?: '', setting, expected))
        if (props) {
            Files.writeString(project.resolve('retort.properties'), props)
        }

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        versions() == ['chk2']

        where:
        where    | text    | header                       | props                        | setting             || expected
        'config' | '30min' | null                         | 'sqlLockTimeout=30min\n'     | 'lock_timeout'      || '30min'
        'config' | '1h'    | null                         | 'sqlStatementTimeout=1h\n'   | 'statement_timeout' || '1h'
        'config' | '250'   | null                         | 'sqlLockTimeout=250\n'       | 'lock_timeout'      || '250ms'
        'config' | '2d'    | null                         | 'sqlStatementTimeout=2d\n'   | 'statement_timeout' || '2d'
        'header' | '5m'    | "lockTimeout '5m'"           | null                         | 'lock_timeout'      || '5min'
        'header' | '1d'    | "statementTimeout '1d'"      | null                         | 'statement_timeout' || '1d'
        'header' | '1500'  | "lockTimeout '1500'"         | null                         | 'lock_timeout'      || '1500ms'
    }

    def "probe 9: a UTF-8 byte-order mark before the header is dropped"() {
        given:
        script('001_good.groovy', GOOD)
        script('002_bom.groovy', "\uFEFFrevision 'bom1'\nrevises 'good01'\nupgrade { createTable('bom_table') { column 'id', 'int' } }\n")

        when:
        def r = run('upgrade')

        then:
        Files.readAllBytes(project.resolve('migrations/002_bom.groovy'))[0] == (byte) 0xEF
        r.exit == 0
        versions() == ['bom1']
        tables().contains('bom_table')
    }

    def "probe 11: a symlinked folder inside migrations/ is followed, and a link back up is walked once"() {
        given:
        script('001_good.groovy', GOOD)
        def shared = Files.createDirectories(project.resolve('shared'))
        Files.writeString(shared.resolve('002_linked.groovy'), "revision 'lnk1'\nrevises 'good01'\nupgrade { createTable('linked_table') { column 'id', 'int' } }\n")
        Files.createSymbolicLink(project.resolve('migrations/shared'), shared)
        Files.createSymbolicLink(shared.resolve('loop'), project.resolve('migrations').toRealPath())

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        versions() == ['lnk1']
        tables().contains('linked_table')

        cleanup: 'the links first, so the temporary folder is removed without following them'
        Files.deleteIfExists(shared.resolve('loop'))
        Files.deleteIfExists(project.resolve('migrations/shared'))
    }

    def "probe 13: a quoted .env value followed by a comment is the bare value, as python-dotenv reads it"() {
        given:
        script('001_good.groovy', GOOD)
        env.remove('RETORT_URL')
        Files.writeString(project.resolve('.env'), "DATABASE_URL=\"${db.url}\" # the local database\nRETORT_SCHEMA='public'   # default\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        versions() == ['good01']
    }

    def "probe 10: revision -m with a line break is exit 2 and writes no script"() {
        given:
        script('001_good.groovy', GOOD)

        when:
        def r = run('revision', '-m', 'two\nlines')

        then:
        r.exit == 2
        r.err.readLines()[0].startsWith('error: --message: give one line')
        Files.list(project.resolve('migrations')).count() == 1

        when: 'every later command still works'
        def later = run('heads')

        then:
        later.exit == 0
    }

    def "probe 15: show --json prints JSON"() {
        given:
        script('001_good.groovy', GOOD)

        when:
        def r = run('--json', 'show', 'good01')
        def shown = new groovy.json.JsonSlurper().parseText(r.out)

        then:
        r.exit == 0
        shown.revision == 'good01'
        shown.revises == []
        shown.head == true
        shown.file == 'migrations/001_good.groovy'
    }

    @Unroll
    def "probe 15: a bad range under --json (#args) prints a JSON error on stdout and one line on stderr"() {
        given:
        script('001_good.groovy', GOOD)

        when:
        def r = run(args as String[])
        def error = new groovy.json.JsonSlurper().parseText(r.out)

        then:
        r.exit == 3
        error.exit == 3
        error.error.contains('zzzz99')
        r.err.readLines()[0].startsWith('error:')

        where:
        args << [['--json', 'history', '-r', 'zzzz99:head'], ['history', '--json', '-r', 'zzzz99:'], ['--json', 'show', 'zzzz99']]
    }

    def "probe 6: jsonb ?, ?| and ?& in backfill where: and set: reach PostgreSQL as operators"() {
        given:
        script('001_docs.groovy', '''revision 'js1'
            upgrade {
                createTable('docs') { column 'id', 'bigint', primaryKey: true; column 'data', 'jsonb'; column 'flag', 'boolean' }
                sql \'\'\'INSERT INTO docs VALUES (1, '{"k": 1}', NULL), (2, '{"x": 1}', NULL), (3, '{"k": 1, "x": 2}', NULL)\'\'\'
            }
            '''.stripIndent())
        script('002_fill.groovy', '''revision 'js2'
            revises 'js1'
            upgrade {
                backfill 'docs', set: "flag = data ?& array['k', 'x']", where: "data ? 'k' OR data ?| array['x']", batchSize: 2
                backfill 'docs', set: "flag = (data->>'k') = '?'", where: "flag IS NULL AND data ? 'zz'"
            }
            '''.stripIndent())

        when:
        def r = run('upgrade')

        then:
        r.exit == 0
        db.withSql { it.rows('SELECT id, flag FROM docs ORDER BY id').collect { [it.id, it.flag] } } == [[1, false], [2, false], [3, true]]
    }

    def "probe 7: 'held by pid N' names the holder in this database, not a session with the same key in another"() {
        given:
        script('001_good.groovy', GOOD)
        env.RETORT_LOCK_TIMEOUT = '1s'
        long key = dev.retort.internal.exec.AdvisoryLock.keyFor('public', 'retort_version')
        def other = dev.retort.spock.TestDatabase.create()
        def elsewhere = other.connect()
        elsewhere.createStatement().execute("SET application_name = 'other-database'")
        elsewhere.createStatement().execute("SELECT pg_advisory_lock(${key})")
        def here = db.connect()
        here.createStatement().execute("SET application_name = 'this-database'")
        here.createStatement().execute("SELECT pg_advisory_lock(${key})")

        when:
        def r = run('upgrade')

        then:
        r.exit == 6
        def line = r.err.readLines().find { it.startsWith('error:') }
        line.contains('(this-database)')
        !r.err.contains('other-database')
        versions() == []

        cleanup:
        here?.close()
        elsewhere?.close()
        other?.close()
    }

    def "probe 5: a read-only database at head: upgrade, current and status are no-ops that write nothing"() {
        given:
        script('001_good.groovy', GOOD)
        run('upgrade')
        readOnly()

        expect:
        run('upgrade').exit == 0
        run('current').out.contains('good01')
        run('status').exit == 0
        versions() == ['good01']
    }

    def "probe 5: a missing history table is no connection error: status reads, and upgrade creates it again"() {
        given:
        script('001_good.groovy', GOOD)
        run('upgrade')
        db.withSql { it.execute('DROP TABLE retort_history') }
        script('002_ok.groovy', PENDING)

        when:
        def status = run('status')
        def up = run('upgrade')

        then:
        status.exit == 0
        up.exit == 0
        versions() == ['good02']
        history()*.revision == ['good02']
    }

    def "probe 14: an older checkout shows the newer database's revisions as not in this checkout, and never advises a purge"() {
        given: 'a newer checkout applied newer0001 on top of good01'
        script('001_good.groovy', GOOD)
        run('upgrade')
        db.withSql {
            it.execute("UPDATE retort_version SET version_num = 'newer0001'")
            it.execute("INSERT INTO retort_history (revision, direction, checksum, message, applied_by, duration_ms, success) " +
                    "SELECT 'newer0001', 'upgrade', 'x', 'from a newer checkout', applied_by, 1, true FROM retort_history LIMIT 1")
        }

        when:
        def current = run('current')
        def history = run('history', '-i')
        def status = run('status')
        def up = run('upgrade')

        then:
        current.exit == 0
        current.out.contains('newer0001 (not in this checkout)')
        history.exit == 0
        history.out.readLines()[0].contains('newer0001 (current) (not in this checkout)')
        status.exit == 0
        status.out.readLines().find { it.contains('good01') }.startsWith('applied')
        status.out.readLines().find { it.contains('newer0001') }.contains('not in this checkout')
        up.exit == 3
        [current, history, status, up].every { !it.all.contains('--purge') }
        versions() == ['newer0001']
    }

    def "probe 8: a migration that failed on a busy table is not called the script's fault"() {
        given:
        script('001_good.groovy', GOOD)
        run('upgrade')
        script('002_busy.groovy', "revision 'busy2'\nrevises 'good01'\nlockTimeout '100ms'\nupgrade { addColumn 'first_table', 'note', 'text' }\n")
        env.RETORT_LOCK_RETRIES = '0'
        def blocker = db.connect()
        blocker.autoCommit = false
        blocker.createStatement().execute('LOCK TABLE first_table IN ACCESS SHARE MODE')

        when:
        def r = run('upgrade')

        then:
        r.exit == 5
        def line = r.err.readLines().find { it.startsWith('error:') }
        line.contains('lock timeout')
        line.contains('raise lockTimeout')
        !line.contains('fix the script')
        versions() == ['good01']

        cleanup:
        blocker?.rollback()
        blocker?.close()
    }

    def "probe 8: a migration whose connection was terminated says so, not 'fix the script', and its failure row is written"() {
        given:
        script('001_good.groovy', GOOD)
        script('002_kill.groovy', "revision 'kill2'\nrevises 'good01'\nupgrade {\n    createTable('never_made') { column 'id', 'int' }\n    sql 'SELECT pg_terminate_backend(pg_backend_pid())'\n}\n")

        when:
        def r = run('upgrade')

        then:
        r.exit == 5
        def line = r.err.readLines().find { it.startsWith('error:') }
        line.contains('connection to the server was lost')
        !line.contains('fix the script')
        !r.err.contains('\tat ')
        !tables().contains('never_made')
        versions() == ['good01']

        and: 'the attempt is visible: its failure row was written on a new connection'
        history().find { it.revision == 'kill2' }?.success == false
    }

    def "probe 2: with -v a StackOverflowError shows its trace after the one line"() {
        given:
        script('001_good.groovy', GOOD)
        script('002_so.groovy', "revision 'so1'\nrevises 'good01'\nupgrade {\n    def down\n    down = { int n -> down(n + 1) + 1 }\n    down(0)\n}\n")

        when:
        def r = run('-v', 'upgrade')

        then:
        r.exit == 3
        r.err.readLines()[0].contains('002_so.groovy')
        r.err.contains('StackOverflowError')
        r.err.contains('\tat ')
        versions().isEmpty()
    }
}
