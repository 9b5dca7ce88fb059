#!/usr/bin/env bash
# Puts a language model's files from a Debian package into the decoder's classes, so that the jar carries naoyu's
# stronger language model (decoder/README.md): sunpinyin-data's open-gram trigram (CC-BY-SA 3.0) and
# libime-data-language-model's trigram (LGPL-2.1+), each with the package's copyright file as COPYRIGHT. Run by the
# decoder module's build (generate-resources); takes the files of the installed package, or else fetches the package
# by name with `apt-get download` (no root needed) and unpacks it. Without either it warns and the build goes on:
# naoyu then mixes in what it has, or falls back to its bundled bigram model, and says so when it starts.
#   decoder/scripts/fetch_debian_model.sh OUT_DIR PACKAGE DATA_DIR FILE...
set -euo pipefail
out="$1"
package="$2"
data="$3"
shift 3
doc="/usr/share/doc/$package"
have=yes
for file in "$@" COPYRIGHT; do
  [[ -f "$out/$file" ]] || have=no
done
if [[ $have == yes ]]; then
  exit 0
fi
if [[ ! -f "$data/$1" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  if ! (cd "$work" && apt-get download "$package" >/dev/null 2>&1) \
      || ! dpkg-deb -x "$work/${package}"_*.deb "$work/x" 2>/dev/null; then
    echo "[WARNING] Debian's $package is neither installed nor downloadable (apt-get download $package); the" \
      "jar goes without its model and naoyu uses what it has" >&2
    exit 0
  fi
  data="$work/x$data"
  doc="$work/x$doc"
fi
mkdir -p "$out"
for file in "$@"; do
  cp "$data/$file" "$out/"
done
cp "$doc/copyright" "$out/COPYRIGHT"
