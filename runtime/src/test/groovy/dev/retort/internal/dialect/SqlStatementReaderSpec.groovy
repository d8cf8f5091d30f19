package dev.retort.internal.dialect

import dev.retort.spi.AddCheckConstraint
import dev.retort.spi.AddColumn
import dev.retort.spi.AddForeignKey
import dev.retort.spi.AddUniqueConstraint
import dev.retort.spi.AlterColumn
import dev.retort.spi.CreateIndex
import dev.retort.spi.CreateTable
import dev.retort.spi.DropIndex
import dev.retort.spi.TableConstraint
import spock.lang.Specification

class SqlStatementReaderSpec extends Specification {

    def "#sql is read as #kinds"() {
        expect:
        SqlStatementReader.read(sql).collect { it.getClass().simpleName } == kinds

        where:
        sql                                                                                   || kinds
        'ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int NOT NULL'                           || ['AddColumn', 'AddColumn']
        'ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL'              || ['AlterColumn', 'AlterColumn']
        'ALTER TABLE t ADD FOREIGN KEY (u) REFERENCES users (id)'                             || ['AddForeignKey']
        'ALTER TABLE t ADD UNIQUE (a), ADD CHECK (a > 0) NOT VALID'                           || ['AddUniqueConstraint', 'AddCheckConstraint']
        'ALTER TABLE t ADD PRIMARY KEY (id)'                                                  || ['SqlAction']
        'ALTER TABLE t ADD COLUMN "foreign" text'                                             || ['AddColumn']
        'ALTER TABLE t ADD COLUMN g text GENERATED ALWAYS AS (lower(a)) STORED'               || ['AddColumn', 'SqlAction']
        'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END'             || []
        'BEGIN; COMMIT; ABORT; END'                                                           || ['TransactionControl'] * 4
        'SET lock_timeout TO DEFAULT; RESET lock_timeout; SET lock_timeout = 0'               || ['DisablesLockTimeout'] * 3
        "SET lock_timeout = '5s'"                                                             || []
        "DO \$\$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY i ON t (a)'; END \$\$"              || ['ConcurrentlyInBlock']
        'WITH x AS (DELETE FROM t RETURNING *) SELECT 1'                                      || ['DataStatement']
        "SELECT 'DROP TABLE t; TRUNCATE t'"                                                   || []
        'DROP INDEX a, b'                                                                     || ['DropIndex', 'DropIndex']
        'CREATE TABLE t2 AS SELECT * FROM t'                                                  || ['CreateTable']
        'CREATE TABLE t3 (LIKE t)'                                                            || ['CreateTable']
        'CREATE TABLE t4 (id int NULL PRIMARY KEY)'                                           || []
    }

    def "the parts lint looks at are read from the statement"() {
        when:
        def fk = SqlStatementReader.read('ALTER TABLE "Orders" ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID')[0] as AddForeignKey
        def col = (SqlStatementReader.read("ALTER TABLE t ADD COLUMN c varchar(10) NOT NULL DEFAULT f() UNIQUE")[0] as AddColumn).column()
        def type = SqlStatementReader.read('ALTER TABLE t ALTER COLUMN c SET DATA TYPE varchar(20) USING c::varchar(20)')[0] as AlterColumn
        def table = SqlStatementReader.read('CREATE TABLE t (id int, name text, PRIMARY KEY (id))')[0] as CreateTable
        def index = SqlStatementReader.read('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON app.t (a)')[0] as CreateIndex

        def ref = (SqlStatementReader.read('ALTER TABLE t ADD COLUMN u bigint REFERENCES users (id) ON DELETE SET NULL NOT NULL')[0] as AddColumn).column()

        then:
        ref.references() == 'users' && ref.nullable() == Boolean.FALSE
        fk.table() == 'Orders' && fk.name() == 'fk' && fk.columns() == ['user_id'] && fk.references() == 'users' && fk.notValid()
        col.name() == 'c' && col.type() == 'varchar(10)' && col.nullable() == Boolean.FALSE && col.defaultSql() == 'f()' && col.unique()
        type.type() == 'varchar(20)' && type.using() == 'c::varchar(20)'
        table.columns()*.name() == ['id', 'name'] && table.constraints() == [new TableConstraint.PrimaryKey(null, ['id'])]
        index.schema() == 'app' && index.name() == 'ix' && index.table() == 't' && index.unique() && index.concurrently() && index.ifNotExists()
    }

    def "a table whose columns the text does not list is still a new table, with no column lint could check"() {
        when:
        def table = SqlStatementReader.read('CREATE TABLE copy AS SELECT * FROM t')[0] as CreateTable

        then:
        table.name() == 'copy'
        table.columns()*.name() == ['?']
    }
}
