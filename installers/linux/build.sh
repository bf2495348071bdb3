#!/usr/bin/env bash
# Builds the Linux app-image and .deb of VenueGate with the JDK's jlink and jpackage (JDK 17+).
#   installers/linux/build.sh            app-image only (target/installer/VenueGate)
#   installers/linux/build.sh deb        also target/installer/venuegate_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
here=installers/linux
out=target/installer
version=${VENUEGATE_VERSION:-0.1.0}

# Always rebuild: an installer must never carry a stale jar.
mvn -q package -DskipTests
rm -rf "$out" && mkdir -p "$out/input"
cp target/venuegate.jar "$out/input/"
# Service units and the autostart entry travel in the app folder (/opt/venuegate/lib/app/).
cp "$here"/venuegate-hub.service "$here"/venuegate-kiosk.service "$here"/venuegate-kiosk-autostart.desktop "$out/input/"

# A trimmed runtime: only the modules the app uses (desktop for JavaFX/AWT, sql for JDBC, jdk.crypto.ec for Ed25519).
jlink --output "$out/runtime" --strip-debug --no-header-files --no-man-pages \
  --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.net.http,java.scripting,java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr \
  --include-locales=en,zh

common=(--name VenueGate --app-version "$version" --vendor "VenueGate" --input "$out/input" --main-jar venuegate.jar
  --main-class org.venuegate.app.Launcher --runtime-image "$out/runtime" --dest "$out"
  --description "Venue side of the city health-code system: kiosk, review workstation, hub"
  --java-options "-Xmx256m" --java-options "-XX:+UseSerialGC"
  --add-launcher "venuegate-kiosk=$here/kiosk.properties" --add-launcher "venuegate-review=$here/review.properties"
  --add-launcher "venuegate-hub=$here/hub.properties")

jpackage --type app-image "${common[@]}"
"$out/VenueGate/bin/VenueGate" --version

if [ "${1:-}" = "deb" ]; then
  jpackage --type deb "${common[@]}" --linux-package-name venuegate --linux-app-category utils \
    --linux-package-deps "libgtk-3-0, fonts-wqy-microhei, libv4l-0, xdg-utils" --linux-shortcut --linux-menu-group "Office" \
    --resource-dir "$here/deb-resources"
  ls -la "$out"/*.deb
fi
