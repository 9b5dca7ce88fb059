#!/usr/bin/env bash
# The ideal observer of docs/DECODING.md ("How much the simulated participant carries"): for participant 1, how
# well observers that know the simulator's templates name attempts drawn uniformly from all 1,391 toned syllables,
# at 256 channels (the issue's grid) and 64 (the full-inventory experiment's), SNR 2.5 (the default), and at lower
# SNR to show how it falls. 400 attempts a condition, 10-ms power bins, 5 x 5 quadrature points. About 25 minutes on
# the 2-core machine. One JSON line a condition goes to OUT (default target/ideal-observer.jsonl).
#
#   decoder/scripts/ideal_observer_experiment.sh [OUT]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$here/target/ideal-observer.jsonl}"
mkdir -p "$(dirname "$out")"
: > "$out"
for condition in "256 2.5" "64 2.5" "256 1" "256 0.5" "64 1"; do
  read -r channels snr <<< "$condition"
  "$here/naoyu" ideal-observer --channels "$channels" --snr "$snr" --participant 1 --trials 400 --seed 1 --json \
    2>/dev/null >> "$out"
  tail -n 1 "$out"
done
