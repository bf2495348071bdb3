#!/usr/bin/env bash
# Derives every platform icon from venuegate.svg. Run after editing the SVG and commit the results:
#   linux/venuegate.png (512 px, jpackage --icon and the desktop entries), windows/venuegate.ico (16-256 px),
#   macos/venuegate.icns (16-1024 px).
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" venuegate.svg -o "$tmp/$s.png"
done
mkdir -p linux windows macos
cp "$tmp/512.png" linux/venuegate.png
icotool -c -o windows/venuegate.ico "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
  -r "$tmp/256.png"
png2icns macos/venuegate.icns "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png" \
  "$tmp/1024.png" >/dev/null
ls -l linux/venuegate.png windows/venuegate.ico macos/venuegate.icns
