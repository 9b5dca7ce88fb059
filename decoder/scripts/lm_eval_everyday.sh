#!/usr/bin/env bash
# The language model on everyday text it never saw (issue 19, decoder/README.md): the 1,080 sentences of
# datasets/corpus-src/everyday.txt (home and health, work and travel, news, chat; 270 each, written for the project,
# CC0), converted from toned and from toneless pinyin, in all and per register.
#   decoder/scripts/lm_eval_everyday.sh [--json]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$here/datasets/src/main/resources/org/naoyu/datasets/corpus/everyday.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for register in all home travel news chat; do
  if [[ $register == all ]]; then pattern='^[^#]'; else pattern="^$register"$'\t'; fi
  grep "$pattern" "$corpus" | cut -f3 > "$work/pinyin.txt"
  grep "$pattern" "$corpus" | cut -f2 > "$work/hanzi.txt"
  echo "# $register"
  "$here/naoyu" lm-eval --in "$work/pinyin.txt" --ref "$work/hanzi.txt" "$@"
  "$here/naoyu" lm-eval --in "$work/pinyin.txt" --ref "$work/hanzi.txt" --toneless "$@"
done
