#!/usr/bin/env bash
# Kill -9 harness: bench/crash.sh [ROUNDS=100] [MIGRATIONS=200]
set -euo pipefail
cd "$(dirname "$0")/.."
./retort --version >/dev/null   # builds the CLI if needed
exec java -cp cli/target/retort.jar bench/CrashHarness.java "${1:-100}" "${2:-200}" cli/target/retort.jar
