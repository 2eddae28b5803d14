#!/usr/bin/env bash
# Builds LiqLab with jpackage: a Linux app-image (default) or a .deb (--deb), with a jlinked, stripped runtime.
# Usage: packaging/build.sh [--deb [--reuse-image]] [--no-build]
#   --no-build      reuse target/classes and target/deps from an earlier `mvn package` (tests use this)
#   --reuse-image   with --deb: package the app-image already in target/jpackage/out/LiqLab instead of building it
# The .deb carries LiqLab's own maintainer scripts (linux/postinst, linux/prerm): it installs and removes cleanly on
# a machine without a desktop menu system too (packaging/test-deb-install.sh checks that).
# Output: target/jpackage/out/LiqLab (app-image) or target/jpackage/out/liqlab_<version>_amd64.deb
# jpackage builds only for the system it runs on: .msi/.exe on Windows, .dmg/.pkg on macOS (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

type=app-image
build=1
reuse=0
for arg in "$@"; do
  case "$arg" in
    --deb) type=deb ;;
    --no-build) build=0 ;;
    --reuse-image) reuse=1 ;;
    *) echo "unknown option: $arg (use --deb, --reuse-image, --no-build)" >&2; exit 2 ;;
  esac
done

# jpackage, jlink and jar from a JDK 25 (JAVA_HOME if it is one, else found as Maven's toolchain finds it); Maven
# itself may run on an older JDK, it selects JDK 25 for the build on its own.
java_home=$(packaging/jdk-home.sh) || exit 1
jpackage="$java_home/bin/jpackage"

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests package
fi
[ -d target/classes ] && [ -d target/deps ] || { echo "run mvn package first (target/classes, target/deps)" >&2; exit 1; }

# The app's version from the pom; jpackage wants plain numbers.
version=$(grep -m1 -oP '(?<=<version>)[0-9][^<]*' pom.xml | sed 's/-.*//')

work=target/jpackage
if [ "$type" = deb ]; then
  # The .deb packages the app-image built (and trained) first.
  if [ "$reuse" = 0 ] || [ ! -x "$work/out/LiqLab/bin/LiqLab" ]; then
    "$0" --no-build
  fi
  rm -f "$work"/out/*.deb
  "$jpackage" --type deb --app-image "$work/out/LiqLab" --name LiqLab --app-version "$version" --vendor LiqLab \
    --description "Perpetual-futures liquidation risk lab" --dest "$work/out" \
    --linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Education --linux-app-category education \
    --file-associations packaging/session-association.properties --resource-dir packaging/linux \
    --icon packaging/liqlab.png 2> >(grep -v "No JDK Modules found" >&2)
  echo "built deb in $work/out"
  exit 0
fi
rm -rf "$work"
mkdir -p "$work/input" "$work/fxmods" "$work/out"
# Plain libraries on the class path; JavaFX's platform jars on the module path (the classifier-less ones are empty).
for jar in target/deps/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$work/fxmods/" ;;
    javafx-*) ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done
# Each stylesheet also in JavaFX's binary form beside it (name.bss, which JavaFX loads in place of name.css):
# the app does not parse CSS text on the way to its first frame. That is LiqLab's own and ControlsFX's: each
# ControlsFX control brings its stylesheet (the first frame has five: segmented buttons, switch, status bar,
# notification pane, text field), and JavaFX looks for name.bss beside name.css, so those go into the copy of the
# ControlsFX jar the app-image ships. One JVM converts them all.
mkdir -p "$work/bss" "$work/cfx-css" "$work/cfx-bss"
pairs=()
while read -r css; do
  pairs+=("target/classes/$css" "$work/bss/${css%.css}.bss")
done < <(cd target/classes && find . -name '*.css')
cfx=$(ls "$work"/input/controlsfx-*.jar 2>/dev/null | head -1)
if [ -n "$cfx" ]; then
  cfx=$(cd "$(dirname "$cfx")" && pwd)/$(basename "$cfx")
  sheets=$("$java_home/bin/jar" --list --file "$cfx" | grep '\.css$' || true)
  (cd "$work/cfx-css" && "$java_home/bin/jar" --extract --file "$cfx" $sheets)
  for css in $sheets; do
    pairs+=("$work/cfx-css/$css" "$work/cfx-bss/${css%.css}.bss")
  done
fi
"$java_home/bin/java" --module-path "$work/fxmods" --add-modules javafx.graphics packaging/CssToBinary.java "${pairs[@]}"
[ -z "$cfx" ] || "$java_home/bin/jar" --update --file "$cfx" -C "$work/cfx-bss" .
# The app's own classes only (the shaded liqlab.jar also holds JavaFX, which goes on the module path here).
"$java_home/bin/jar" --create --file "$work/input/liqlab-app.jar" -C target/classes . -C "$work/bss" .

args=(
  --type app-image --name LiqLab --app-version "$version" --vendor "LiqLab"
  --description "Perpetual-futures liquidation risk lab"
  --input "$work/input" --main-jar liqlab-app.jar --main-class io.liqlab.Main
  --module-path "$work/fxmods"
  # jdeps over the app and its libraries, plus zipfs (the shipped profiles are read from the jar) and logging.
  --add-modules javafx.controls,javafx.swing,java.sql,java.logging,java.desktop,jdk.zipfs,jdk.unsupported,jdk.unsupported.desktop
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=zip-6"
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED"
  --icon packaging/liqlab.png
  --dest "$work/out"
)
"$jpackage" "${args[@]}" 2> >(grep -v "No JDK Modules found" >&2)
app="$work/out/LiqLab"
# JavaFX's native libraries go where JavaFX looks first in a jlinked runtime: its lib folder (NativeLibLoader's
# loadLibraryFullPath, java.home/lib on Linux). jlink keeps them inside the modules as resources when it links
# JavaFX from its jars, and JavaFX then copied them into ~/.openjfx/cache on the first start and, on every start,
# read each one back from the compressed runtime image to compare MD5 checksums before its toolkit could start
# (measured: about 50 ms of CPU on the launcher and renderer threads, both on the way to the first frame).
for jar in "$work"/fxmods/javafx-*-linux.jar; do
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  libs=$("$java_home/bin/jar" --list --file "$jar" | grep -E '^[^/]+\.so$' || true)
  [ -z "$libs" ] || (cd "$app/lib/runtime/lib" && "$java_home/bin/jar" --extract --file "$jar" $libs)
done

# An ahead-of-time cache (JDK 25, JEP 483/514) trained on the real start-up: the launcher runs once to its first
# frame with -XX:AOTCacheOutput, and later starts load the classes it saw from the cache. Needs a display (or
# xvfb-run); without one the image works the same, only without the cache.
cfg="$app/lib/app/LiqLab.cfg"
runner=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  runner=(xvfb-run -a -s "-screen 0 1920x1200x24")
fi
if [ "${LIQLAB_NO_AOT:-0}" != 1 ] && { [ -n "${DISPLAY:-}" ] || [ ${#runner[@]} -gt 0 ]; }; then
  cp "$cfg" "$cfg.orig"
  printf 'java-options=-XX:AOTCacheOutput=$APPDIR/liqlab.aot\njava-options=-Dliqlab.startupProbe=true\n' >> "$cfg"
  LIQLAB_HOME=$(mktemp -d) timeout 120 "${runner[@]}" "$app/bin/LiqLab" >/dev/null 2>&1 || true
  mv "$cfg.orig" "$cfg"
  if [ -f "$app/lib/app/liqlab.aot" ]; then
    printf 'java-options=-XX:AOTCache=$APPDIR/liqlab.aot\n' >> "$cfg"
    echo "trained an AOT cache: $(du -h "$app/lib/app/liqlab.aot" | cut -f1)"
  fi
fi
echo "built $type in $work/out"
