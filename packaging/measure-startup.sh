#!/usr/bin/env bash
# Time from launch to the first frame of LiqLab's main window, against a minimal JavaFX window, under Xvfb (or any
# display). Runs each N times, alternating, and prints the medians and their ratio.
# Usage: packaging/measure-startup.sh [--aot | --installed [APP_DIR]] [runs] [extra JVM options...]
#        (after mvn package and test-compile; --installed also after packaging/build.sh or installing the .deb)
#   (none)       both from the class path, same JVM, same flags
#   --aot        both start with an ahead-of-time cache (JDK 25) trained on their own start, as the packaged app does;
#                the classes go into jars first (the cache accepts jars only), under target/startup-aot
#   --installed  the start-up goal as users see it: LiqLab's installed launcher with its trained cache (APP_DIR,
#                default /opt/liqlab when the .deb is installed, else target/jpackage/out/LiqLab) against the plain
#                minimal window (class path, no cache); prints whether the goal (at most 1.5x) is met
# Launch is the moment just before the JVM is started (-Dliqlab.launchedAt), see io.liqlab.app.StartupProbe.
set -euo pipefail
cd "$(dirname "$0")/.."
aot=0
installed=
if [ "${1:-}" = --aot ]; then
  aot=1
  shift
elif [ "${1:-}" = --installed ]; then
  shift
  if [ -n "${1:-}" ] && [ -d "$1" ]; then
    installed=$1
    shift
  elif [ -x /opt/liqlab/bin/LiqLab ]; then
    installed=/opt/liqlab
  else
    installed=target/jpackage/out/LiqLab
  fi
  [ -x "$installed/bin/LiqLab" ] || { echo "no launcher at $installed/bin/LiqLab: run packaging/build.sh first" >&2; exit 1; }
  [ -f "$installed/lib/app/liqlab.aot" ] || echo "note: $installed has no trained AOT cache (lib/app/liqlab.aot)" >&2
fi
runs=${1:-9}
shift || true
java_home=$(packaging/jdk-home.sh) || exit 1
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
    -Dliqlab.launchedAt="$(date +%s%3N)" "${cache[@]}" "$@" -cp "$cp" "$main" 2>/dev/null | probe
}
# From the probe's output: the first frame's ms, then the CPU ms of the JavaFX thread and of the whole process (its
# ended threads included), which a busy machine changes far less than the wall clock: "WALL FX PROCESS".
probe() {
  awk '/^cpu-ms JavaFX_Applicat/ {fx=$3} /^cpu-ms process-all/ {all=$3} /^first-frame-ms/ {ff=$2}
       END {if (ff != "") print ff, (fx == "" ? "-" : fx), (all == "" ? "-" : all)}'
}
if [ "$aot" = 1 ]; then
  for main in io.liqlab.bench.MinimalWindow io.liqlab.Main; do # one training run each, to its first frame
    LIQLAB_HOME="$home" timeout 120 "$java" --enable-native-access=ALL-UNNAMED -Dliqlab.startupProbe=true \
      -XX:AOTCacheOutput="$dir/$main.aot" "$@" -cp "$cp" "$main" >/dev/null 2>&1 || true
    [ -f "$dir/$main.aot" ] || { echo "no AOT cache was written for $main" >&2; exit 1; }
  done
fi
launcher() { # the installed launcher, as a user starts it; the probe's flags through JAVA_TOOL_OPTIONS -> ms
  LIQLAB_HOME="$home" JAVA_TOOL_OPTIONS="-Dliqlab.startupProbe=true -Dliqlab.launchedAt=$(date +%s%3N)" \
    "$installed/bin/LiqLab" 2>/dev/null | probe
}
app=(); minimal=(); appcpu=(); minimalcpu=()
for i in $(seq "$runs"); do
  read -r ms fx all < <(run io.liqlab.bench.MinimalWindow "$@")
  minimal+=("$ms"); minimalcpu+=("$fx/$all")
  if [ -n "$installed" ]; then
    read -r ms fx all < <(launcher)
  else
    read -r ms fx all < <(run io.liqlab.Main "$@")
  fi
  app+=("$ms"); appcpu+=("$fx/$all")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cpu() { # "FX/PROCESS" pairs -> "FX thread median, process median"
  echo "JavaFX thread $(median $(printf '%s\n' "$@" | cut -d/ -f1)) ms, process $(median $(printf '%s\n' "$@" | cut -d/ -f2)) ms"
}
m=$(median "${minimal[@]}"); a=$(median "${app[@]}")
echo "minimal window: ${minimal[*]} ms (median $m)"
echo "LiqLab${installed:+ ($installed/bin/LiqLab)}: ${app[*]} ms (median $a)"
echo "CPU to the first frame, medians (less sensitive to other load than the times above):"
echo "  minimal window: $(cpu "${minimalcpu[@]}")"
echo "  LiqLab: $(cpu "${appcpu[@]}")"
awk -v a="$a" -v m="$m" 'BEGIN {printf "ratio %.2f\n", a / m}'
if [ -n "$installed" ]; then
  awk -v a="$a" -v m="$m" -v app="$installed" 'BEGIN {printf "start-up goal (%s with its cache, at most 1.5x the plain minimal window): %s\n", app, (a <= 1.5 * m ? "met" : "not met")}'
fi
