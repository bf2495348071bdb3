#!/usr/bin/env bash
# Checks that venuegate.jar carries only what the product runs, before an installer packages it:
#   installers/check-jar.sh JAR
# - at most 80 MB (80,000,000 bytes);
# - no test library: embedded PostgreSQL (io/zonky, postgres-*.txz server binaries), JUnit, TestFX, AssertJ;
# - no JavaFX (it is supported only as named modules: beside the jar in target/javafx, jlinked into the installers);
# - native libraries of one platform: one folder each of sqlite-jdbc, jSerialComm, BridJ and JavaCPP.
# Prints the jar's size and its largest entries; exits 1 naming what is wrong.
set -euo pipefail
jar=${1:?usage: $0 JAR}
limit=80000000
size=$(wc -c <"$jar" | tr -d ' ')
entries=$(mktemp)
trap 'rm -f "$entries"' EXIT
jar tf "$jar" >"$entries"
bad=()
[ "$size" -le "$limit" ] || bad+=("$size bytes, more than $limit")
for pattern in '^io/zonky/' 'postgres-.*\.txz$' '^org/junit/' '^org/testfx/' '^org/assertj/' '^javafx/' '^com/sun/javafx/' \
    '^lib(glass|prism_[a-z0-9]+|javafx_[a-z0-9_]+)\.(so|dylib)$' '^(glass|prism_[a-z0-9]+|javafx_[a-z0-9_]+)\.dll$'; do
  n=$(grep -cE "$pattern" "$entries" || true)
  [ "$n" -eq 0 ] || bad+=("$n entries matching $pattern")
done
# a native library's folder, one per library: org/sqlite/native/OS/ARCH, jSerialComm's OS/ARCH at the root, BridJ's
# org/bridj/lib/PLATFORM, JavaCPP's org/bytedeco/LIB/PLATFORM
folders() { grep -E '\.(so|so\.[0-9]+|dll|dylib|jnilib)$' "$entries" | grep -E "$1" | sed -E "s#$2#\\1#" | sort -u; }
check_one() {
  local name=$1 got
  got=$(folders "$2" "$3")
  [ "$(printf '%s' "$got" | grep -c .)" -le 1 ] || bad+=("$name natives for several platforms: $(echo $got)")
}
check_one sqlite-jdbc '^org/sqlite/native/' '^org/sqlite/native/([^/]+/[^/]+)/.*'
check_one jSerialComm '^(Android|FreeBSD|Linux|OSX|OpenBSD|Solaris|Windows)/' '^([^/]+/[^/]+)/.*'
check_one BridJ '^org/bridj/lib/' '^org/bridj/lib/([^/]+)/.*'
check_one JavaCPP '^org/bytedeco/' '^org/bytedeco/[^/]+/([^/]+)/.*'

echo "$jar: $size bytes ($(( size / 1000000 )) MB), largest entries:"
unzip -Zl "$jar" 2>/dev/null | awk 'NF>=10 {print $6, $NF}' | sort -n | tail -5 | sed 's/^/  /' || true
if [ ${#bad[@]} -gt 0 ]; then
  printf '%s\n' "jar check failed for $jar:" "${bad[@]/#/  }" >&2
  exit 1
fi
echo "jar check: at most $limit bytes, no test libraries, no JavaFX, natives of one platform"
