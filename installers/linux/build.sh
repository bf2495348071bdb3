#!/usr/bin/env bash
# Builds VenueGate's Linux packages with the JDK's jlink and jpackage (JDK 17+):
#   installers/linux/build.sh [--jar FILE] [--javafx DIR] [--no-cds] [app-image] [deb] [rpm]
#     app-image  target/installer/VenueGate, started once to check it prints its version (always built)
#     deb        target/installer/venuegate_<version>-1_amd64.deb  (needs dpkg-deb, fakeroot)
#     rpm        target/installer/venuegate-<version>-1.x86_64.rpm (needs rpmbuild: Debian package "rpm")
#   --jar FILE   package this jar (Maven's installer profile and CI pass target/venuegate.jar); without it the script
#                runs "mvn package" first, so an installer never carries a stale jar
#   --javafx DIR JavaFX's modular jars, linked into the runtime (default: the javafx folder beside the jar, which
#                "mvn package" fills)
#   --no-cds     skip the class-data-sharing training run (it starts the kiosk once under Xvfb)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
here=installers/linux
out=target/installer
jar=""
javafx=""
cds=yes
types=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --javafx) javafx=$2; shift 2 ;;
    --no-cds) cds=no; shift ;;
    app-image|deb|rpm) types+=("$1"); shift ;;
    *) echo "usage: $0 [--jar FILE] [--javafx DIR] [--no-cds] [app-image] [deb] [rpm]" >&2; exit 2 ;;
  esac
done
if [ -z "$jar" ]; then
  mvn -q package -DskipTests
  jar=target/venuegate.jar
fi
javafx=${javafx:-$(dirname "$jar")/javafx}
ls "$javafx"/javafx-graphics*.jar >/dev/null 2>&1 || { echo "no JavaFX modular jars in $javafx (mvn package puts them there)" >&2; exit 1; }
# Only what the product runs, before anything is packaged: size, no test libraries, no JavaFX, one platform's natives
bash installers/check-jar.sh "$jar"
version=$(java -cp "$jar" org.venuegate.app.Launcher --version | sed -n 's/^VenueGate //p')
case "$version" in ""|dev) echo "$jar carries no version (Implementation-Version in its manifest)" >&2; exit 1 ;; esac
appversion=${version%%-*} # jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0
t0=$(date +%s)

rm -rf "$out" && mkdir -p "$out/input"
cp "$jar" "$out/input/venuegate.jar"
# Travels in the app folder (/opt/venuegate/lib/app): service units, the kiosk supervisor, the install-time setup and
# the two menu entries "VenueGate Kiosk" and "VenueGate Review" (jpackage's own would be named after the launcher files
# and add the command-line and hub launchers to the menu too).
cp "$here"/venuegate-hub.service "$here"/venuegate-kiosk.service "$here"/venuegate-kiosk-supervisor "$here"/venuegate-setup \
  "$here"/venuegate-kiosk.desktop "$here"/venuegate-review.desktop "$out/input/"

# A trimmed runtime: only the modules the app uses (desktop for JavaFX/AWT, sql for JDBC, jdk.crypto.ec for Ed25519),
# with the JDK's own class-data-sharing archive (--generate-cds-archive) so even an untrained start is quick.
# JavaFX is linked in as named modules, its only supported configuration (from the class path it warns "Unsupported
# JavaFX configuration"); its native libraries go to the runtime's lib folder, where JavaFX looks first in a linked
# runtime (as the JavaFX jmods lay them out), rather than into the image, from which it would copy them to
# ~/.openjfx/cache on every machine. (jlink adds the JDK's own jmods to --module-path.)
jlink --output "$out/runtime" --module-path "$javafx" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --add-modules java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.net.http,java.scripting,java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,javafx.controls,javafx.fxml,javafx.swing \
  --exclude-resources='glob:/javafx.*/*.so,glob:/javafx.*/*.jar' --include-locales=en,zh >/dev/null
fx_abs=$(cd "$javafx" && pwd)
(cd "$out/runtime/lib" && for j in "$fx_abs"/javafx-*.jar; do
  libs=$(jar tf "$j" | grep -E '^lib[^/]*\.so$' || true)
  [ -z "$libs" ] || jar xf "$j" $libs
done)
ls "$out/runtime/lib/libglass.so" >/dev/null

# Options of the main launcher bin/VenueGate (the command line; the hub service runs it). The add-launchers repeat them
# in their .properties, because jpackage replaces, not merges, an add-launcher's java-options.
common=(--name VenueGate --app-version "$appversion" --vendor "VenueGate" --input "$out/input" --main-jar venuegate.jar
  --main-class org.venuegate.app.Launcher --runtime-image "$out/runtime"
  --description "Venue side of the city health-code system: kiosk, review workstation, hub"
  --icon installers/icons/linux/venuegate.png
  --java-options "-Dvenuegate.installed=true" --java-options '-XX:SharedArchiveFile=$APPDIR/venuegate.jsa'
  --java-options "-Xshare:auto" --java-options "-Xlog:disable" --java-options "-Xlog:all=warning:stderr"
  --java-options "-Xmx512m"
  --add-launcher "venuegate-kiosk=$here/kiosk.properties" --add-launcher "venuegate-review=$here/review.properties"
  --add-launcher "venuegate-hub=$here/hub.properties")

image=$out/VenueGate
jpackage --type app-image --dest "$out" "${common[@]}"
echo "app-image: $image ($(du -sh "$image" | cut -f1), $(( $(date +%s) - t0 )) s)"

# Class-data sharing. A training run starts the kiosk once (paired, offline, a replay camera) until it is ready to scan
# and records the classes it loaded; the list ships in the app folder. From it, "venuegate-setup cds" dumps the archive
# $APPDIR/venuegate.jsa where the app is installed (a JDK 17 archive is tied to the jar's absolute path, so the .deb
# and .rpm dump it in their post-install step; here it is dumped for the app-image in place).
java_bin=$out/runtime/bin/java
if [ "$cds" = yes ]; then
  runner=()
  if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "the CDS training run needs a display or xvfb-run (Debian: xvfb); or pass --no-cds" >&2; exit 1; }
    runner=(xvfb-run -a -s "-screen 0 1280x800x24")
  fi
  "${runner[@]}" "$java_bin" -cp "$image/lib/app/venuegate.jar" org.venuegate.app.Launcher bench startup --runs 1 --timeout 120 -- \
    "$java_bin" -Xshare:off -XX:DumpLoadedClassList="$out/venuegate.classlist" -Dvenuegate.installed=false -Xmx160m \
    -XX:+UseSerialGC -cp "$image/lib/app/venuegate.jar" org.venuegate.app.Launcher >"$out/cds-training.log" 2>&1 \
    || { cat "$out/cds-training.log" >&2; echo "CDS training run failed" >&2; exit 1; }
  cp "$out/venuegate.classlist" "$image/lib/app/venuegate.classlist"
  cp "$out/venuegate.classlist" "$out/input/venuegate.classlist"
  sh "$image/lib/app/venuegate-setup" cds "$image"
  echo "CDS: $(wc -l <"$out/venuegate.classlist") classes, archive $(du -h "$image/lib/app/venuegate.jsa" | cut -f1) ($(( $(date +%s) - t0 )) s)"
fi

# Started once, headless: a broken image fails here, not on a kiosk.
got=$("$image/bin/VenueGate" --version)
if [ "$got" != "VenueGate $version" ]; then
  echo "app-image check failed: bin/VenueGate --version printed '$got', expected 'VenueGate $version'" >&2
  exit 1
fi
echo "app-image check: bin/VenueGate --version -> $got"
"$image/lib/runtime/bin/java" --list-modules | grep -q '^javafx.graphics@' \
  || { echo "app-image check failed: the runtime has no javafx.graphics module" >&2; exit 1; }
echo "app-image check: JavaFX is linked into the runtime as modules"

# Linux package dependencies: GTK for JavaFX, a CJK font for the Chinese screens, libv4l for the webcam library,
# xdg-utils for the menu entries.
for t in ${types[@]+"${types[@]}"}; do
  case "$t" in
    app-image) continue ;;
    deb)
      jpackage --type deb --dest "$out" "${common[@]}" --linux-package-name venuegate --linux-app-category utils \
        --linux-package-deps "libgtk-3-0, fonts-wqy-microhei, libv4l-0, xdg-utils" \
        --resource-dir "$here/deb-resources"
      ;;
    rpm)
      jpackage --type rpm --dest "$out" "${common[@]}" --linux-package-name venuegate --linux-app-category Office \
        --linux-package-deps "gtk3, wqy-microhei-fonts, libv4l, xdg-utils" \
        --linux-rpm-license-type "Proprietary" --resource-dir "$here/rpm-resources"
      ;;
  esac
  echo "$t: $(ls "$out"/*."$t") ($(( $(date +%s) - t0 )) s)"
done
