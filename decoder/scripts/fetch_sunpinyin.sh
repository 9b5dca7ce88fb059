#!/usr/bin/env bash
# Puts the open-gram trigram of Debian's sunpinyin-data (CC-BY-SA 3.0) into the decoder's classes, so that the jar
# carries naoyu's stronger language model (decoder/README.md). Run by the decoder module's build
# (generate-resources); takes the files of the installed package, or else fetches the package by name with
# `apt-get download` (no root needed) and unpacks it. Without either it warns and the build goes on: naoyu then
# falls back to its bundled bigram model and says so when it starts.
#   decoder/scripts/fetch_sunpinyin.sh OUT_DIR
set -euo pipefail
out="$1"
data=/usr/lib/x86_64-linux-gnu/sunpinyin/data
doc=/usr/share/doc/sunpinyin-data
if [[ -f "$out/lm_sc.t3g" && -f "$out/pydict_sc.bin" && -f "$out/COPYRIGHT" ]]; then
  exit 0
fi
if [[ ! -f "$data/lm_sc.t3g" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download sunpinyin-data >/dev/null 2>&1) \
      || ! dpkg-deb -x "$work"/sunpinyin-data_*.deb "$work/x" 2>/dev/null; then
    echo "[WARNING] Debian's sunpinyin-data is neither installed nor downloadable (apt-get download" \
      "sunpinyin-data); the jar gets no trigram and naoyu uses its bundled bigram model" >&2
    exit 0
  fi
  data="$work/x$data"
  doc="$work/x$doc"
fi
mkdir -p "$out"
cp "$data/lm_sc.t3g" "$data/pydict_sc.bin" "$out/"
cp "$doc/copyright" "$out/COPYRIGHT"
