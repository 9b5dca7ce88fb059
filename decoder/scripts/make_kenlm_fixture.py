#!/usr/bin/env python3
"""A synthetic back-off trigram in ARPA form for KenLmModelTest (issue 19), big enough that KenLM's trie packs its
pointers with a Bhiksha array (about 11,000 bigrams pointing into 4,000 trigrams) and small enough to commit.
Words are w0..w1499 plus <s>, </s>, <unk>; every trigram's two-word context and its last two words are bigrams, every
bigram's words are unigrams (the closure KenLM's trie builder expects); probabilities and back-offs are random log10
values (KenLM does not check that they normalise, and the test only compares lookups). Deterministic (seed 19).
  decoder/scripts/make_kenlm_fixture.py OUT.arpa"""
import random
import sys

random.seed(19)
WORDS = ["w%d" % i for i in range(1500)]
unigrams = ["<s>", "</s>", "<unk>"] + WORDS
bigrams = set()
while len(bigrams) < 7000:
    a = random.choice(["<s>"] + WORDS)
    b = random.choice(WORDS + ["</s>"])
    bigrams.add((a, b))
trigrams = set()
ordered = sorted(bigrams)
while len(trigrams) < 4000:
    u, v = random.choice(ordered)
    if v == "</s>":
        continue
    w = random.choice(WORDS + ["</s>"])
    trigrams.add((u, v, w))
for u, v, w in trigrams:  # closure: the suffix v w is a bigram too
    bigrams.add((v, w))


def lp():
    return round(random.uniform(-4.5, -0.05), 4)


def bo():
    return round(random.uniform(-1.2, 0.4), 4)


contexts = {(u, v) for u, v, _ in trigrams}
bigram_contexts = {(a,) for a, _ in bigrams}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\\data\\\nngram 1=%d\nngram 2=%d\nngram 3=%d\n\n" % (len(unigrams), len(bigrams), len(trigrams)))
    out.write("\\1-grams:\n")
    for w in unigrams:
        prob = -99 if w == "<s>" else lp()
        if w == "<unk>" or w == "</s>":
            out.write("%s\t%s\n" % (prob, w))
        else:
            out.write("%s\t%s\t%s\n" % (prob, w, bo()))
    out.write("\n\\2-grams:\n")
    for a, b in sorted(bigrams):
        if (a, b) in contexts:
            out.write("%s\t%s %s\t%s\n" % (lp(), a, b, bo()))
        else:
            out.write("%s\t%s %s\n" % (lp(), a, b))
    out.write("\n\\3-grams:\n")
    for u, v, w in sorted(trigrams):
        out.write("%s\t%s %s %s\n" % (lp(), u, v, w))
    out.write("\n\\end\\\n")
