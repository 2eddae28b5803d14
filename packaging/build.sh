#!/usr/bin/env bash
# Builds LiqLab with jpackage: a Linux app-image (default) or a .deb (--deb), with a jlinked, stripped runtime.
# Usage: packaging/build.sh [--deb] [--no-build]
#   --no-build   reuse target/original-liqlab.jar and target/deps from an earlier `mvn package` (tests use this)
# Output: target/jpackage/out/LiqLab (app-image) or target/jpackage/out/liqlab_<version>_amd64.deb
# jpackage builds only for the system it runs on: .msi/.exe on Windows, .dmg/.pkg on macOS (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

type=app-image
build=1
for arg in "$@"; do
  case "$arg" in
    --deb) type=deb ;;
    --no-build) build=0 ;;
    *) echo "unknown option: $arg (use --deb, --no-build)" >&2; exit 2 ;;
  esac
done

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jpackage="$java_home/bin/jpackage"
[ -x "$jpackage" ] || { echo "jpackage not found in $java_home/bin; set JAVA_HOME to a JDK 25" >&2; exit 1; }

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests package
fi
[ -f target/original-liqlab.jar ] && [ -d target/deps ] || { echo "run mvn package first (target/original-liqlab.jar, target/deps)" >&2; exit 1; }

# The app's version from the pom; jpackage wants plain numbers.
version=$(grep -m1 -oP '(?<=<version>)[0-9][^<]*' pom.xml | sed 's/-.*//')

work=target/jpackage
rm -rf "$work"
mkdir -p "$work/input" "$work/fxmods" "$work/out"
cp target/original-liqlab.jar "$work/input/liqlab-app.jar"
# Plain libraries on the class path; JavaFX's platform jars on the module path (the classifier-less ones are empty).
for jar in target/deps/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$work/fxmods/" ;;
    javafx-*) ;;
    *) cp "$jar" "$work/input/" ;;
  esac
done

args=(
  --type "$type" --name LiqLab --app-version "$version" --vendor "LiqLab"
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
if [ "$type" = deb ]; then
  args+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Education --linux-app-category education)
fi
"$jpackage" "${args[@]}" 2> >(grep -v "No JDK Modules found" >&2)
echo "built $type in $work/out"
