#!/usr/bin/env bash
# The decoder experiment of decoder/README.md: five simulated calibration sessions of one participant (20 toned
# syllables, 64 channels, default SNR, about 18 trials per syllable after the validation split) train the DL4J network
# and the linear baseline; two further sessions with other noise, trials and bad channels test them; the network's
# evaluation retrains both kinds on fewer trials for the learning curve. About 6 minutes on the 2-core machine.
#
#   decoder/scripts/cross_session_experiment.sh [OUT_DIR]     (default: target/decoder-experiment)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$here/target/decoder-experiment}"
mkdir -p "$out"
cd "$out"
naoyu="$here/naoyu"
cues=ma1,ma2,ma3,ma4,shi1,shi2,shi3,shi4,ba1,ba4,da3,da4,ni2,ni3,wo3,hao3,xie4,ke3,yi4,bu4
for seed in 11 12 13 14 15 21 22; do
  [[ -f "s$seed.xdf" ]] || "$naoyu" simulate --out "s$seed.xdf" --seconds 300 --channels 64 --seed "$seed" \
    --participant 1 --cues "$cues" >/dev/null
done
train=(s11.xdf s12.xdf s13.xdf s14.xdf s15.xdf)
rm -f network.zip linear.zip network.html linear.html
"$naoyu" train --data "${train[@]}" --out network.zip > network-train.log
"$naoyu" train --data "${train[@]}" --out linear.zip --baseline > linear-train.log
"$naoyu" evaluate --model linear.zip --data s21.xdf s22.xdf --report linear.html | tee linear-evaluate.txt
"$naoyu" evaluate --model network.zip --data s21.xdf s22.xdf --report network.html \
  --learning-curve "${train[@]}" | tee network-evaluate.txt
echo "reports: $out/network.html $out/linear.html"
