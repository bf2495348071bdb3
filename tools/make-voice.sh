#!/usr/bin/env bash
# Regenerates the kiosk's bundled spoken prompts from voice-phrases.tsv with espeak-ng (Debian: espeak-ng).
# The WAVs are committed, so the kiosk never needs espeak-ng at run time.
set -euo pipefail
cd "$(dirname "$0")"
out=../src/main/resources/org/venuegate/kiosk/voice
mkdir -p "$out/zh" "$out/en"
grep -v '^#' voice-phrases.tsv | while IFS=$'\t' read -r key zh en; do
  espeak-ng -v cmn-latn-pinyin -s 150 -w "$out/zh/$key.wav" "$zh"
  espeak-ng -v en-us -s 155 -w "$out/en/$key.wav" "$en"
done
python3 downsample.py "$out"/zh/*.wav "$out"/en/*.wav
