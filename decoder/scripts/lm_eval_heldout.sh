#!/usr/bin/env bash
# The language model's held-out evaluation (decoder/README.md): the 54 held-out sentences of naoyu's task corpus,
# which no part of the lexicon or model was built or tuned on, converted from toned and from toneless pinyin.
#   decoder/scripts/lm_eval_heldout.sh [--json]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$here/datasets/src/main/resources/org/naoyu/datasets/corpus/heldout.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grep -v '^#' "$corpus" | cut -f3 > "$work/pinyin.txt"
grep -v '^#' "$corpus" | cut -f2 > "$work/hanzi.txt"
"$here/naoyu" lm-eval --in "$work/pinyin.txt" --ref "$work/hanzi.txt" "$@"
"$here/naoyu" lm-eval --in "$work/pinyin.txt" --ref "$work/hanzi.txt" --toneless "$@"
