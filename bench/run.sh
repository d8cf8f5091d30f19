#!/usr/bin/env bash
# Retort vs Flyway, Liquibase, Alembic and plain psql on the same workloads, one PostgreSQL for all.
#   bench/run.sh [N ...]          default: 100 1000     REPS=3 (runs per measurement; the median is reported)
#   ONLY="W1 W2" limits the workloads, TOOLS="retort psql" the tools (e.g. ONLY=W2 TOOLS=retort bench/run.sh 10000)
# Installs what it needs: Flyway and Liquibase from Maven Central (bench/peers/*.pom.xml), Alembic and
# psql from Debian's packages (apt-get; needs root or sudo).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SIZES=("${@:-100 1000}"); [ $# -eq 0 ] && SIZES=(100 1000)
REPS="${REPS:-3}"
work="$(mktemp -d)"
results="$work/results.tsv"
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

say() { echo "bench: $*" >&2; }
want() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]]; }
tool() { [ -z "${TOOLS:-}" ] || [[ " $TOOLS " == *" $1 "* ]]; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- tools ---------------------------------------------------------------------------------
./retort --version >/dev/null
command -v psql >/dev/null || { say "installing psql"; sudo_ apt-get update -qq; sudo_ apt-get install -y -qq postgresql-client >/dev/null; }
/usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null || { say "installing alembic"; sudo_ apt-get update -qq; sudo_ apt-get install -y -qq python3-alembic python3-psycopg2 >/dev/null; }
for peer in flyway liquibase; do
  mvn -q -B -f "bench/peers/$peer.pom.xml" dependency:copy-dependencies -DoutputDirectory="$work/$peer" >/dev/null
done
JAVA=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
RETORT=("$root/retort")   # the launcher users run: C1, serial GC, class-data sharing
FLYWAY=(java -cp "'$work/flyway/*'" org.flywaydb.commandline.Main)
LIQUIBASE=(java -cp "'$work/liquibase/*'" liquibase.integration.commandline.LiquibaseCommandLine)
ALEMBIC=(/usr/bin/python3 -m alembic)
versions="retort $(${RETORT[@]} --version | head -1 | cut -d' ' -f2); $(java -cp "$work/flyway/*" org.flywaydb.commandline.Main -v 2>/dev/null | grep -o 'Flyway [A-Za-z ]*Edition [0-9.]*' | head -1); liquibase $(ls "$work/liquibase" | grep -o 'liquibase-core-[0-9.]*[0-9]' | cut -d- -f3); alembic $(/usr/bin/python3 -m alembic --version | cut -d' ' -f2); $(psql --version)"

# --- one PostgreSQL for everything -----------------------------------------------------------
java -cp cli/target/retort.jar bench/Server.java "$work/pg" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 120); do [ -f "$work/pg.port" ] && break; sleep 0.5; done
PORT="$(cat "$work/pg.port")"
export PGHOST=localhost PGPORT="$PORT" PGUSER=postgres
say "PostgreSQL on port $PORT"
newdb() { local name="b$(date +%s%N)"; psql -q -d postgres -c "CREATE DATABASE $name" >/dev/null; echo "$name"; }

# --- workloads -------------------------------------------------------------------------------
generate() {  # $1 = N, $2 = dir
  local n=$1 d=$2 i prev
  mkdir -p "$d/retort/migrations" "$d/flyway" "$d/liquibase" "$d/alembic/versions"
  : > "$d/psql.sql"
  echo 'CREATE TABLE v (version_num varchar(255) PRIMARY KEY);' >> "$d/psql.sql"
  echo '--liquibase formatted sql' > "$d/liquibase/changelog.sql"
  cat > "$d/alembic/alembic.ini" <<INI
[alembic]
script_location = .
INI
  cat > "$d/alembic/env.py" <<'PY'
import os
from alembic import context
from sqlalchemy import create_engine
url = os.environ["BENCH_URL"]
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with create_engine(url).connect() as c:
        context.configure(connection=c)
        with context.begin_transaction():
            context.run_migrations()
PY
  cp "$d/alembic/env.py" "$d/alembic/env.py.bak"
  printf '"""${message}"""\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n' > "$d/alembic/script.py.mako"
  for i in $(seq 1 "$n"); do
    prev=$((i - 1))
    printf "revision 'r%05d'\n%s\nupgrade {\n    createTable('t%d') { column 'id', 'bigint', primaryKey: true }\n    addColumn 't%d', 'v', 'int'\n    createIndex 'idx_t%d_v', on: 't%d', columns: ['v']\n}\ndowngrade { dropTable 't%d' }\n" \
      "$i" "$([ $i -gt 1 ] && printf "revises 'r%05d'" $prev)" "$i" "$i" "$i" "$i" "$i" > "$d/retort/migrations/r$(printf %05d $i).groovy"
    printf "BEGIN;\nCREATE TABLE t%d (id bigint PRIMARY KEY);\nALTER TABLE t%d ADD COLUMN v int;\nCREATE INDEX idx_t%d_v ON t%d (v);\nDELETE FROM v;\nINSERT INTO v VALUES ('r%05d');\nCOMMIT;\n" "$i" "$i" "$i" "$i" "$i" >> "$d/psql.sql"
    printf "CREATE TABLE t%d (id bigint PRIMARY KEY);\nALTER TABLE t%d ADD COLUMN v int;\nCREATE INDEX idx_t%d_v ON t%d (v);\n" "$i" "$i" "$i" "$i" > "$d/flyway/V${i}__m${i}.sql"
    printf "\n--changeset bench:%d\nCREATE TABLE t%d (id bigint PRIMARY KEY);\nALTER TABLE t%d ADD COLUMN v int;\nCREATE INDEX idx_t%d_v ON t%d (v);\n" "$i" "$i" "$i" "$i" "$i" >> "$d/liquibase/changelog.sql"
    printf "from alembic import op\nimport sqlalchemy as sa\nrevision = 'r%05d'\ndown_revision = %s\n\ndef upgrade():\n    op.create_table('t%d', sa.Column('id', sa.BigInteger, primary_key=True))\n    op.add_column('t%d', sa.Column('v', sa.Integer))\n    op.create_index('idx_t%d_v', 't%d', ['v'])\n\ndef downgrade():\n    op.drop_table('t%d')\n" \
      "$i" "$([ $i -gt 1 ] && printf "'r%05d'" $prev || echo None)" "$i" "$i" "$i" "$i" "$i" > "$d/alembic/versions/r$(printf %05d $i).py"
  done
}

# measure WORKLOAD N TOOL FRESH(1/0: a new database per run) DB-VAR-USER -- command...
# runs REPS times; the command sees $DB (database name) and $URL_* variables
measure() {
  local wl=$1 n=$2 tool=$3 fresh=$4 dbname=$5; shift 5
  local i out t m
  want "${wl%% *}" && tool "$tool" || return 0
  for i in $(seq 1 "$REPS"); do
    [ "$fresh" = 1 ] && DB="$(newdb)" || DB="$dbname"
    export DB JDBC="jdbc:postgresql://localhost:$PORT/$DB" PGURL="postgresql://postgres@localhost:$PORT/$DB"
    if ! /usr/bin/time -o "$work/time" -f '%e %M' bash -c "$*" >/dev/null 2>"$work/last.err"; then
      say "$tool $wl N=$n failed: $(grep -v '^\s*at ' "$work/last.err" | tail -2)"; return 0
    fi
    out="$(tail -1 "$work/time")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$wl" "$n" "$tool" ${out} >> "$results"
  done
}

for n in "${SIZES[@]}"; do
  d="$work/n$n"; say "N=$n: generating"; generate "$n" "$d"
  # W1: apply N migrations to an empty database
  measure W1 "$n" retort 1 - "cd $d/retort && ${RETORT[*]} --url \$PGURL -q upgrade"
  measure W1 "$n" psql 1 - "psql -q -v ON_ERROR_STOP=1 -d \$DB -f $d/psql.sql"
  measure W1 "$n" flyway 1 - "${FLYWAY[*]} -url=\$JDBC -user=postgres -locations=filesystem:$d/flyway migrate"
  measure W1 "$n" liquibase 1 - "${LIQUIBASE[*]} --url=\$JDBC --username=postgres --search-path=$d/liquibase --changelog-file=changelog.sql update"
  measure W1 "$n" alembic 1 - "cd $d/alembic && BENCH_URL=\$PGURL ${ALEMBIC[*]} upgrade head"
  # up-to-date databases for W2 and W4
  R="$(newdb)"; tool retort && (cd "$d/retort" && "${RETORT[@]}" --url "postgresql://postgres@localhost:$PORT/$R" -q upgrade)
  F="$(newdb)"; { want W2 || want W4; } && tool flyway && java -cp "$work/flyway/*" org.flywaydb.commandline.Main -url="jdbc:postgresql://localhost:$PORT/$F" -user=postgres -locations=filesystem:"$d/flyway" migrate >/dev/null
  L="$(newdb)"; { want W2 || want W4; } && tool liquibase && java -cp "$work/liquibase/*" liquibase.integration.commandline.LiquibaseCommandLine --url="jdbc:postgresql://localhost:$PORT/$L" --username=postgres --search-path="$d/liquibase" --changelog-file=changelog.sql update >/dev/null 2>&1
  A="$(newdb)"; { want W2 || want W4; } && tool alembic && (cd "$d/alembic" && BENCH_URL="postgresql://postgres@localhost:$PORT/$A" "${ALEMBIC[@]}" upgrade head >/dev/null 2>&1)
  # W2: where is the database, what are the heads, the history
  for c in current heads history; do measure "W2 $c" "$n" retort 0 "$R" "cd $d/retort && ${RETORT[*]} --url \$PGURL $c"; done
  measure "W2 info" "$n" flyway 0 "$F" "${FLYWAY[*]} -url=\$JDBC -user=postgres -locations=filesystem:$d/flyway info"
  measure "W2 status" "$n" liquibase 0 "$L" "${LIQUIBASE[*]} --url=\$JDBC --username=postgres --search-path=$d/liquibase --changelog-file=changelog.sql status"
  for c in current heads history; do measure "W2 $c" "$n" alembic 0 "$A" "cd $d/alembic && BENCH_URL=\$PGURL ${ALEMBIC[*]} $c"; done
  # W3: the SQL script of the whole upgrade
  measure W3 "$n" retort 0 - "cd $d/retort && ${RETORT[*]} --url postgresql://nobody@127.0.0.1:1/x upgrade head --sql"
  measure W3 "$n" alembic 0 - "cd $d/alembic && BENCH_URL=postgresql://nobody@127.0.0.1:1/x ${ALEMBIC[*]} upgrade head --sql"
  measure W3 "$n" liquibase 1 - "${LIQUIBASE[*]} --url=\$JDBC --username=postgres --search-path=$d/liquibase --changelog-file=changelog.sql update-sql"
  # W4: upgrade with nothing to do (the application-start case)
  measure W4 "$n" retort 0 "$R" "cd $d/retort && ${RETORT[*]} --url \$PGURL -q upgrade"
  measure W4 "$n" flyway 0 "$F" "${FLYWAY[*]} -url=\$JDBC -user=postgres -locations=filesystem:$d/flyway migrate"
  measure W4 "$n" liquibase 0 "$L" "${LIQUIBASE[*]} --url=\$JDBC --username=postgres --search-path=$d/liquibase --changelog-file=changelog.sql update"
  measure W4 "$n" alembic 0 "$A" "cd $d/alembic && BENCH_URL=\$PGURL ${ALEMBIC[*]} upgrade head"
  want W4 && tool retort && api="$(java -cp cli/target/retort.jar bench/ApiBench.java "postgresql://postgres@localhost:$PORT/$R" "$d/retort" 2>/dev/null)"
  want W4 && tool retort && echo -e "W4 api\t$n\tretort (Java API)\t$api" >> "$work/api.txt"
done

# --- the table -------------------------------------------------------------------------------
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $versions; $REPS runs each, median (min-max)"
/usr/bin/python3 - "$results" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    wl, n, tool, secs, kb = line.rstrip('\n').split('\t')
    rows[(wl, int(n), tool)].append((float(secs), int(kb)))
med = {k: statistics.median(s for s, _ in v) for k, v in rows.items()}
print(f"{'workload':<12}{'N':>6}  {'tool':<10}{'median s':>9}  {'min-max':<12}{'peak MB':>8}  {'vs retort':>9}  {'vs psql':>8}")
for (wl, n, tool) in sorted(rows, key=lambda k: (k[1], k[0], k[2] != 'retort', k[2])):
    v = rows[(wl, n, tool)]; m = med[(wl, n, tool)]
    r = med.get((wl, n, 'retort')) or next((med[k] for k in med if k[1] == n and k[2] == 'retort' and k[0].split()[0] == wl.split()[0]), None)
    p = med.get(('W1', n, 'psql')) if wl == 'W1' else None
    print(f"{wl:<12}{n:>6}  {tool:<10}{m:>9.2f}  {min(s for s,_ in v):.2f}-{max(s for s,_ in v):<7.2f}{max(k for _,k in v)/1024:>8.0f}  "
          f"{(f'{m/r:.2f}x' if r else '-'):>9}  {(f'{m/p:.2f}x' if p else '-'):>8}")
PY
cat "$work/api.txt" 2>/dev/null || true
