#!/usr/bin/env bash
# Item 13: what the application feels while a migration's ALTER is blocked behind a long transaction.
# pgbench runs a steady read/write load on pgbench_accounts; a "report" holds ACCESS SHARE on it for
# HOLD seconds; Retort then runs ALTER TABLE pgbench_accounts ADD COLUMN. While the ALTER waits for its
# ACCESS EXCLUSIVE lock every app query on the table queues behind it, so the app's worst latency is about
# the longest single lock wait: sqlLockTimeout. Each row of the table is one setting.
#   bench/lockwait.sh                 HOLD=15 (blocker seconds) DURATION=40 (pgbench seconds) CLIENTS=4 RATE=200
#   SETTINGS="10s:3:2s 1s:10:500ms" bench/lockwait.sh    sqlLockTimeout:lockRetries:lockRetryBackoff per row
# Needs pgbench and psql (Debian postgresql-client: apt-get install postgresql-client).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
HOLD="${HOLD:-15}"
DURATION="${DURATION:-40}"
CLIENTS="${CLIENTS:-4}"
RATE="${RATE:-200}"
SETTINGS="${SETTINGS:-10s:3:2s 0:0:0 2s:10:250ms 500ms:20:100ms 100ms:40:50ms}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
say() { echo "lockwait: $*" >&2; }
command -v pgbench >/dev/null || { say "needs pgbench (apt-get install postgresql-client)"; exit 2; }
./retort --version >/dev/null   # builds the CLI if needed
# a private copy of the jar, so rebuilding the project meanwhile cannot disturb the measurement
jar="$work/retort.jar"
cp cli/target/retort.jar "$jar"

java -cp "$jar" bench/Server.java "$work/pg" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 120); do [ -f "$work/pg.port" ] && break; sleep 0.5; done
PORT="$(cat "$work/pg.port")"
export PGHOST=localhost PGPORT="$PORT" PGUSER=postgres
say "PostgreSQL on port $PORT; blocker holds ${HOLD}s; pgbench ${DURATION}s, ${CLIENTS} clients, ${RATE} tx/s"

# the app: one indexed read and one update of the same table, at a fixed rate (so a stall shows as latency)
cat > "$work/app.sql" <<'SQL'
\set aid random(1, 100000)
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
SQL

printf '| sqlLockTimeout | lockRetries | lockRetryBackoff | app max latency | app p99 latency | app p99.9 | migration exit | migration took | attempts |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
n=0
for s in $SETTINGS; do
  IFS=: read -r lt retries backoff <<<"$s"
  n=$((n + 1))
  db="lw$n"
  psql -q -d postgres -c "CREATE DATABASE $db" >/dev/null
  pgbench -q -i -s 1 "$db" >/dev/null 2>&1
  proj="$work/p$n"
  mkdir -p "$proj/migrations"
  printf "revision 'note'\nupgrade { addColumn 'pgbench_accounts', 'note', 'text' }\ndowngrade { dropColumn 'pgbench_accounts', 'note' }\n" \
    > "$proj/migrations/1.groovy"
  (cd "$proj" && pgbench -n -f "$work/app.sql" -c "$CLIENTS" -j 2 -R "$RATE" -T "$DURATION" -l --log-prefix="$proj/tx" "$db" \
    >"$proj/pgbench.out" 2>&1) &
  bench=$!
  sleep 5
  psql -q -d "$db" -c "BEGIN; SELECT count(*) FROM pgbench_accounts; SELECT pg_sleep($HOLD); COMMIT;" >/dev/null &
  blocker=$!
  sleep 1
  t0=$(date +%s%N)
  set +e
  (cd "$proj" && RETORT_SQL_LOCK_TIMEOUT="$lt" RETORT_LOCK_RETRIES="$retries" RETORT_LOCK_RETRY_BACKOFF="$backoff" \
    java -jar "$jar" --url "postgresql://postgres@localhost:$PORT/$db" upgrade >"$proj/out" 2>"$proj/err")
  rc=$?
  set -e
  t1=$(date +%s%N)
  wait "$blocker" || true
  wait "$bench" || true
  attempts=$(( $(grep -c 'retry [0-9]* of' "$proj/err" || true) + 1 ))
  # pgbench per-transaction log: client tx latency_us script epoch us (skipped ones say "skipped")
  cat "$proj"/tx* | awk '$3 ~ /^[0-9]+$/ { print $3 }' | sort -n > "$proj/lat"
  total=$(wc -l < "$proj/lat")
  stats=$(awk -v t="$total" '{ a[NR] = $1 } END {
      p99 = a[int(t * 0.99)]; p999 = a[int(t * 0.999)];
      printf "%.0f ms | %.0f ms | %.0f ms", a[t] / 1000, p99 / 1000, p999 / 1000 }' "$proj/lat")
  printf '| %s | %s | %s | %s | %s | %.1f s | %s |\n' "$lt" "$retries" "$backoff" "$stats" "$rc" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$attempts"
  [ "$rc" = 0 ] || say "row $n exit $rc: $(head -1 "$proj/err")"
done
say "$(pgbench --version); $total transactions in the last row"
