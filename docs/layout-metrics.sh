#!/bin/sh
# Layout figures of docs/layout.md: for every corpus file with 10+ steps, crossings, edges through boxes and
# groups they do not connect, size and text size at fit in 1600x900, for Pipelens, ELK Layered with default
# settings, the previous own layered layout, and Graphviz dot when `dot` is installed (apt-get install graphviz).
# Needs ../shared (the corpus) beside the checkout. Usage: docs/layout-metrics.sh [CORPUS_DIR] [MIN_STEPS]
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/layout-metrics.classpath >&2
exec java -cp "target/classes:target/test-classes:$(cat target/layout-metrics.classpath)" \
  dev.pipelens.layout.LayoutReport "${1:-../shared/corpus}" "${2:-10}"
