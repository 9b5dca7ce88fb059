// libime's own input method on naoyu's sentences (decoder/README.md compares it with naoyu's search over the same
// model): toneless pinyin lines (syllables separated by spaces, punctuation as its own tokens, as lm-eval's input
// with the tone digits removed) converted by libime's pinyin decoder, dictionary (sc.dict) and language model
// (zh_CN.lm), each run of syllables between punctuation as one input, the best sentence printed.
//   apt-get install libimepinyin-dev libimecore-dev libfcitx5utils-dev libboost-dev libime-data
//   g++ -std=c++17 -O2 -I/usr/include/LibIME -I/usr/include/Fcitx5/Utils libime_convert.cpp -lIMEPinyin -lIMECore \
//     -lFcitx5Utils -o libime_convert
//   grep -v '^#' everyday.tsv | cut -f3 | sed 's/[1-5]//g' | ./libime_convert
#include <libime/pinyin/pinyincontext.h>
#include <libime/pinyin/pinyinime.h>
#include <libime/pinyin/pinyindictionary.h>
#include <libime/core/userlanguagemodel.h>
#include <iostream>
#include <sstream>
#include <string>
using namespace libime;
int main() {
    auto dict = std::make_unique<PinyinDictionary>();
    dict->load(PinyinDictionary::SystemDict, "/usr/share/libime/sc.dict", PinyinDictFormat::Binary);
    auto model = std::make_unique<UserLanguageModel>("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm");
    PinyinIME ime(std::move(dict), std::move(model));
    ime.setNBest(1); ime.setBeamSize(20); ime.setFrameSize(40); ime.setPartialLongWordLimit(2);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line); std::string tok, seg, out;
        auto flush = [&]() {
            if (seg.empty()) return;
            PinyinContext c(&ime); c.setMaxSentenceLength(60);
            c.type(seg);
            out += c.sentence(); seg.clear();
        };
        while (in >> tok) {
            bool letters = true; for (char ch : tok) if (!(ch >= 'a' && ch <= 'z')) letters = false;
            if (letters) { if (!seg.empty()) seg += "'"; seg += tok; }
            else { flush(); out += tok; }
        }
        flush();
        std::cout << out << "\n";
    }
}
