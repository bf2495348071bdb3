#!/usr/bin/env bash
# Builds the macOS installer of VenueGate (.dmg) with the JDK's jlink and jpackage. NOT BUILT OR RUN on the project's
# Debian machine (jpackage makes macOS bundles only on macOS); written from the JDK 17 jpackage documentation.
#   installers/macos/build.sh [--jar target/venuegate.jar] [--javafx DIR (default: the javafx folder beside the jar)]
# Needs JDK 17+ and Xcode's command-line tools (hdiutil is part of macOS). Output: target/installer/VenueGate-<version>.dmg
# holding two applications, "VenueGate Kiosk.app" and "VenueGate Review.app" (a macOS bundle opens one program, so
# each launcher is its own bundle), with a link to /Applications to drag them to. "VenueGate Kiosk.app" also carries
# the command line: Contents/MacOS/VenueGate (e.g. "VenueGate hub --data ~/hub-data").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here=installers/macos
out=target/installer
jar=""
javafx=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --javafx) javafx=$2; shift 2 ;;
    *) echo "usage: $0 [--jar FILE] [--javafx DIR]" >&2; exit 2 ;;
  esac
done
if [ -z "$jar" ]; then
  mvn -q package -DskipTests
  jar=target/venuegate.jar
fi
javafx=${javafx:-$(dirname "$jar")/javafx}
bash installers/check-jar.sh "$jar"
version=$(java -cp "$jar" org.venuegate.app.Launcher --version | sed -n 's/^VenueGate //p')
case "$version" in ""|dev) echo "$jar carries no version" >&2; exit 1 ;; esac
appversion=${version%%-*}
case "$appversion" in 0.*) appversion=1.${appversion#0.} ;; esac # macOS bundle versions must not start with 0

rm -rf "$out" && mkdir -p "$out/input" "$out/dmg"
cp "$jar" "$out/input/venuegate.jar"
# JavaFX linked in as named modules, its supported configuration (see installers/linux/build.sh). Its natives stay in
# the modules, from which JavaFX copies them to ~/.openjfx/cache on first use (not moved to Contents/runtime/.../lib as
# on Linux: untested here).
jlink --output "$out/runtime" --module-path "$javafx" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.net.http,java.scripting,java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,javafx.controls,javafx.fxml,javafx.swing \
  --include-locales=en,zh

common=(--app-version "$appversion" --vendor "VenueGate" --input "$out/input" --main-jar venuegate.jar
  --main-class org.venuegate.app.Launcher --runtime-image "$out/runtime" --icon installers/icons/macos/venuegate.icns
  --dest "$out/dmg" --java-options "-Dvenuegate.installed=true" --java-options "-Xlog:disable"
  --java-options "-Xlog:all=warning:stderr")
# "VenueGate Kiosk": the launchd agent that "VenueGate kiosk --autostart on" writes starts Contents/MacOS/VenueGate Kiosk
jpackage --type app-image --name "VenueGate Kiosk" --mac-package-identifier org.venuegate.kiosk "${common[@]}" \
  --arguments kiosk --java-options "-Xmx160m" --java-options "-XX:+UseSerialGC" \
  --add-launcher "VenueGate=$here/cli.properties"
jpackage --type app-image --name "VenueGate Review" --mac-package-identifier org.venuegate.review "${common[@]}" \
  --arguments review --java-options "-Xmx512m"

got=$("$out/dmg/VenueGate Kiosk.app/Contents/MacOS/VenueGate" --version)
[ "$got" = "VenueGate $version" ] || { echo "app check failed: VenueGate --version printed '$got'" >&2; exit 1; }
echo "app check: VenueGate --version -> $got"

ln -s /Applications "$out/dmg/Applications"
hdiutil create -volname "VenueGate $version" -srcfolder "$out/dmg" -ov -format UDZO "$out/VenueGate-$appversion.dmg"
ls -l "$out"/*.dmg
