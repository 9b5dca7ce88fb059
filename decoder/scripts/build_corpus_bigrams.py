#!/usr/bin/env python3
"""Counts the words and word pairs of naoyu's task corpus (datasets/src/main/resources/org/naoyu/datasets/corpus/
sentences.tsv: the 332 everyday patient-communication sentences, CC0) for the language model's domain adaptation.
The 54 held-out sentences (heldout.tsv) are never read: they are the evaluation set.

Each sentence is cut into words of the lexicon (lexicon.tsv.gz, from build_lexicon.py) by maximum matching in both
directions, keeping the cut with fewer words (then fewer single characters) — the classic dictionary segmenter,
enough for short sentences whose words the lexicon holds. Output, gzip'd UTF-8, the same inputs giving the same bytes:

  previous<TAB>word<TAB>count       (previous is <s> at a sentence start, word is </s> at its end)

Usage: build_corpus_bigrams.py SENTENCES.tsv LEXICON.tsv.gz OUT.tsv.gz
"""
import collections
import gzip
import io
import sys

START, END = '<s>', '</s>'


def load_words(lexicon):
    words = set()
    with gzip.open(lexicon, 'rt', encoding='utf-8') as f:
        for line in f:
            if not line.startswith('#'):
                words.add(line.split('\t', 1)[0])
    return words


def forward(sentence, words, longest):
    out, i = [], 0
    while i < len(sentence):
        for length in range(min(longest, len(sentence) - i), 0, -1):
            if length == 1 or sentence[i:i + length] in words:
                out.append(sentence[i:i + length])
                i += length
                break
    return out


def backward(sentence, words, longest):
    out, j = [], len(sentence)
    while j > 0:
        for length in range(min(longest, j), 0, -1):
            if length == 1 or sentence[j - length:j] in words:
                out.insert(0, sentence[j - length:j])
                j -= length
                break
    return out


def segment(sentence, words, longest):
    cuts = [forward(sentence, words, longest), backward(sentence, words, longest)]
    return min(cuts, key=lambda c: (len(c), sum(1 for w in c if len(w) == 1)))


def main(sentences, lexicon, out):
    words = load_words(lexicon)
    longest = max(len(w) for w in words)
    pairs = collections.Counter()
    count = 0
    with open(sentences, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            text = line.rstrip('\n').split('\t')[1]
            tokens = [START] + segment(text, words, longest) + [END]
            for a, b in zip(tokens, tokens[1:]):
                pairs[(a, b)] += 1
            count += 1
    text = io.StringIO()
    text.write('# word pairs of naoyu\'s task corpus (sentences.tsv, CC0; never the held-out sentences), built by\n')
    text.write('# decoder/scripts/build_corpus_bigrams.py\n')
    text.write('# previous\tword\tcount\n')
    for (a, b), n in sorted(pairs.items()):
        text.write(f'{a}\t{b}\t{n}\n')
    with open(out, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(text.getvalue().encode('utf-8'))
    print(f'{count} sentences, {len(pairs)} word pairs', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3])
