#!/usr/bin/env bash
# Kill -9 harness: bench/crash.sh [ROUNDS=100] [MIGRATIONS=200]
# Runs from a private copy of the CLI jar, so rebuilding the project meanwhile cannot disturb it.
set -euo pipefail
cd "$(dirname "$0")/.."
./retort --version >/dev/null   # builds the CLI if needed
jar="$(mktemp -d)/retort.jar"
cp cli/target/retort.jar "$jar"
exec java -cp "$jar" bench/CrashHarness.java "${1:-100}" "${2:-200}" "$jar"
