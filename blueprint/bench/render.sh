#!/usr/bin/env bash
# Runs the rendering benchmark: median time to render the full sample spec in memory.
# Usage (from the repository root): blueprint/bench/render.sh [extra JMH arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl blueprint -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test -DskipTests >/dev/null
cp="blueprint/target/test-classes:blueprint/target/classes:$(cat blueprint/target/bench-classpath.txt)"
exec java -cp "$cp" -Dlaunchpad.sample.spec=generated-sample/.launchpad/spec.json \
  org.openjdk.jmh.Main RenderBenchmark -jvmArgs "-Dlaunchpad.sample.spec=$PWD/generated-sample/.launchpad/spec.json" "$@"
