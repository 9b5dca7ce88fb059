#!/usr/bin/env python3
"""Builds naoyu's Mandarin syllable inventory from ../shared/data/chinese (all inputs MIT-licensed):

  - pinyin-data kMandarin_8105.txt: the 8105 characters of the 2013 Table of General Standard Chinese Characters,
    each with its most common reading;
  - pinyin-data kHanyuPinlu.txt: readings attested in the Frequency Dictionary of Modern Chinese (3799 characters);
  - jieba dict.txt.small: word frequencies, from which each character's usage frequency is summed.

A polyphonic character's frequency goes 90 % to its most common reading (kMandarin) and 10 % shared among its other
attested readings: 的 counts mostly for de5, a little for di4 and di2.

A toned syllable is kept when a common character (one of the 8105) reads so in kMandarin or kHanyuPinlu. Output, one
line per toned syllable, most frequent syllable first:

  syllable<TAB>base<TAB>tone<TAB>frequency<TAB>characters (most frequent first)

with tones as digits (1-4, 5 = neutral) and ü written v (lv4, nv3). Usage: build_syllable_inventory.py SHARED OUT
"""
import collections
import sys
import unicodedata

TONE_MARKS = {'\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4}


def numeric(reading):
    """nǚ -> ('nv', 3); shang -> ('shang', 5). The diaeresis is read before marks are dropped: ǚ is u + ¨ + ˇ."""
    tone = 5
    letters = []
    for ch in unicodedata.normalize('NFD', reading.strip()):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        elif ch == '\u0308':  # the diaeresis of ü: the u before it is v
            if letters and letters[-1] in 'uU':
                letters[-1] = 'v'
        else:
            letters.append(ch)
    base = unicodedata.normalize('NFC', ''.join(letters)).lower()
    return base, tone


def readings(path):
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.startswith('U+'):
                continue
            code, rest = line.split(':', 1)
            values = rest.split('#')[0].strip()
            char = chr(int(code[2:], 16))
            table[char] = [numeric(r) for r in values.split(',') if r.strip()]
    return table


def main(shared, out):
    common = readings(f'{shared}/pinyin-data_kMandarin_8105.txt')
    attested = readings(f'{shared}/pinyin-data_kHanyuPinlu.txt')
    frequency = collections.Counter()
    with open(f'{shared}/jieba_dict.txt.small', encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                for char in parts[0]:
                    frequency[char] += int(parts[1])
    syllables = collections.defaultdict(dict)  # (base, tone) -> {char: weighted frequency}
    for char, values in common.items():
        main_reading = values[0] if values else None
        others = [r for r in dict.fromkeys(values + attested.get(char, [])) if r != main_reading]
        for reading in dict.fromkeys(values + attested.get(char, [])):
            base, tone = reading
            if not (base.isascii() and base.isalpha()):
                continue
            share = 1.0 if not others else (0.9 if reading == main_reading else 0.1 / len(others))
            syllables[reading][char] = frequency[char] * share
    rows = []
    for (base, tone), chars in syllables.items():
        ranked = sorted(chars, key=lambda c: (-chars[c], c))
        total = round(sum(chars.values()))
        rows.append((f'{base}{tone}', base, tone, total, ''.join(ranked)))
    rows.sort(key=lambda r: (-r[3], r[0]))
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# naoyu Mandarin syllable inventory, built by datasets/scripts/build_syllable_inventory.py from\n')
        f.write('# mozillazg/pinyin-data (kMandarin_8105, kHanyuPinlu; MIT) and fxsjy/jieba dict.txt.small (MIT)\n')
        f.write('# syllable\tbase\ttone\tfrequency\tcharacters\n')
        for row in rows:
            f.write('\t'.join(str(v) for v in row) + '\n')
    bases = {r[1] for r in rows}
    print(f'{len(rows)} toned syllables, {len(bases)} base syllables', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
