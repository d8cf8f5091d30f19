package dev.retort.cli

import dev.retort.SchemaSnapshot
import spock.lang.Unroll

import java.nio.file.Files

/**
 * revision --autogenerate: for each kind of change, the model differs from what one base migration
 * builds; the generated script must apply, leave no difference (check exits 0) and downgrade to the
 * schema before it. Scratch databases are made on the test server (--scratch-url) to keep this fast.
 */
class AutogenerateSpec extends CliSpecification {
    static final String BASE_MIGRATION = '''\
        revision 'r1'
        message 'base'

        upgrade {
            createEnum 'mood', ['happy', 'sad']
            createTable('users') {
                column 'id',       'bigint',       primaryKey: true, identity: true
                column 'email',    'varchar(100)', nullable: false
                column 'nickname', 'text'
                column 'age',      'integer'
                column 'status',   'text',         default: 'new'
                column 'mood',     'mood',         default: 'happy'
            }
            createTable('posts') {
                column 'id',      'bigint', primaryKey: true, identity: true
                column 'user_id', 'bigint', nullable: false
                column 'title',   'text',   nullable: false
            }
            createTable('legacy') {
                column 'id',   'bigint', primaryKey: true
                column 'note', 'varchar(10)'
            }
            createIndex 'idx_posts_title', on: 'posts', columns: ['title']
            createIndex 'idx_users_unhappy', on: 'users', columns: ['id'], where: "mood <> 'happy'"
        }

        downgrade {
            dropTable 'legacy'
            dropTable 'posts'
            dropTable 'users'
            dropEnum 'mood'
        }
        '''

    static final String BASE_MODEL = '''\
        enumType 'mood', ['happy', 'sad']

        table('users') {
            column 'id',       'bigint',       primaryKey: true, identity: true
            column 'email',    'varchar(100)', nullable: false
            column 'nickname', 'text'
            column 'age',      'integer'
            column 'status',   'text',         default: 'new'
            column 'mood',     'mood',         default: 'happy'
            index 'idx_users_unhappy', columns: ['id'], where: "mood <> 'happy'"
        }

        table('posts') {
            column 'id',      'bigint', primaryKey: true, identity: true
            column 'user_id', 'bigint', nullable: false
            column 'title',   'text',   nullable: false
            index 'idx_posts_title', columns: ['title']
        }

        table('legacy') {
            column 'id',   'bigint', primaryKey: true
            column 'note', 'varchar(10)'
        }
        '''

    def setup() {
        script('001_r1_base.groovy', BASE_MIGRATION)
    }

    void model(String text) {
        Files.writeString(project.resolve('schema.groovy'), text.stripIndent())
    }

    SchemaSnapshot snapshot() {
        db.withSql { sql -> SchemaSnapshot.take(sql.connection, ['retort_version', 'retort_history']) }
    }

    String generated() {
        def files = Files.list(project.resolve('migrations')).withCloseable { s -> s.toList() }
        files.find { it.fileName.toString().contains('_r2_') }?.text
    }

    @Unroll
    def "a model with #kind gives a script that applies, leaves no difference and downgrades to the schema before"() {
        given: 'the database at the base revision and a changed model'
        model(BASE_MODEL.stripIndent().replace(from.stripIndent(), to.stripIndent()))
        run('upgrade', 'head').exit == 0
        def before = snapshot()

        when:
        def gen = run('revision', '--autogenerate', '-m', kind, '--rev-id', 'r2', '--scratch-url', db.url)

        then: 'the script says what changed, with the operation a person would write'
        gen.exit == 0
        generated().contains(dsl)
        !gen.out.contains('manual')

        and: 'it passes lint: a step lint would stop carries a lint-ignore saying what the reviewer must check'
        def lint = run('lint')
        lint.exit == 0
        !lint.out.contains('error')

        when:
        def up = run('upgrade', 'head')
        def check = run('check', '--scratch-url', db.url)

        then: 'after it, the migrations build the model'
        up.exit == 0
        check.exit == 0

        when:
        def down = run('downgrade', '-1')

        then: 'the downgrade restores the previous schema'
        down.exit == 0
        snapshot() == before

        where:
        kind                     | from                                                      | to                                                                                              || dsl
        'a new table'            | "table('legacy') {"                                       | "table('tags') {\n    column 'id', 'bigint', primaryKey: true\n}\ntable('legacy') {"          || "createTable('tags')"
        'a dropped table'        | "table('legacy') {\n    column 'id',   'bigint', primaryKey: true\n    column 'note', 'varchar(10)'\n}" | '' || "dropTable 'legacy'"
        'a renamed table'        | "table('legacy') {"                                       | "table('archive') {"                                                                            || "renameTable 'legacy', 'archive'"
        'a new column'           | "column 'age',      'integer'"                            | "column 'age',      'integer'\n    column 'bio', 'text'"                                         || "addColumn 'users', 'bio', 'text'"
        'a dropped column'       | "column 'age',      'integer'\n"                          | ''                                                                                              || "dropColumn 'users', 'age'"
        'a retyped column'       | "column 'age',      'integer'"                            | "column 'age',      'bigint'"                                                                   || "alterColumn 'users', 'age', type: 'bigint'"
        'a renamed column'       | "column 'nickname', 'text'"                               | "column 'handle', 'text'"                                                                       || "renameColumn 'users', 'nickname', 'handle'"
        'a new NOT NULL'         | "column 'nickname', 'text'"                               | "column 'nickname', 'text', nullable: false"                                                    || "alterColumn 'users', 'nickname', nullable: false"
        'a changed default'      | "default: 'new'"                                          | "default: 'active'"                                                                             || "alterColumn 'users', 'status', default: 'active'"
        'a new index'            | "table('users') {"                                        | "table('users') {\n    index 'idx_users_email', columns: ['email']"                             || "createIndex 'idx_users_email', on: 'users', columns: ['email']"
        'a dropped index'        | "    index 'idx_posts_title', columns: ['title']\n"      | ''                                                                                              || "dropIndex 'idx_posts_title'"
        'a partial index'        | "table('users') {"                                        | "table('users') {\n    index 'idx_users_adults', columns: ['age'], where: 'age >= 18'"          || "where: 'age >= 18'"
        'a unique constraint'    | "table('users') {"                                        | "table('users') {\n    unique 'email', name: 'uq_users_email'"                                  || "addUniqueConstraint 'uq_users_email', table: 'users', columns: ['email']"
        'a check constraint'     | "table('users') {"                                        | "table('users') {\n    check 'age >= 0', name: 'ck_users_age'"                                  || "addCheckConstraint 'ck_users_age', table: 'users', check: 'age >= 0'"
        'a foreign key'          | "table('posts') {"                                        | "table('posts') {\n    foreignKey ['user_id'], references: 'users', columns: ['id'], name: 'fk_posts_user'" || "addForeignKey 'fk_posts_user', table: 'posts', columns: ['user_id'], references: 'users'"
        'a new enum'             | "enumType 'mood', ['happy', 'sad']"                       | "enumType 'mood', ['happy', 'sad']\nenumType 'color', ['red', 'blue']"                          || "createEnum 'color', ['red', 'blue']"
        'a new enum value'       | "['happy', 'sad']"                                        | "['happy', 'calm', 'sad']"                                                                      || "addEnumValue 'mood', 'calm', after: 'happy'"
        'a new extension'        | "enumType 'mood'"                                         | "extension 'pg_trgm'\nenumType 'mood'"                                                          || "createExtension 'pg_trgm'"
        'a table comment'        | "table('posts') {"                                        | "table('posts', comment: 'what users write') {"                                                 || "commentOnTable 'posts', 'what users write'"
        'a gin index'            | "table('posts') {"                                        | "extension 'pg_trgm'\ntable('posts') {\n    index 'idx_posts_trgm', expression: 'title gin_trgm_ops', using: 'gin'" || "expression: 'title gin_trgm_ops', using: 'gin'"
    }

    def "the generated script is readable DSL: aligned columns, long type names shortened, a review line on a guess"() {
        given:
        model(BASE_MODEL.stripIndent().replace("column 'nickname', 'text'", "column 'handle', 'text'") + '''
            table('audit_log') {
                column 'id',         'bigserial',   primaryKey: true
                column 'user_id',    'bigint',      nullable: false, references: 'users.id'
                column 'at',         'timestamptz', nullable: false, defaultSql: 'now()'
                column 'kind',       'varchar(20)', default: 'info'
            }
            '''.stripIndent())

        when:
        def gen = run('revision', '--autogenerate', '-m', 'audit', '--rev-id', 'r2', '--scratch-url', db.url)
        String text = generated()

        then:
        gen.exit == 0
        gen.out.contains("detected table 'audit_log': in the model, not in the migrations")
        text.contains("// review: Retort guessed that 'nickname' was renamed to 'handle'")
        text.contains("    // retort:lint-ignore rename-column review: autogenerate guessed that users.nickname became handle;"
                + " check it is a rename and that no deployed code still uses nickname\n    renameColumn 'users', 'nickname', 'handle'")
        run('lint').exit == 0
        text.contains("column 'id',      'bigserial',   primaryKey: true")
        text.contains("column 'at',      'timestamptz', nullable: false, defaultSql: 'now()'")
        text.contains("column 'kind',    'varchar(20)', default: 'info'")
        text.contains("foreignKey ['user_id'], references: 'users', columns: ['id']")
        text =~ /(?s)upgrade \{\n.*renameColumn 'users', 'nickname', 'handle'.*createTable\('audit_log'\).*\}\n\ndowngrade \{\n.*dropTable 'audit_log'.*renameColumn 'users', 'handle', 'nickname'/
    }

    def "new tables that reference each other are created first and joined by a foreign key after both"() {
        given:
        model(BASE_MODEL + '''
            table('teams') {
                column 'id',      'bigint', primaryKey: true
                column 'lead_id', 'bigint'
            }
            table('members') {
                column 'id',      'bigint', primaryKey: true
                column 'team_id', 'bigint', references: 'teams.id'
            }
            addForeignKey 'fk_teams_lead', table: 'teams', columns: ['lead_id'], references: 'members', refColumns: ['id']
            '''.stripIndent())
        run('upgrade', 'head')
        def before = snapshot()

        when:
        def gen = run('revision', '--autogenerate', '-m', 'teams', '--rev-id', 'r2', '--scratch-url', db.url)
        String text = generated()

        then:
        gen.exit == 0
        !gen.out.contains('manual')
        text =~ /(?s)upgrade \{.*createTable\('(teams|members)'\).*createTable\('(teams|members)'\).*addForeignKey '.*downgrade/

        when:
        def up = run('upgrade', 'head')
        def check = run('check', '--scratch-url', db.url)
        def down = run('downgrade', '-1')

        then:
        up.exit == 0
        check.exit == 0
        down.exit == 0
        snapshot() == before
    }

    def "a model the migrations already build writes no file, unless --allow-empty"() {
        given:
        model(BASE_MODEL)

        when:
        def none = run('revision', '--autogenerate', '-m', 'nothing', '--rev-id', 'r2', '--scratch-url', db.url)

        then:
        none.exit == 0
        none.out.contains('No changes')
        generated() == null

        when:
        def empty = run('revision', '--autogenerate', '--allow-empty', '-m', 'nothing', '--rev-id', 'r2', '--scratch-url', db.url)

        then:
        empty.exit == 0
        generated().contains("upgrade {\n}")
    }

    def "check reports each difference between the migrations and the model, and exits 7"() {
        given:
        model(BASE_MODEL.stripIndent().replace("column 'age',      'integer'", "column 'age',      'bigint'"))
        run('upgrade', 'head')

        when:
        def check = run('check', '--scratch-url', db.url)

        then:
        check.exit == 7
        check.out.contains("problem: model: column 'users.age': type integer in the migrations, bigint in the model")
    }

    @Unroll
    def "bad model input: #problem exits #exit and says #message"() {
        given:
        if (text != null) {
            model(text)
        }

        when:
        def r = run(['revision', '--autogenerate', '-m', 'x', '--scratch-url', db.url] + extra as String[])

        then:
        r.exit == exit
        r.err.contains(message)
        generated() == null
        Files.list(project.resolve('migrations')).withCloseable { it.count() } == 1

        where:
        problem                  | text                                                     | extra                  || exit | message
        'no model'               | null                                                     | []                     || 2    | 'no schema model: write schema.groovy'
        'a missing --model file' | null                                                     | ['--model', 'nope.groovy'] || 2 | 'nope.groovy does not exist'
        'a syntax error'         | "table('t') {\n  column 'id', 'bigint'\n"                | []                     || 3    | 'schema.groovy:'
        'an unknown option'      | "table('t') {\n  column 'id', 'bigint', nulable: true\n}" | []                    || 3    | "unknown option 'nulable:'"
        'a type PostgreSQL lacks'| "table('t') {\n  column 'id', 'no_such_type'\n}"         | []                     || 3    | "schema.groovy: table 't': ERROR: type \"no_such_type\" does not exist"
    }

    def "a model in several files under schema/ is read as one"() {
        given:
        Files.createDirectories(project.resolve('schema'))
        Files.writeString(project.resolve('schema/1_types.groovy'), "enumType 'mood', ['happy', 'sad']\n")
        Files.writeString(project.resolve('schema/2_tables.groovy'), BASE_MODEL.stripIndent().replace("enumType 'mood', ['happy', 'sad']", '')
                .replace("table('legacy') {", "table('extra') {\n    column 'id', 'bigint'\n}\ntable('legacy') {"))
        run('upgrade', 'head')

        when:
        def check = run('check', '--scratch-url', db.url)

        then:
        check.exit == 7
        check.out.readLines().findAll { it.startsWith('problem: model:') } == ["problem: model: table 'extra': in the model, not in the migrations"]
    }

    def "what the DSL cannot say is listed as manual, not silently dropped"() {
        given: 'the model drops the identity of users.id, which no operation changes'
        model(BASE_MODEL.stripIndent().replace("column 'id',       'bigint',       primaryKey: true, identity: true",
                "column 'id',       'bigint',       primaryKey: true"))

        when:
        def gen = run('revision', '--autogenerate', '-m', 'identity', '--rev-id', 'r2', '--scratch-url', db.url)

        then:
        gen.exit == 0
        gen.out.contains("manual   column 'users.id': identity 'd' in the migrations, '' in the model")
        generated().contains("// review: identity of 'users.id' differs: change it by hand with sql")
    }

    def "--allow-empty without --autogenerate is a usage error"() {
        when:
        def r = run('revision', '-m', 'x', '--allow-empty')

        then:
        r.exit == 2
        r.err.contains('--allow-empty goes with --autogenerate')
    }

    def "check --against reports a column added by hand to a live database"() {
        given: 'a live database at head, then changed by hand'
        run('upgrade', 'head')
        def clean = run('check', '--against', db.url, '--scratch-url', db.url)
        db.withSql { it.execute('ALTER TABLE users ADD COLUMN shoe_size integer') }
        db.withSql { it.execute('CREATE INDEX idx_hand_made ON posts (user_id)') }

        when:
        def r = run('check', '--against', db.url, '--scratch-url', db.url)

        then:
        clean.exit == 0
        clean.out.contains('is what the migrations build at r1')
        r.exit == 7
        r.out.contains('+ column public.users.shoe_size  integer NULL')
        r.out.contains('+ index public.idx_hand_made')
        r.out.contains('differs from what the migrations build at r1')
    }

    def "check --against with the default scratch (a throwaway embedded server) finds the same drift"() {
        given:
        run('upgrade', 'head')
        db.withSql { it.execute('ALTER TABLE posts DROP COLUMN title') }

        when:
        def r = run('check', '--against', db.url)

        then:
        r.exit == 7
        r.out.contains('- column public.posts.title  text NOT NULL')
    }
}
