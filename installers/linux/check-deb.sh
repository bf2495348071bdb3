#!/usr/bin/env bash
# The .deb's acceptance check on a Debian machine without a desktop (run as root; it installs and removes the package):
#   installers/linux/check-deb.sh target/installer/venuegate_0.1.0-1_amd64.deb [SHOTS_DIR]
# 1. apt installs the package (its Depends pull in GTK, the CJK font, libv4l, xdg-utils).
# 2. As an ordinary user (gatekeeper, created if missing) both launchers start under Xvfb; screenshots go to SHOTS_DIR.
#    The kiosk's first start creates ~/.config/venuegate/kiosk-config/kiosk.json from the example.
# 3. The startup bench times the installed kiosk launcher (paired, offline, replay camera).
# 4. The hub unit is checked with systemd-analyze; then, where systemd is not PID 1 (a container), its ExecStart runs as
#    a dedicated system user with the /var/lib data folder, answers /api/v1/health and is stopped. Under systemd:
#    systemctl start venuegate-hub, the same health check, systemctl stop.
# 5. apt removes the package; the user's config, journal and logs and the hub's data must still be there.
set -euo pipefail
deb=$(realpath "$1")
shots=$(realpath -m "${2:-docs/screens}")
mkdir -p "$shots"
user=gatekeeper
xvfb=(xvfb-run -a -s "-screen 0 1280x800x24")
step() { echo; echo "== $*"; }

step "apt install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
dpkg -s venuegate | grep -E '^(Version|Depends):'
ls -l /opt/venuegate/bin /usr/lib/systemd/system/venuegate-hub.service /usr/lib/systemd/user/venuegate-kiosk.service \
  /usr/share/applications/venuegate-kiosk.desktop /usr/share/applications/venuegate-review.desktop
ls -l /opt/venuegate/lib/app/venuegate.jsa

id "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
tmp=$(mktemp -d) && chmod 777 "$tmp"
for launcher in venuegate-kiosk venuegate-review; do
  step "$launcher as $user under Xvfb"
  runuser -l "$user" -c "$(printf '%q ' "${xvfb[@]}") sh -c '/opt/venuegate/bin/$launcher >$tmp/$launcher.out 2>&1 & p=\$!; sleep 10; import -window root $tmp/$launcher.png; kill \$p; wait \$p'" || true
  cp "$tmp/$launcher.png" "$shots/installed-${launcher#venuegate-}.png"
  grep -v '^\s*$' "$tmp/$launcher.out" | tail -3
  echo "screenshot: $shots/installed-${launcher#venuegate-}.png"
done
find "$home/.config/venuegate" "$home/.local/state/venuegate" -type f | sort

step "startup bench: the installed kiosk launcher, launch to ready to scan"
runuser -l "$user" -c "$(printf '%q ' "${xvfb[@]}") /opt/venuegate/lib/runtime/bin/java -cp /opt/venuegate/lib/app/venuegate.jar org.venuegate.app.Launcher bench startup --runs 7 -- /opt/venuegate/bin/venuegate-kiosk" | tail -2

step "hub service"
systemd-analyze verify /usr/lib/systemd/system/venuegate-hub.service && echo "systemd-analyze verify: ok"
if [ -d /run/systemd/system ]; then
  systemctl start venuegate-hub
  for i in $(seq 60); do curl -fsS http://localhost:8470/api/v1/health 2>/dev/null && break; sleep 0.5; done; echo
  systemctl --no-pager status venuegate-hub | head -5
  systemctl stop venuegate-hub
else
  echo "systemd is not running here (PID 1: $(ps -p 1 -o comm=)); running the unit's ExecStart as its own system user"
  id venuegate-hub >/dev/null 2>&1 || useradd --system --home-dir /var/lib/venuegate-hub --no-create-home --shell /usr/sbin/nologin venuegate-hub
  install -d -o venuegate-hub -g venuegate-hub -m 0700 /var/lib/venuegate-hub
  exec_start=$(sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/venuegate-hub.service)
  echo "ExecStart: $exec_start"
  runuser -u venuegate-hub -- $exec_start >"$tmp/hub.out" 2>&1 &
  for i in $(seq 60); do curl -fsS http://localhost:8470/api/v1/health 2>/dev/null && break; sleep 0.5; done; echo
  pid=$(pgrep -u venuegate-hub -f 'bin/VenueGate hub' | head -1)
  ps -o user,pid,args -p "$pid"
  kill -TERM "$pid"
  for i in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && echo "hub still running" || echo "hub stopped"
  sed 's/password [^ ]*/password <hidden>/' "$tmp/hub.out"
fi
ls -l /var/lib/venuegate-hub/

step "apt remove venuegate"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq venuegate >/dev/null
dpkg -s venuegate 2>/dev/null | grep '^Status' || echo "venuegate: not installed"
ls /opt/venuegate 2>/dev/null && echo "LEFT BEHIND: /opt/venuegate" || echo "/opt/venuegate: gone"
ls /usr/lib/systemd/system/venuegate-hub.service /usr/share/applications/venuegate-kiosk.desktop 2>/dev/null \
  && echo "LEFT BEHIND: units or menu entries" || echo "units and menu entries: gone"
echo "still there (user and hub data):"
ls -l "$home/.config/venuegate/kiosk-config/kiosk.json" "$home/.local/state/venuegate/logs/" /var/lib/venuegate-hub/hub.db
rm -rf "$tmp"
