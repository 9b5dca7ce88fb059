// Golden log10 probabilities for KenLmModelTest from KenLM's own code, as libime links it (an implementation
// independent of naoyu's reader). Reads queries "w1 w2 ... wn" (tab-free, space-separated) from stdin and prints
// "query<TAB>log10 P(wn | w1 .. wn-1)" with 6 decimals: the state after w1..wn-1 (from <s>'s state when w1 is <s>,
// else from the null context), then wn scored from it. libime loads only KenLM's quantised array-compressed trie.
//   decoder/scripts/make_kenlm_golden.sh builds and runs it.
#include <libime/core/languagemodel.h>
#include <libime/core/lattice.h>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: kenlm_golden MODEL.lm < queries" << std::endl;
        return 2;
    }
    libime::LanguageModel model(argv[1]);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::vector<std::string> words;
        for (std::string w; in >> w;) {
            words.push_back(w);
        }
        if (words.empty()) {
            continue;
        }
        libime::State state = model.nullState();
        size_t first = 0;
        if (words[0] == "<s>" && words.size() > 1) {
            state = model.beginState();
            first = 1;
        }
        float last = 0;
        for (size_t i = first; i < words.size(); i++) {
            libime::WordNode node(words[i], model.index(words[i]));
            libime::State out;
            last = model.score(state, node, out);
            state = out;
        }
        // libime adds its own penalty to unknown words; KenLM's value is wanted
        if (model.index(words.back()) == model.unknown()) {
            last -= model.unknownPenalty();
        }
        std::printf("%s\t%.6f\n", line.c_str(), last);
    }
}
