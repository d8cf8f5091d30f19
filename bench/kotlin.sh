#!/usr/bin/env bash
# Kotlin vs Groovy migrations: bench/kotlin.sh [COUNTS="100 1000"] [WARM_RUNS=3]
# For each count, generates that many linear migrations (each creates a table with three columns and an
# index) once as *.retort.kts and once as *.groovy, then upgrades each project on a fresh embedded database:
# cold (no .retort/cache: every script compiled) and warm (the caches of the cold run: compiled scripts and
# recorded plans). Wall time and peak RSS from /usr/bin/time -v, whole processes (JVM and server start too).
# A warm run does the same work in both languages (the recorded plans replayed, no compiler, no Kotlin class
# loaded: only the header reader differs), so what separates them is the machine: the warm runs alternate
# Groovy, Kotlin, Groovy, ... WARM_RUNS times each and the table shows each language's median (with its CPU
# seconds, user + system), so that a burst of load from elsewhere does not land on one language only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
COUNTS="${COUNTS:-${1:-100 1000}}"
WARM_RUNS="${WARM_RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/retort" --version >/dev/null   # builds the CLI if needed
cp "$root/cli/target/retort.jar" "$work/retort.jar"   # a private copy: a rebuild meanwhile cannot disturb the runs
export XDG_CONFIG_HOME="$work/config"  # a cache key of this run's own

generate() { # dir count lang
  mkdir -p "$1/migrations"
  for i in $(seq 1 "$2"); do
    id=$(printf 'r%05d' "$i"); prev=$(printf 'r%05d' $((i - 1)))
    if [ "$3" = kotlin ]; then
      f="$1/migrations/$(printf '%05d' "$i")_$id.retort.kts"
      { echo "revision(\"$id\")"; [ "$i" -gt 1 ] && echo "revises(\"$prev\")"; echo "message(\"table t$i\")"
        cat <<K
upgrade {
    createTable("t$i") {
        column("id", "bigint", primaryKey = true, identity = true)
        column("name", "varchar(100)", nullable = false)
        column("n", "int", default = 0)
    }
    createIndex("idx_t${i}_name", on = "t$i", columns = listOf("name"))
}
downgrade {
    dropTable("t$i")
}
K
      } > "$f"
    else
      f="$1/migrations/$(printf '%05d' "$i")_$id.groovy"
      { echo "revision '$id'"; [ "$i" -gt 1 ] && echo "revises '$prev'"; echo "message 'table t$i'"
        cat <<G
upgrade {
    createTable('t$i') {
        column 'id', 'bigint', primaryKey: true, identity: true
        column 'name', 'varchar(100)', nullable: false
        column 'n', 'int', default: 0
    }
    createIndex 'idx_t${i}_name', on: 't$i', columns: ['name']
}
downgrade {
    dropTable 't$i'
}
G
      } > "$f"
    fi
  done
}

# prints "seconds peak-MB cpu-seconds" of one upgrade on a fresh embedded database (removed afterwards)
measure() { # dir run
  local log="$1/$2.time"
  (cd "$1" && /usr/bin/time -v java -jar "$work/retort.jar" --url "embedded:$1/pg-$2" upgrade >"$1/$2.out" 2>"$log") || { cat "$log" >&2; exit 1; }
  rm -rf "$1/pg-$2"
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log")
  echo "$wall $rss $cpu"
}

median() { # values...
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf '| migrations | language | cold s | cold peak MB | warm s (median) | warm CPU s | warm peak MB |\n|---:|---|---:|---:|---:|---:|---:|\n'
for n in $COUNTS; do
  declare -A cold warm cpu rss
  for lang in groovy kotlin; do
    d="$work/$lang-$n"
    generate "$d" "$n" "$lang"
    read -r cs cm _ < <(measure "$d" cold)
    cold[$lang]="$cs $cm"
  done
  for i in $(seq 1 "$WARM_RUNS"); do
    for lang in groovy kotlin; do
      read -r ws wm wc < <(measure "$work/$lang-$n" "warm$i")
      warm[$lang]="${warm[$lang]:-} $ws"; cpu[$lang]="${cpu[$lang]:-} $wc"; rss[$lang]="${rss[$lang]:-} $wm"
    done
  done
  for lang in groovy kotlin; do
    read -r cs cm <<<"${cold[$lang]}"
    # shellcheck disable=SC2086
    printf '| %d | %s | %.1f | %d | %.1f | %.1f | %d |\n' "$n" "$lang" "$cs" "$cm" "$(median ${warm[$lang]})" \
      "$(median ${cpu[$lang]})" "$(median ${rss[$lang]})"
  done
  # shellcheck disable=SC2086
  awk -v k="$(median ${warm[kotlin]})" -v g="$(median ${warm[groovy]})" -v n="$n" -v gr="${warm[groovy]}" -v kr="${warm[kotlin]}" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN { printf "\nwarm Kotlin / warm Groovy for %d migrations: %.2f (acceptance: at most 1.20); ", n, k / g
      printf "warm runs groovy:%s s, kotlin:%s s; load average %s\n\n", gr, kr, load }' >&2
  unset cold warm cpu rss
done
