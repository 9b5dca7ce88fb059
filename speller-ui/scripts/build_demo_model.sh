#!/usr/bin/env bash
# Builds the model naoyu demo ships (speller-ui/src/main/resources/org/naoyu/speller/launch/demo-model.zip): the
# demo's simulated participant (participant 1, 64 channels at 1 kHz, SNR 6, naoyu demo's defaults) calibrates along its
# calibration plan for 60 minutes, six sessions of 600 s with fixed seeds, and the generative template decoder is fitted
# on them with windows of 0.6 s from 0.1 s before each speech onset (what the live session decodes) and an onset
# detector for self-paced spelling. Deterministic: the same commit gives the same weights. About 2 minutes on the
# 2-core machine; it needs naoyu built (mvn -DskipTests package).
#
#   speller-ui/scripts/build_demo_model.sh [WORK_DIR]     (default: target/demo-model)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$here/target/demo-model}"
mkdir -p "$work"
cd "$work"
naoyu="$here/naoyu"
from=0
sessions=()
for k in 1 2 3 4 5 6; do
  "$naoyu" simulate --out "plan$k.xdf" --seconds 600 --channels 64 --rate 1000 --snr 6 --participant 1 \
    --seed $((500 + k)) --plan-from "$from" > "plan$k.log"
  from=$(grep -o 'goes on with --plan-from [0-9]*' "plan$k.log" | grep -o '[0-9]*$')
  sessions+=("plan$k.xdf")
done
rm -f demo-model.zip
"$naoyu" train --data "${sessions[@]}" --out demo-model.zip --decoder templates --window -0.1,0.6 | tee train.log
target="$here/speller-ui/src/main/resources/org/naoyu/speller/launch/demo-model.zip"
mkdir -p "$(dirname "$target")"
cp demo-model.zip "$target"
echo "wrote $target ($(stat -c %s "$target") bytes)"
