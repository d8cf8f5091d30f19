package dev.retort.internal.dialect

import dev.retort.ScriptException
import dev.retort.spi.AddCheckConstraint
import dev.retort.spi.AddColumn
import dev.retort.spi.TimescalePolicy
import dev.retort.spi.AddEnumValue
import dev.retort.spi.AddForeignKey
import dev.retort.spi.AddUniqueConstraint
import dev.retort.spi.AlterColumn
import dev.retort.spi.Backfill
import dev.retort.spi.BulkInsert
import dev.retort.spi.ColumnDef
import dev.retort.spi.CreateEnum
import dev.retort.spi.CreateExtension
import dev.retort.spi.CreateHypertable
import dev.retort.spi.CreateIndex
import dev.retort.spi.CreateSchema
import dev.retort.spi.CreateTable
import dev.retort.spi.DropColumn
import dev.retort.spi.DropConstraint
import dev.retort.spi.DropEnum
import dev.retort.spi.DropExtension
import dev.retort.spi.DropIndex
import dev.retort.spi.DropSchema
import dev.retort.spi.DropTable
import dev.retort.spi.Operation
import dev.retort.spi.RenameColumn
import dev.retort.spi.RenameConstraint
import dev.retort.spi.RenameIndex
import dev.retort.spi.RenameTable
import dev.retort.spi.Reversal
import dev.retort.spi.SetComment
import dev.retort.spi.Sql
import dev.retort.spi.TableConstraint
import dev.retort.spi.ValidateConstraint
import spock.lang.Specification

/**
 * The SQL every operation record renders to, with no database and no CLI: the golden text the cli specs also see
 * in {@code --sql} output, the reverse {@code change { }} derives, and the option checks the records make themselves.
 */
class OperationSqlSpec extends Specification {

    static ColumnDef col(Map o = [:], String name, String type) {
        new ColumnDef(name, type, o.nullable as Boolean, o.default, o.defaultSql as String, o.primaryKey as boolean,
                o.unique as boolean, o.identity as boolean, o.references as String, o.onDelete as String, o.comment as String)
    }

    static final CreateTable USERS = new CreateTable(null, 'users', [
            col('id', 'bigint', primaryKey: true, identity: true),
            col('email', 'text', nullable: false, unique: true, comment: 'login'),
            col('org_id', 'bigint', references: 'orgs.id', onDelete: 'cascade'),
            col('status', 'text', default: 'new')],
            [new TableConstraint.Check('email_has_at', "email LIKE '%@%'"),
             new TableConstraint.ForeignKey(null, ['org_id'], 'billing.orgs', ['id'], null, 'set_null')], false, 'people')
    static final CreateTable ORDER = new CreateTable('app', 'Order', [
            col('a', 'int', primaryKey: true, nullable: false), col('b', 'int', primaryKey: true)],
            [new TableConstraint.Unique('order_b', ['b'])], true, null)
    static final AddColumn ADD_NICK = new AddColumn('app', 'users', col('nick', 'varchar(40)', nullable: true, defaultSql: 'lower(email)'))
    static final CreateIndex USERS_EMAIL = new CreateIndex(null, 'users_email', 'users', ['email'], null, true,
            'deleted_at IS NULL', 'btree', ['id'], true, false)
    static final CreateIndex USERS_LOWER = new CreateIndex(null, 'users_lower', 'users', [], 'lower(email)', false, null, null, null, false, false)
    static final RenameTable RENAME_USERS = new RenameTable(null, 'users', 'people')
    static final RenameColumn RENAME_EMAIL = new RenameColumn(null, 'users', 'email', 'mail')
    static final RenameIndex RENAME_INDEX = new RenameIndex(null, 'a_idx', 'b_idx')
    static final RenameConstraint RENAME_CONSTRAINT = new RenameConstraint(null, 'users', 'a', 'b')
    static final AddForeignKey ORDERS_USER = new AddForeignKey(null, 'orders_user', 'orders', ['user_id'], 'app.users', ['id'],
            'no_action', 'cascade', true)
    static final AddUniqueConstraint UNIQUE_EMAIL = new AddUniqueConstraint(null, 'users_email_key', 'users', ['email'], null)
    static final AddUniqueConstraint UNIQUE_USING = new AddUniqueConstraint(null, 'users_email_key', 'users', [], 'users_email')
    static final AddCheckConstraint AGE_POSITIVE = new AddCheckConstraint(null, 'age_positive', 'users', 'age > 0', true)
    static final ValidateConstraint VALIDATE = new ValidateConstraint(null, 'users', 'age_positive')
    static final CreateEnum MOOD = new CreateEnum('app', 'mood', ['sad', "it's ok"])
    static final CreateExtension UUID_OSSP = new CreateExtension('uuid-ossp', true, 'ext')
    static final CreateSchema BILLING = new CreateSchema('billing', true)
    static final TimescalePolicy RETENTION = new TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.ADD, null, 'metrics', '30 days')
    static final TimescalePolicy COMPRESSION = new TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.ADD, null, 'metrics', '7 days')
    static final Sql SQL_WITH_DOWN = new Sql("CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);", 'DROP TABLE a')

    /** Every operation record with its statements; at least one row per record (checked below). */
    static final List<List> GOLDEN = [
            [SQL_WITH_DOWN, ['CREATE TABLE a (id int)', 'CREATE INDEX CONCURRENTLY a_id ON a (id)']],
            [new Sql('SELECT 1', null), ['SELECT 1']],
            [USERS, ["CREATE TABLE users (\n    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n    email text NOT NULL UNIQUE,\n"
                             + "    org_id bigint REFERENCES orgs (id) ON DELETE CASCADE,\n    status text DEFAULT 'new',\n"
                             + "    CONSTRAINT email_has_at CHECK (email LIKE '%@%'),\n"
                             + "    FOREIGN KEY (org_id) REFERENCES billing.orgs (id) ON UPDATE SET NULL\n)",
                     "COMMENT ON TABLE users IS 'people'", "COMMENT ON COLUMN users.email IS 'login'"]],
            [ORDER, ["CREATE TABLE IF NOT EXISTS app.\"Order\" (\n    a int NOT NULL,\n    b int,\n    PRIMARY KEY (a, b),\n"
                             + "    CONSTRAINT order_b UNIQUE (b)\n)"]],
            [new DropTable(null, 'users', true, true), ['DROP TABLE IF EXISTS users CASCADE']],
            [ADD_NICK, ['ALTER TABLE app.users ADD COLUMN nick varchar(40) DEFAULT lower(email)']],
            [new AddColumn(null, 'users', col('user', 'int', nullable: false, default: 0)), ['ALTER TABLE users ADD COLUMN "user" int DEFAULT 0 NOT NULL']],
            [new DropColumn(null, 'users', 'nick', true), ['ALTER TABLE users DROP COLUMN IF EXISTS nick']],
            [USERS_EMAIL, ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON users USING btree (email) INCLUDE (id) WHERE deleted_at IS NULL']],
            [USERS_LOWER, ['CREATE INDEX users_lower ON users (lower(email))']],
            [new DropIndex('app', 'users_email', true, false), ['DROP INDEX CONCURRENTLY IF EXISTS app.users_email']],
            [new DropIndex(null, 'users_lower', false, false), ['DROP INDEX users_lower']],
            [RENAME_USERS, ['ALTER TABLE users RENAME TO people']],
            [RENAME_EMAIL, ['ALTER TABLE users RENAME COLUMN email TO mail']],
            [new AlterColumn(null, 'users', 'age', 'bigint', 'age::bigint', false, null, null, false),
             ['ALTER TABLE users ALTER COLUMN age TYPE bigint USING age::bigint', 'ALTER TABLE users ALTER COLUMN age SET NOT NULL']],
            [new AlterColumn(null, 'users', 'age', null, null, true, 0, null, false),
             ['ALTER TABLE users ALTER COLUMN age SET DEFAULT 0', 'ALTER TABLE users ALTER COLUMN age DROP NOT NULL']],
            [new AlterColumn(null, 'users', 'age', null, null, null, null, null, true), ['ALTER TABLE users ALTER COLUMN age DROP DEFAULT']],
            [ORDERS_USER, ['ALTER TABLE orders ADD CONSTRAINT orders_user FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE NO ACTION ON UPDATE CASCADE NOT VALID']],
            [UNIQUE_EMAIL, ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)']],
            [UNIQUE_USING, ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email']],
            [AGE_POSITIVE, ['ALTER TABLE users ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID']],
            [VALIDATE, ['ALTER TABLE users VALIDATE CONSTRAINT age_positive']],
            [new DropConstraint(null, 'users', 'age_positive', true), ['ALTER TABLE users DROP CONSTRAINT IF EXISTS age_positive']],
            [MOOD, ["CREATE TYPE app.mood AS ENUM ('sad', 'it''s ok')"]],
            [new AddEnumValue(null, 'mood', 'happy', null, 'sad', true), ["ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' AFTER 'sad'"]],
            [new AddEnumValue(null, 'mood', 'meh', 'sad', null, false), ["ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad'"]],
            [new DropEnum(null, 'mood', true), ['DROP TYPE IF EXISTS mood']],
            [UUID_OSSP, ['CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA ext']],
            [new DropExtension('pg_trgm', false), ['DROP EXTENSION pg_trgm']],
            [BILLING, ['CREATE SCHEMA IF NOT EXISTS billing']],
            [new DropSchema('billing', false, true), ['DROP SCHEMA billing CASCADE']],
            [new BulkInsert(null, 'users', [[id: 1, email: 'a@x'], [id: 2, email: null]]), ["INSERT INTO users (id, email) VALUES\n    (1, 'a@x'),\n    (2, NULL)"]],
            [new BulkInsert(null, 'users', []), []],
            [new CreateHypertable(null, 'metrics', 'time', '1 day', true, true, false),
             ["SELECT create_hypertable('metrics', 'time', chunk_time_interval => INTERVAL '1 day', if_not_exists => TRUE, migrate_data => TRUE)"]],
            [new CreateHypertable('app', 'metrics', 'time', '7 days', false, false, true), ["SELECT create_hypertable('app.metrics', by_range('time', INTERVAL '7 days'))"]],
            [RETENTION, ["SELECT add_retention_policy('metrics', INTERVAL '30 days')"]],
            [new TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.REMOVE, null, 'metrics', null), ["SELECT remove_retention_policy('metrics', if_exists => TRUE)"]],
            [COMPRESSION, ['ALTER TABLE metrics SET (timescaledb.compress = true)', "SELECT add_compression_policy('metrics', INTERVAL '7 days')"]],
            [new Backfill(null, 'users', 'full_name = first_name', 'full_name IS NULL', 500, 250), [BACKFILL_DO]],
            [new SetComment(null, 'users', 'email', "it's"), ["COMMENT ON COLUMN users.email IS 'it''s'"]],
            [new SetComment(null, 'users', null, null), ['COMMENT ON TABLE users IS NULL']],
            [RENAME_INDEX, ['ALTER INDEX a_idx RENAME TO b_idx']],
            [RENAME_CONSTRAINT, ['ALTER TABLE users RENAME CONSTRAINT a TO b']],
    ]

    static final String BACKFILL_DO = '''DO $retort_backfill$
DECLARE
    k text;
    kt text;
    n int;
    last_key text;
    hi text;
BEGIN
    SELECT count(*) INTO n FROM pg_index i WHERE i.indrelid = $retort_q$users$retort_q$::regclass AND i.indisprimary AND i.indnkeyatts = 1;
    IF n <> 1 THEN
        RAISE EXCEPTION 'backfill of % needs a single-column primary key to walk in batches', $retort_q$users$retort_q$;
    END IF;
    SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod) INTO k, kt FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = $retort_q$users$retort_q$::regclass AND i.indisprimary;
    LOOP
        EXECUTE $retort_q$SELECT max($retort_q$ || k || $retort_q$)::text FROM (SELECT $retort_q$ || k || $retort_q$ FROM users WHERE ($1 IS NULL OR $retort_q$ || k || $retort_q$ > $1::$retort_q$ || kt || $retort_q$) AND (full_name IS NULL) ORDER BY $retort_q$ || k || $retort_q$ LIMIT 500) retort_batch$retort_q$
            INTO hi USING last_key;
        EXIT WHEN hi IS NULL;
        EXECUTE $retort_q$UPDATE users SET full_name = first_name WHERE ($1 IS NULL OR $retort_q$ || k || $retort_q$ > $1::$retort_q$ || kt || $retort_q$) AND $retort_q$ || k || $retort_q$ <= $2::$retort_q$ || kt || $retort_q$ AND (full_name IS NULL)$retort_q$
            USING last_key, hi;
        last_key := hi;
        COMMIT;
        PERFORM pg_sleep(0.250);
    END LOOP;
END
$retort_backfill$'''

    /** Each reversible operation, its reverse, and the reverse's statements. */
    static final List<List> REVERSALS = [
            [SQL_WITH_DOWN, new Sql('DROP TABLE a', SQL_WITH_DOWN.sql()), ['DROP TABLE a']],
            [USERS, new DropTable(null, 'users', false, false), ['DROP TABLE users']],
            [ORDER, new DropTable('app', 'Order', false, false), ['DROP TABLE app."Order"']],
            [ADD_NICK, new DropColumn('app', 'users', 'nick', false), ['ALTER TABLE app.users DROP COLUMN nick']],
            [GOLDEN[6][0], new DropColumn(null, 'users', 'user', false), ['ALTER TABLE users DROP COLUMN "user"']],
            [USERS_EMAIL, new DropIndex(null, 'users_email', true, false), ['DROP INDEX CONCURRENTLY IF EXISTS users_email']],
            [USERS_LOWER, new DropIndex(null, 'users_lower', false, false), ['DROP INDEX users_lower']],
            [RENAME_USERS, new RenameTable(null, 'people', 'users'), ['ALTER TABLE people RENAME TO users']],
            [RENAME_EMAIL, new RenameColumn(null, 'users', 'mail', 'email'), ['ALTER TABLE users RENAME COLUMN mail TO email']],
            [RENAME_INDEX, new RenameIndex(null, 'b_idx', 'a_idx'), ['ALTER INDEX b_idx RENAME TO a_idx']],
            [RENAME_CONSTRAINT, new RenameConstraint(null, 'users', 'b', 'a'), ['ALTER TABLE users RENAME CONSTRAINT b TO a']],
            [ORDERS_USER, new DropConstraint(null, 'orders', 'orders_user', false), ['ALTER TABLE orders DROP CONSTRAINT orders_user']],
            [UNIQUE_EMAIL, new DropConstraint(null, 'users', 'users_email_key', false), ['ALTER TABLE users DROP CONSTRAINT users_email_key']],
            [UNIQUE_USING, new DropConstraint(null, 'users', 'users_email_key', false), ['ALTER TABLE users DROP CONSTRAINT users_email_key']],
            [AGE_POSITIVE, new DropConstraint(null, 'users', 'age_positive', false), ['ALTER TABLE users DROP CONSTRAINT age_positive']],
            [VALIDATE, new Sql('', null), []],
            [MOOD, new DropEnum('app', 'mood', false), ['DROP TYPE app.mood']],
            [UUID_OSSP, new DropExtension('uuid-ossp', false), ['DROP EXTENSION "uuid-ossp"']],
            [BILLING, new DropSchema('billing', false, false), ['DROP SCHEMA billing']],
            [RETENTION, new TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.REMOVE, null, 'metrics', '30 days'), ["SELECT remove_retention_policy('metrics', if_exists => TRUE)"]],
            [COMPRESSION, new TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.REMOVE, null, 'metrics', '7 days'), ["SELECT remove_compression_policy('metrics', if_exists => TRUE)"]],
    ]

    final OperationSql dialect = new OperationSql()

    def "#op.class.simpleName renders its golden SQL"() {
        expect:
        dialect.render(op)*.sql() == expected

        where:
        [op, expected] << GOLDEN
    }

    def "every operation record has a row in the golden table"() {
        expect:
        GOLDEN.collect { it[0].class }.toSet() == (Operation.permittedSubclasses as List).toSet()
    }

    def "the reverse of #op.class.simpleName is #reverse.class.simpleName, rendered as #sql"() {
        expect:
        Reversal.of(op).get() == reverse
        dialect.render(reverse)*.sql() == sql

        where:
        [op, reverse, sql] << REVERSALS
    }

    def "an operation has a reverse exactly when the reversal table lists it: #op.class.simpleName"() {
        expect:
        Reversal.of(op).isPresent() == REVERSALS.any { it[0] == op }

        where:
        op << GOLDEN.collect { it[0] }
    }

    def "statements PostgreSQL refuses in a transaction block are marked so: #op.class.simpleName"() {
        expect:
        dialect.render(op)*.transactional() == transactional

        where:
        op                                           || transactional
        SQL_WITH_DOWN                                || [true, false]
        USERS_EMAIL                                  || [false]
        USERS_LOWER                                  || [true]
        new DropIndex(null, 'i', true, false)        || [false]
        new DropIndex(null, 'i', false, false)       || [true]
        GOLDEN.find { it[0] instanceof Backfill }[0] || [false]
        new AddEnumValue(null, 'mood', 'x', null, null, false) || [true]
    }

    def "a record refuses bad options when it is made: #message"() {
        when:
        make()

        then:
        ScriptException e = thrown()
        e.message == message

        where:
        [make, message] << [
                [{ -> new CreateTable(null, 't', [], [], false, null) }, "createTable('t') has no columns; add at least one column"],
                [{ -> new AddUniqueConstraint(null, 'u', 't', [], null) }, "addUniqueConstraint 'u' needs either columns: [...] or usingIndex:"],
                [{ -> new AddUniqueConstraint(null, 'u', 't', ['a'], 'i') }, "addUniqueConstraint 'u' needs either columns: [...] or usingIndex:"],
                [{ -> new CreateEnum(null, 'e', []) }, "createEnum 'e' has no values; give a list: createEnum 'status', ['a', 'b']"],
                [{ -> new AddEnumValue(null, 'e', 'v', 'a', 'b', false) }, "addEnumValue 'v': give before: or after:, not both"],
                [{ -> new AlterColumn(null, 't', 'c', null, 'c::int', null, null, null, false) }, "alterColumn 't.c' changes nothing; give type:, nullable:, default:, defaultSql: or dropDefault: true"],
                [{ -> new CreateIndex(null, 'i', 't', ['a'], 'lower(a)', false, null, null, null, false, false) }, "createIndex 'i' needs either columns: [...] or expression:, not both"],
                [{ -> new CreateIndex(null, 'i', 't', [], null, false, null, null, null, false, false) }, "createIndex 'i' needs either columns: [...] or expression:, not both"],
                [{ -> col('x', 'int', default: 1, defaultSql: '2') }, "column 'x' has both default: and defaultSql:; keep one"],
                [{ -> col('id', 'int', primaryKey: true, nullable: true) }, "column 'id' is a primary key, which cannot be nullable: true"],
                [{ -> col('x', 'int', onDelete: 'cascade') }, "column 'x' has onDelete: without references:"],
                [{ -> col('x', 'int', references: 'a.b.c.d') }, "references: 'a.b.c.d' is not 'table', 'table.column' or 'schema.table.column'"],
                [{ -> col('x', 'int', references: 'a', onDelete: 'explode') }, "on delete action 'explode' is not one of cascade, restrict, set null, set default, no action"],
                [{ -> new AddForeignKey(null, 'f', 't', ['a'], 'u', null, null, 'later', false) }, "on update action 'later' is not one of cascade, restrict, set null, set default, no action"],
                [{ -> new TableConstraint.ForeignKey(null, ['a'], 'u', [], 'boom', null) }, "on delete action 'boom' is not one of cascade, restrict, set null, set default, no action"],
                [{ -> new BulkInsert(null, 't', [[id: 1], [id: 2, x: 3]]) }, "bulkInsert into 't': row 2 has columns [id, x] but row 1 has [id]; give every row the same columns"],
                [{ -> new Backfill(null, 't', 'a = 1', null, 0, 0) }, 'backfill: batchSize must be at least 1, got 0'],
                [{ -> new TimescalePolicy(TimescalePolicy.Kind.RETENTION, TimescalePolicy.Change.ADD, null, 'm', "1 day'; DROP TABLE x; --") }, "dropAfter: '1 day'; DROP TABLE x; --' is not an interval such as '30 days' or '1 hour'"],
                [{ -> new TimescalePolicy(TimescalePolicy.Kind.COMPRESSION, TimescalePolicy.Change.ADD, null, 'm', null) }, "compressAfter: 'null' is not an interval such as '30 days' or '1 hour'"],
                [{ -> new CreateHypertable(null, 'm', 'time', '1 day;', false, false, false) }, "chunkInterval: '1 day;' is not an interval such as '30 days' or '1 hour'"],
        ]
    }

    def "names and types are the dialect's to check, where it quotes them: #message"() {
        when:
        dialect.render(op)

        then:
        ScriptException e = thrown()
        e.message == message

        where:
        op                                                  || message
        new DropTable(null, 'x; DROP TABLE y', false, false) || "table name 'x; DROP TABLE y' is not a plain identifier (letters, digits, _, at most 63); use sql '...' for anything else"
        new AddColumn(null, 't', col('x', 'int; DROP TABLE y')) || "column type 'int; DROP TABLE y' is not a PostgreSQL type name"
        new CreateExtension('bad name', false, null)         || "extension name 'bad name' is not a plain name"
        new Sql("SELECT 'x", null)                           || 'sql: the text ends inside a quote, a $$ body or a /* comment; close it'
    }
}
