#!/usr/bin/env bash
# Time from launch to the first frame of LiqLab's main window, against a minimal JavaFX window started the same
# way (same JVM, same class path, same flags), under Xvfb. Runs each N times, alternating, and prints the medians.
# Usage: packaging/measure-startup.sh [--aot] [runs] [extra JVM options...]   (after mvn package and test-compile)
#   --aot   both start with an ahead-of-time cache (JDK 25) trained on their own start, as the packaged app does;
#           the classes go into jars first (the cache accepts jars only), under target/startup-aot
# Launch is the moment just before the JVM is started (-Dliqlab.launchedAt), see io.liqlab.app.StartupProbe.
set -euo pipefail
cd "$(dirname "$0")/.."
aot=0
if [ "${1:-}" = --aot ]; then
  aot=1
  shift
fi
runs=${1:-9}
shift || true
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
home=$(mktemp -d)
if [ "$aot" = 1 ]; then
  dir=target/startup-aot
  rm -rf "$dir"
  mkdir -p "$dir/cp"
  "$java_home/bin/jar" --create --file "$dir/cp/liqlab-app.jar" -C target/classes .
  (cd target/test-classes && "$java_home/bin/jar" --create --file "../../$dir/cp/minimal-window.jar" io/liqlab/bench/MinimalWindow*.class)
  cp target/deps/*.jar "$dir/cp/"
  cp=$(ls "$dir"/cp/*.jar | tr '\n' ':')
else
  cp="target/classes:target/test-classes:$(ls target/deps/*.jar | tr '\n' ':')"
fi
run() { # main class, then JVM options -> ms
  local main=$1
  shift
  local cache=()
  [ "$aot" = 1 ] && cache=(-XX:AOTCache="$dir/$main.aot") # each with its own cache
  LIQLAB_HOME="$home" "$java" --enable-native-access=ALL-UNNAMED -Dliqlab.startupProbe=true \
    -Dliqlab.launchedAt="$(date +%s%3N)" "${cache[@]}" "$@" -cp "$cp" "$main" 2>/dev/null \
    | sed -n 's/^first-frame-ms //p'
}
if [ "$aot" = 1 ]; then
  for main in io.liqlab.bench.MinimalWindow io.liqlab.Main; do # one training run each, to its first frame
    LIQLAB_HOME="$home" timeout 120 "$java" --enable-native-access=ALL-UNNAMED -Dliqlab.startupProbe=true \
      -XX:AOTCacheOutput="$dir/$main.aot" "$@" -cp "$cp" "$main" >/dev/null 2>&1 || true
    [ -f "$dir/$main.aot" ] || { echo "no AOT cache was written for $main" >&2; exit 1; }
  done
fi
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
