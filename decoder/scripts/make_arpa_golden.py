#!/usr/bin/env python3
"""Golden values for ArpaModelTest: natural-log P(w | u v) of decoder/src/test/resources/.../tiny.arpa by Katz
back-off as the ARPA format defines it, written independently of the Java reader. A word the model lacks reads
<unk>, in the history too (as KenLM does).

Usage: make_arpa_golden.py TINY.arpa > arpa-golden.tsv
"""
import math
import sys


def read(path):
    grams = {1: {}, 2: {}, 3: {}}
    order = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.endswith('-grams:'):
                order = int(line[1])
                continue
            if not line or line.startswith('\\') or order == 0:
                continue
            fields = line.split()
            words = tuple(fields[1:1 + order])
            backoff = float(fields[1 + order]) if len(fields) > 1 + order else 0.0
            grams[order][words] = (float(fields[0]), backoff)
    return grams


def log10p(grams, history, word):
    if word not in {w for (w,) in grams[1]}:
        word = '<unk>'
    known = []
    for h in history:  # a history word the model lacks is <unk>, or, without <unk>, cuts the history there
        if (h,) in grams[1]:
            known.append(h)
        elif ('<unk>',) in grams[1]:
            known.append('<unk>')
        else:
            known = []
    history = tuple(known)
    if len(history) >= 2 and (history[-2], history[-1], word) in grams[3]:
        return grams[3][(history[-2], history[-1], word)][0]
    if len(history) >= 2:
        backoff = grams[2].get((history[-2], history[-1]), (0, 0.0))[1]
        return backoff + log10p(grams, history[-1:], word)
    if len(history) == 1 and (history[0], word) in grams[2]:
        return grams[2][(history[0], word)][0]
    if len(history) == 1:
        return grams[1][(history[0],)][1] + grams[1][(word,)][0]
    return grams[1][(word,)][0]


QUERIES = [('<s>', '<s>', '我'), ('<s>', '我', '想'), ('我', '想', '喝'), ('想', '喝', '水'), ('喝', '水', '</s>'),
           ('我', '喝', '水'), ('想', '我', '喝'), ('<s>', '我', '水'), ('水', '我', '想'), ('喝', '想', '水'),
           ('我', '想', '茶'), ('茶', '想', '喝'), ('我', '茶', '喝'), ('<s>', '<s>', '水'), ('我', '想', '我')]

if __name__ == '__main__':
    grams = read(sys.argv[1])
    print('# u\tv\tw\tln P(w | u v), from decoder/scripts/make_arpa_golden.py')
    for u, v, w in QUERIES:
        value = min(0.0, log10p(grams, (u, v), w) * math.log(10))
        print(f'{u}\t{v}\t{w}\t{value:.9f}')
