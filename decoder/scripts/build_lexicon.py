#!/usr/bin/env python3
"""Builds naoyu's pinyin lexicon, decoder/src/main/resources/org/naoyu/decoder/language/lexicon.tsv.gz, from the
MIT-licensed data in ../shared/data/chinese:

  - fxsjy/jieba dict.txt.small: 109,750 words with corpus frequencies (the words and their unigram counts);
  - mozillazg/phrase-pinyin-data: the readings of 47,113 words and phrases, a polyphonic phrase on several lines with
    its common reading first (行人 xing2 ren2, 银行 yin2 hang2, 长大 zhang3 da4);
  - mozillazg/pinyin-data kMandarin_8105 and kHanyuPinlu: each common character's main reading and its other
    attested ones; pinyin.txt: every reading of every character, for the variant and colloquial readings people type
    (谁 shei2, 这 zhei4) and the syllables no common character has (覅 fiao4, 噷 hm1, 欸 ê4).

A word's frequency is shared among its readings: 90 % to the common one, 10 % among the others (行 xing2 / hang2,
长 chang2 / zhang3). A word of several characters that phrase-pinyin-data does not know reads each character's main
reading. Readings are in citation form, as naoyu's corpora and decoders use them: 一 is yi1 and 不 bu4 whatever the
phrase data's tone sandhi says, and the multi-character neutral-tone readings of datasets/scripts/
build_sentence_corpus.py (我们 wo3 men5, 东西 dong1 xi5) replace the dictionaries' where a word has them. The 8105
common characters and the phrases that jieba lacks enter with frequency 1.

Output, gzip'd UTF-8 with a fixed header (the same inputs give the same bytes):

  word<TAB>toned pinyin (space-separated, tones 1-5, ü as v)<TAB>frequency

Usage: build_lexicon.py SHARED OUT.tsv.gz
"""
import collections
import gzip
import io
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'datasets', 'scripts'))
from build_sentence_corpus import OVERRIDES  # noqa: E402  (the corpus's neutral tones, one source of truth)
from build_syllable_inventory import numeric, readings  # noqa: E402

MAX_WORD_LENGTH = 8
# a variant reading's share of its character's frequency (谁: shui2 0.9, shei2 0.01)
VARIANT_SHARE = 0.01


def is_hanzi(word):
    return all('\u4e00' <= ch <= '\u9fff' or '\u3400' <= ch <= '\u4dbf' for ch in word)


def is_han(ch):
    """Any unified ideograph, the supplementary planes' too (𰻞 biang2, the one character that reads it)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x323AF


def citation(word, syllables):
    """一 and 不 in citation tone: the phrase data writes some with tone sandhi (yí gè, bú yào)."""
    out = list(syllables)
    for k, ch in enumerate(word):
        if ch == '一' and out[k] in ('yi2', 'yi4'):
            out[k] = 'yi1'
        elif ch == '不' and out[k] == 'bu2':
            out[k] = 'bu4'
    return ' '.join(out)


def phrase_readings(shared):
    phrases = collections.defaultdict(list)
    with open(f'{shared}/phrase-pinyin-data_pinyin.txt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or ':' not in line:
                continue
            word, values = line.split(':', 1)
            word = word.strip()
            syllables = [''.join(map(str, numeric(r))) for r in values.split()]
            if len(syllables) != len(word) or not is_hanzi(word):
                continue
            reading = citation(word, syllables)
            if reading not in phrases[word]:
                phrases[word].append(reading)
    return phrases


def shares(reading_list):
    """The common reading takes 90 %, the others share 10 %."""
    if len(reading_list) == 1:
        return [(reading_list[0], 1.0)]
    rest = 0.1 / (len(reading_list) - 1)
    return [(r, 0.9 if i == 0 else rest) for i, r in enumerate(reading_list)]


def is_base(base):
    """Letters a-z, and ê (欸 ê4): the syllable table's one vowel outside ASCII."""
    return base.isalpha() and all('a' <= ch <= 'z' or ch == 'ê' for ch in base)


def main(shared, out):
    common = readings(f'{shared}/pinyin-data_kMandarin_8105.txt')
    attested = readings(f'{shared}/pinyin-data_kHanyuPinlu.txt')
    every = readings(f'{shared}/pinyin-data_pinyin.txt')
    char_readings = {}
    for ch, values in common.items():
        listed = [f'{b}{t}' for b, t in dict.fromkeys(values + attested.get(ch, [])) if is_base(b)]
        if listed:
            char_readings[ch] = listed
    # Readings the two lists above lack but people type: colloquial ones (谁 shei2, 这 zhei4, 给 gei3's ji3 is
    # attested) and rare ones. They come after the attested readings and take a small fixed share (VARIANT_SHARE) so
    # the attested readings' numbers do not change.
    variants = {}
    for ch in char_readings:
        extra = [f'{b}{t}' for b, t in dict.fromkeys(every.get(ch, [])) if is_base(b)]
        extra = [r for r in extra if r not in char_readings[ch]]
        if extra:
            variants[ch] = extra
    # A syllable of the full table that no common character reads (fiao 覅, hm 噷, den 扽, ê 欸's ê, nun 黁):
    # the characters of pinyin-data that read it enter with frequency 1, so every syllable people type has a word.
    covered = {r.rstrip('12345') for values in list(char_readings.values()) + list(variants.values())
               for r in values}
    rare = collections.defaultdict(list)
    for ch, values in sorted(every.items()):
        if ch in char_readings or not is_han(ch):
            continue
        for b, t in dict.fromkeys(values):
            if is_base(b) and b not in covered:
                rare[ch].append(f'{b}{t}')
    for word, reading in OVERRIDES.items():  # a particle's neutral reading (了 le5) must exist
        if len(word) == 1 and word in char_readings and reading not in char_readings[word]:
            char_readings[word].append(reading)
    phrases = phrase_readings(shared)
    frequency = collections.Counter()
    with open(f'{shared}/jieba_dict.txt.small', encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and is_hanzi(parts[0]) and len(parts[0]) <= MAX_WORD_LENGTH:
                frequency[parts[0]] += int(parts[1])
    for ch in list(char_readings) + list(rare):
        frequency.setdefault(ch, 1)
    for word in phrases:
        if len(word) <= MAX_WORD_LENGTH:
            frequency.setdefault(word, 1)
    rows = []
    for word, count in frequency.items():
        if len(word) == 1 and word in rare:
            rows.extend((word, reading, 1) for reading in rare[word])
            continue
        if len(word) == 1:
            options = char_readings.get(word)
            for reading in variants.get(word, []):
                rows.append((word, reading, max(1, round(count * VARIANT_SHARE))))
        elif word in OVERRIDES and len(OVERRIDES[word].split()) == len(word):
            options = [OVERRIDES[word]]
        elif word in phrases:
            options = phrases[word]
        elif all(ch in char_readings for ch in word):
            options = [citation(word, [char_readings[ch][0] for ch in word])]
        else:
            options = None  # a rare character without a common reading: left out
        if not options:
            continue
        for reading, share in shares(options):
            rows.append((word, reading, max(1, round(count * share))))
    rows.sort()
    text = io.StringIO()
    text.write('# naoyu pinyin lexicon, built by decoder/scripts/build_lexicon.py from fxsjy/jieba dict.txt.small,\n')
    text.write('# mozillazg/phrase-pinyin-data and mozillazg/pinyin-data (all MIT)\n')
    text.write('# word\tpinyin\tfrequency\n')
    for row in rows:
        text.write(f'{row[0]}\t{row[1]}\t{row[2]}\n')
    with open(out, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(text.getvalue().encode('utf-8'))
    words = len({r[0] for r in rows})
    print(f'{len(rows)} readings of {words} words', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
