#!/usr/bin/env bash
# Prints the home of a JDK 25 or newer (one with javac and jpackage), for the packaging scripts, which call JDK
# tools directly rather than through Maven's toolchain: $JAVA_HOME if it is one, else the first under the folders
# Maven's toolchains plugin searches on Linux (/usr/lib/jvm, /usr/java, /usr/jdk, /opt/java, ~/.sdkman, ~/.jdks),
# else the JDK of the `java` on PATH. Exits 1 with a message when there is none.
# Usage: java_home=$(packaging/jdk-home.sh) || exit 1
set -uo pipefail
need=${LIQLAB_JDK_FEATURE:-25}

feature() { # the feature version of the JDK at $1 (e.g. 25), or 0
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "${v:-0}"
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for dir in /usr/lib/jvm /usr/java /usr/jdk /opt/java "$HOME/.sdkman/candidates/java" "$HOME/.jdks" "$HOME/.m2/jdks"; do
  [ -d "$dir" ] && for c in "$dir"/*; do candidates+=("$c"); done
done
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
for c in "${candidates[@]}"; do
  if [ "$(feature "$c")" -ge "$need" ] && [ -x "$c/bin/jpackage" ]; then
    readlink -f "$c"
    exit 0
  fi
done
echo "No JDK $need found (looked at JAVA_HOME, /usr/lib/jvm, /usr/java, /usr/jdk, /opt/java, ~/.sdkman, ~/.jdks). Install a JDK $need, e.g. Temurin $need." >&2
exit 1
