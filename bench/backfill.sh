#!/usr/bin/env bash
# W5: backfill of N rows (default 1,000,000) in keyset batches vs one plain UPDATE, each on its own
# embedded PostgreSQL. Prints both times, the throughput ratio, and the longest batch transaction.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-1000000}"
BATCH="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/retort" --version >/dev/null   # builds the CLI if needed

seed() {
  mkdir -p "$1/migrations"
  cat > "$1/migrations/1.groovy" <<G
revision 'seed'
upgrade {
    sql 'CREATE TABLE people (id bigint PRIMARY KEY, first_name text, last_name text, full_name text)'
    sql "INSERT INTO people SELECT g, 'first' || g, 'last' || g, NULL FROM generate_series(1, ${N}) g"
}
G
  printf "revision 'fill'\nrevises 'seed'\nupgrade {\n    %s\n}\n" "$2" > "$1/migrations/2.groovy"
  (cd "$1" && "$root/retort" --url "embedded:$1/pg" upgrade seed >/dev/null 2>&1)
}
timed() {
  local t0 t1
  t0=$(date +%s%N)
  (cd "$1" && "$root/retort" --url "embedded:$1/pg" upgrade >"$1/out" 2>"$1/err")
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
seed "$work/b" "backfill 'people', set: \"full_name = first_name || ' ' || last_name\", where: 'full_name IS NULL', batchSize: ${BATCH}"
seed "$work/u" "sql \"UPDATE people SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL\""
tb=$(timed "$work/b")
tu=$(timed "$work/u")
echo "rows: $N, batch size: $BATCH (times are whole processes, including JVM and server start)"
echo "backfill:     ${tb} ms; $(grep -o 'backfill people: .*' "$work/b/err")"
echo "plain UPDATE: ${tu} ms; one transaction that holds every row lock until the end"
awk -v b="$tb" -v u="$tu" 'BEGIN { printf "backfill throughput / UPDATE throughput: %.2f (target >= 0.5)\n", u / b }'
