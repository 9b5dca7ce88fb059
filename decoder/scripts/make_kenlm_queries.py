#!/usr/bin/env python3
"""Queries for decoder/scripts/kenlm_golden.cpp (KenLmModelTest's golden values), one n-gram per line.
  make_kenlm_queries.py fixture FIXTURE.arpa   -- trigrams, bigrams and unigrams of the synthetic fixture, listed
                                                  and not (back-off at each order), with <s>, </s> and unknown words
  make_kenlm_queries.py sentences MODEL.lm TEXT -- consecutive words of TEXT's lines, cut by longest match on the
                                                  model's vocabulary (the words stored at the end of KenLM's file)
Deterministic (seed 19)."""
import random
import sys

random.seed(19)
mode = sys.argv[1]
queries = []
if mode == "fixture":
    grams = {1: [], 2: [], 3: []}
    order = 0
    for line in open(sys.argv[2], encoding="utf-8"):
        line = line.strip()
        if line.startswith("\\") and line.endswith("-grams:"):
            order = int(line[1])
            continue
        if order and line and not line.startswith("\\"):
            grams[order].append(line.split("\t")[1].split(" "))
    words = [g[0] for g in grams[1] if g[0] not in ("<s>",)]
    for g in random.sample(grams[3], 120):
        queries.append(g)  # listed trigrams
    for g in random.sample(grams[2], 80):
        queries.append(g)  # listed bigrams
        queries.append([random.choice(words)] + g)  # a trigram that backs off to them
    for _ in range(120):
        queries.append([random.choice(["<s>"] + words) for _ in range(2)] + [random.choice(words)])
    for _ in range(40):
        queries.append([random.choice(words)])
    queries += [["<s>", "w1"], ["w1", "</s>"], ["w7", "never-seen"], ["never-seen", "w7"], ["never", "seen", "w9"]]
else:
    data = open(sys.argv[2], "rb").read()
    start = data.find(b"<unk>\x00", 1 << 20)
    vocab = set(w.decode("utf-8") for w in data[start:].split(b"\x00") if w)
    longest = max(len(w) for w in vocab)
    for line in open(sys.argv[3], encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        line = line.rstrip("\n").split("\t")[-1]  # the sentence after its register
        words = ["<s>"]
        i = 0
        while i < len(line):
            for n in range(min(longest, len(line) - i), 0, -1):
                if line[i:i + n] in vocab:
                    words.append(line[i:i + n])
                    i += n
                    break
            else:
                i += 1  # punctuation and characters the model lacks
        words.append("</s>")
        for k in range(1, len(words)):
            queries.append(words[max(0, k - 2):k + 1])
    queries = random.sample(queries, 400)
for q in queries:
    print(" ".join(q))
