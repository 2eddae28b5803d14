#!/usr/bin/env bash
# Time from launch to the first frame of LiqLab's main window, against a minimal JavaFX window started the same
# way (same JVM, same class path, same flags), under Xvfb. Runs each N times, alternating, and prints the medians.
# Usage: packaging/measure-startup.sh [runs] [extra JVM options...]   (after mvn package and test-compile)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
shift || true
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp="target/classes:target/test-classes:$(ls target/deps/*.jar | tr '\n' ':')"
home=$(mktemp -d)
run() { # main class, then JVM options -> ms
  local main=$1
  shift
  LIQLAB_HOME="$home" "$java" --enable-native-access=ALL-UNNAMED -Dliqlab.startupProbe=true \
    -Dliqlab.launchedAt="$(date +%s%3N)" "$@" -cp "$cp" "$main" 2>/dev/null \
    | sed -n 's/^first-frame-ms //p'
}
app=(); minimal=()
for i in $(seq "$runs"); do
  minimal+=("$(run io.liqlab.bench.MinimalWindow "$@")")
  app+=("$(run io.liqlab.Main "$@")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m=$(median "${minimal[@]}"); a=$(median "${app[@]}")
echo "minimal window: ${minimal[*]} ms (median $m)"
echo "LiqLab:         ${app[*]} ms (median $a)"
awk -v a="$a" -v m="$m" 'BEGIN {printf "ratio %.2f\n", a / m}'
