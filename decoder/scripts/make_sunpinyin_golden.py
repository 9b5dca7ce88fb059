#!/usr/bin/env python3
"""Golden values for SunpinyinModelTest: natural-log P(w | u v) from Debian's sunpinyin-data (lm_sc.t3g and the word
table of pydict_sc.bin), read here with numpy independently of the Java reader, by Katz back-off over the threaded
model's levels. Prints the files' sha256 first, so the test can tell whether its machine has the same data.

Usage: make_sunpinyin_golden.py [DIR] > sunpinyin-golden.tsv   (DIR: /usr/lib/x86_64-linux-gnu/sunpinyin/data)
"""
import hashlib
import math
import struct
import sys

import numpy as np

TRIPLES = [('<s>', '<s>', '我'), ('<s>', '我', '想'), ('我', '想', '喝'), ('想', '喝', '水'), ('喝', '水', '</s>'),
           ('<s>', '<s>', '今天'), ('<s>', '今天', '天气'), ('今天', '天气', '很'), ('天气', '很', '好'),
           ('我们', '去', '医院'), ('去', '医院', '看'), ('请', '帮', '我'), ('帮', '我', '倒'), ('我', '倒', '杯'),
           ('中国', '人民', '银行'), ('人民', '银行', '宣布'), ('银行', '宣布', '下调'), ('谁', '来', '了'),
           ('来', '了', '</s>'), ('的', '的', '的'), ('喝', '水', '吧'), ('水', '吧', '</s>'), ('<s>', '哈哈', '哈'),
           ('一', '口', '茶'), ('口', '茶', '查'), ('<s>', '<s>', '，'), ('好', '，', '我'), ('电脑', '坏', '了'),
           ('冰箱', '里', '还有'), ('明天', '早上', '八点')]


def level(buf, offset, count, leaf):
    words = np.frombuffer(buf, '<u4', count * (2 if leaf else 3), offset).reshape(count, 2 if leaf else 3)
    words = words.astype(np.int64)
    if leaf:
        return {'wid': words[:, 0] & 0x3FFFF, 'pr': (((words[:, 1] >> 25) & 3) << 14) | (words[:, 0] >> 18)}
    child = ((words[:, 2] >> 25) << 16) | (words[:, 1] >> 16)
    return {'wid': words[:, 0] & 0x3FFFF, 'bow': words[:, 0] >> 18, 'pr': words[:, 1] & 0xFFFF,
            'end': np.maximum(child, np.append(child[1:], 0)), 'child': child}


def main(directory):
    model = open(f'{directory}/lm_sc.t3g', 'rb').read()
    table = open(f'{directory}/pydict_sc.bin', 'rb').read()
    count, _, offset = struct.unpack_from('<III', table, 0)
    codes = np.frombuffer(table, '<u4', (len(table) - offset) // 4, offset)
    words, current = [], []
    for c in codes:
        if c == 0:
            words.append(''.join(map(chr, current)))
            current = []
        else:
            current.append(int(c))
    assert len(words) == count
    order, uselog = struct.unpack_from('<II', model, 0)
    assert order == 3 and uselog == 0
    sizes = struct.unpack_from('<4I', model, 8)
    pr = np.frombuffer(model, '<f4', 1 << 16, 24)
    bow = np.frombuffer(model, '<f4', 1 << 14, 24 + 4 * (1 << 16))
    at = 24 + 4 * ((1 << 16) + (1 << 14))
    levels = []
    for n in range(4):
        levels.append(level(model, at, sizes[n], n == 3))
        at += (8 if n == 3 else 12) * sizes[n]
    assert at == len(model)
    uni, bi, tri = levels[1], levels[2], levels[3]
    root_end = int(levels[0]['end'][0])
    ids = {w: i for i, w in enumerate(words) if w}
    ids['<s>'] = ids['</s>'] = 0

    def find(lv, lo, hi, wid):
        k = lo + int(np.searchsorted(lv['wid'][lo:hi], wid))
        return k if k < hi and lv['wid'][k] == wid else -1

    def unigram(word):
        return find(uni, 0, root_end, ids[word]) if word in ids else -1

    def log_prob(u, v, w):
        if unigram(w) < 0:
            return float('-inf')
        wid = ids[w]
        vi = unigram(v)
        ui = unigram(u) if vi >= 0 else -1
        backoff = 1.0
        if ui >= 0:
            uv = find(bi, int(uni['child'][ui]), int(uni['end'][ui]), ids[v])
            if uv >= 0:
                uvw = find(tri, int(bi['child'][uv]), int(bi['end'][uv]), wid)
                if uvw >= 0:
                    return min(0.0, math.log(float(pr[tri['pr'][uvw]])))
                backoff = float(bow[bi['bow'][uv]])
        if vi >= 0:
            vw = find(bi, int(uni['child'][vi]), int(uni['end'][vi]), wid)
            if vw >= 0:
                return min(0.0, math.log(backoff * float(pr[bi['pr'][vw]])))
            backoff *= float(bow[uni['bow'][vi]])
        return min(0.0, math.log(backoff * float(pr[uni['pr'][unigram(w)]])))

    print(f'# sha256 lm_sc.t3g {hashlib.sha256(model).hexdigest()}')
    print(f'# sha256 pydict_sc.bin {hashlib.sha256(table).hexdigest()}')
    print('# u\tv\tw\tln P(w | u v), from decoder/scripts/make_sunpinyin_golden.py')
    for u, v, w in TRIPLES:
        print(f'{u}\t{v}\t{w}\t{log_prob(u, v, w):.9f}')


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/usr/lib/x86_64-linux-gnu/sunpinyin/data')
