#!/usr/bin/env bash
# Rebuilds KenLmModelTest's fixtures and golden values (decoder/src/test/resources/org/naoyu/decoder/language/kenlm):
#  - fixture.arpa.gz: a synthetic trigram (make_kenlm_fixture.py);
#  - fixture-{trie,array,quant,quant-array}.klm: it in KenLM's four trie layouts, built by KenLM's build_binary as
#    Debian's libime-bin ships it (libime_slm_build_binary), and tiny-probing.klm, the hash layout naoyu refuses;
#  - fixture-golden.tsv and libime-golden.tsv: log10 probabilities from KenLM's own lookup code through libime
#    (kenlm_golden.cpp) for the quantised fixture and for libime's zh_CN.lm (whose sha256 heads the file).
# Needs: apt-get install libime-bin libimecore-dev libfcitx5utils-dev libboost-dev libime-data-language-model g++
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/test/resources/org/naoyu/decoder/language/kenlm"
model=/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
python3 "$here/make_kenlm_fixture.py" "$work/fixture.arpa"
gzip -9 -n -c "$work/fixture.arpa" > "$out/fixture.arpa.gz"
build() { libime_slm_build_binary -S 20M -T "$work/tmp" "$@" >/dev/null 2>&1; }
build trie "$work/fixture.arpa" "$out/fixture-trie.klm"
build -a 22 trie "$work/fixture.arpa" "$out/fixture-array.klm"
build -q 8 -b 8 trie "$work/fixture.arpa" "$out/fixture-quant.klm"
build -q 8 -b 8 -a 22 trie "$work/fixture.arpa" "$out/fixture-quant-array.klm"
sed -n '/^\\data\\/,$p' "$here/../src/test/resources/org/naoyu/decoder/language/tiny.arpa" > "$work/tiny.arpa"
build probing "$work/tiny.arpa" "$out/tiny-probing.klm"
g++ -std=c++17 -O2 -I/usr/include/LibIME -I/usr/include/Fcitx5/Utils "$here/kenlm_golden.cpp" -lIMECore \
  -lFcitx5Utils -o "$work/kenlm_golden"
python3 "$here/make_kenlm_queries.py" fixture "$work/fixture.arpa" \
  | "$work/kenlm_golden" "$out/fixture-quant-array.klm" > "$out/fixture-golden.tsv"
{
  echo "# sha256 $(sha256sum "$model" | cut -d' ' -f1) $(basename "$model") (libime-data-language-model)"
  python3 "$here/make_kenlm_queries.py" sentences "$model" "$here/../../datasets/corpus-src/dev.txt" \
    | "$work/kenlm_golden" "$model"
} > "$out/libime-golden.tsv"
