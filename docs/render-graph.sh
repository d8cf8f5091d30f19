#!/usr/bin/env bash
# Renders the example project's revision graph to docs/example-graph.png with graphviz.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dot >/dev/null 2>&1; then
  echo "installing graphviz..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq graphviz >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq graphviz >/dev/null; fi
fi
./retort -c migrations-example/retort.properties graph --format dot > docs/example-graph.dot
dot -Tpng -Gdpi=110 docs/example-graph.dot -o docs/example-graph.png
echo "wrote docs/example-graph.png" >&2
