#!/usr/bin/env python3
"""Adds toned pinyin (digits, ü as v) to naoyu's sentence lists and writes the corpora the project ships.

Readings come from phrase-pinyin-data (whole words and phrases, longest match first, so that 觉得 is jue2 de5 and
睡觉 is shui4 jiao4) and otherwise from each character's most common reading in pinyin-data's kMandarin_8105 (MIT).
OVERRIDES fixes words whose reading in these sentences differs from both. Tone sandhi is not applied: the pinyin is
the citation form (一 yi1, 不 bu4; neutral tones as spoken, e.g. 睡不着 bu5), as a speller's decoder is trained on.

Usage: build_sentence_corpus.py SHARED SENTENCES.txt OUT.tsv [READINGS.tsv]

READINGS.tsv (word<TAB>pinyin) adds readings for one corpus only, checked by hand where the dictionaries' longest
match reads a polyphone wrongly (都会 dou1 hui4 beside 成都 du1, 长得 zhang3 de5, 我得 wo3 dei3).
"""
import sys
import unicodedata

# words whose reading in this corpus is not the dictionaries' first one
OVERRIDES = {
    '一会儿': 'yi1 hui4 er5', '得很': 'de5 hen3', '疼得': 'teng2 de5', '得厉害': 'de5 li4 hai4',
    '得太': 'de5 tai4', '得对': 'de5 dui4', '得快': 'de5 kuai4', '得很快': 'de5 hen3 kuai4',
    '地方': 'di4 fang5', '了吗': 'le5 ma5', '还': 'hai2', '还想': 'hai2 xiang3', '还好': 'hai2 hao3',
    '还是': 'hai2 shi4', '还来': 'hai2 lai2', '觉': 'jiao4', '睡觉': 'shui4 jiao4', '为': 'wei4',
    '长': 'chang2', '着': 'zhe5', '陪着': 'pei2 zhe5', '看看': 'kan4 kan5', '谈谈': 'tan2 tan5',
    '走走': 'zou3 zou5', '试一试': 'shi4 yi1 shi4', '擦一擦': 'ca1 yi1 ca1', '按一按': 'an4 yi1 an4',
    '说说': 'shuo1 shuo5', '晒晒': 'shai4 shai5', '挠挠': 'nao2 nao5', '擦擦': 'ca1 ca5', '浇浇': 'jiao1 jiao5',
    '润润': 'run4 run5', '讲讲': 'jiang3 jiang5', '想想': 'xiang3 xiang5', '先生': 'xian1 sheng5',
    '朋友': 'peng2 you5', '朋友们': 'peng2 you5 men5', '你们': 'ni3 men5', '我们': 'wo3 men5', '他们': 'ta1 men5',
    '东西': 'dong1 xi5', '时候': 'shi2 hou5', '什么': 'shen2 me5', '怎么样': 'zen3 me5 yang4', '喜欢': 'xi3 huan5',
    '舒服': 'shu1 fu5', '麻烦': 'ma2 fan5', '名字': 'ming2 zi5', '衣服': 'yi1 fu5', '枕头': 'zhen3 tou5',
    '被子': 'bei4 zi5', '肚子': 'du4 zi5', '嗓子': 'sang3 zi5', '孩子': 'hai2 zi5', '儿子': 'er2 zi5',
    '杯子': 'bei1 zi5', '柜子': 'gui4 zi5', '袜子': 'wa4 zi5', '筷子': 'kuai4 zi5', '勺子': 'shao2 zi5',
    '管子': 'guan3 zi5', '帽子': 'mao4 zi5', '脖子': 'bo2 zi5', '橘子': 'ju2 zi5', '饺子': 'jiao3 zi5',
    '妈妈': 'ma1 ma5', '爸爸': 'ba4 ba5', '爷爷': 'ye2 ye5', '奶奶': 'nai3 nai5', '太太': 'tai4 tai5',
    '谢谢': 'xie4 xie5', '头发': 'tou2 fa5', '眼睛': 'yan3 jing5', '耳朵': 'er3 duo5', '嘴唇': 'zui3 chun2',
    '胳膊': 'ge1 bo5', '肩膀': 'jian1 bang3', '喉咙': 'hou2 long5', '明白': 'ming2 bai5', '清楚': 'qing1 chu5',
    '告诉': 'gao4 su5', '休息': 'xiu1 xi5', '便秘': 'bian4 mi4', '小便': 'xiao3 bian4', '大便': 'da4 bian4',
    '喘不过气': 'chuan3 bu5 guo4 qi4', '受不了': 'shou4 bu5 liao3', '睡不着': 'shui4 bu5 zhao2',
    '抬不起来': 'tai2 bu5 qi3 lai2', '动不了': 'dong4 bu5 liao3', '听不清楚': 'ting1 bu5 qing1 chu5',
    '看不清楚': 'kan4 bu5 qing1 chu5', '吃饱了': 'chi1 bao3 le5', '了': 'le5', '的': 'de5', '吗': 'ma5',
    '吧': 'ba5', '呢': 'ne5', '啊': 'a5', '得': 'de5', '过敏': 'guo4 min3', '重新': 'chong2 xin1',
    '血压': 'xue4 ya1', '血糖': 'xue4 tang2', '调小': 'tiao2 xiao3', '调大': 'tiao2 da4', '系统': 'xi4 tong3',
    '没有': 'mei2 you3', '没事': 'mei2 shi4', '没关系': 'mei2 guan1 xi5', '没问题': 'mei2 wen4 ti2',
    '没电': 'mei2 dian4', '没用': 'mei2 yong4', '好几天': 'hao3 ji3 tian1', '几点': 'ji3 dian3', '几号': 'ji3 hao4',
    '几月': 'ji3 yue4', '星期几': 'xing1 qi1 ji3', '一点': 'yi1 dian3', '点心': 'dian3 xin5', '钥匙': 'yao4 shi5',
    '抽屉': 'chou1 ti5', '豆浆': 'dou4 jiang1', '喝': 'he1', '的事': 'de5 shi4', '都': 'dou1', '好多': 'hao3 duo1',
    '好吃': 'hao3 chi1', '好用': 'hao3 yong4', '好起来': 'hao3 qi3 lai5', '坐起来': 'zuo4 qi3 lai5',
    '起来': 'qi3 lai5', '扎起来': 'zha1 qi3 lai5', '下来': 'xia4 lai5', '下去': 'xia4 qu5', '回来': 'hui2 lai5',
    '数': 'shu4', '说明书': 'shuo1 ming2 shu1', '量': 'liang2', '量一下': 'liang2 yi1 xia4', '吐': 'tu4',
    '想吐': 'xiang3 tu4', '发烧': 'fa1 shao1', '传': 'chuan2', '恶心': 'e3 xin5', '呼吸': 'hu1 xi1',
    '困难': 'kun4 nan5', '厉害': 'li4 hai5', '累': 'lei4', '差': 'cha4', '行': 'xing2', '假': 'jia4',
    '请假': 'qing3 jia4', '复查': 'fu4 cha2', '同学': 'tong2 xue2', '骄傲': 'jiao1 ao4', '陪': 'pei2',
    '空调': 'kong1 tiao2', '遥控器': 'yao2 kong4 qi4', '窗帘': 'chuang1 lian2', '地上': 'di4 shang5',
    '应该': 'ying1 gai1', '该': 'gai1', '上午': 'shang4 wu3', '下午': 'xia4 wu3', '晚上': 'wan3 shang5',
    '早上': 'zao3 shang5', '身上': 'shen1 shang5', '背上': 'bei4 shang5', '路上': 'lu4 shang5', '桌上': 'zhuo1 shang5',
    '屏幕上': 'ping2 mu4 shang5', '床上': 'chuang2 shang5', '背': 'bei4', '脸': 'lian3', '挠': 'nao2',
    '很干': 'hen3 gan1', '不舒服': 'bu4 shu1 fu5', '把头发': 'ba3 tou2 fa5', '得厉害': 'de5 li4 hai5',
    '声音调小': 'sheng1 yin1 tiao2 xiao3', '声音调大': 'sheng1 yin1 tiao2 da4',
}


def numeric(reading):
    tone, letters = 5, []
    marks = {'\u0304': 1, '\u0301': 2, '\u030c': 3, '\u0300': 4}
    for ch in unicodedata.normalize('NFD', reading.strip()):
        if ch in marks:
            tone = marks[ch]
        elif ch == '\u0308':
            if letters and letters[-1] in 'uU':
                letters[-1] = 'v'
        else:
            letters.append(ch)
    return ''.join(letters).lower() + str(tone)


def load(shared):
    chars = {}
    with open(f'{shared}/pinyin-data_kMandarin_8105.txt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('U+'):
                code, rest = line.split(':', 1)
                first = rest.split('#')[0].strip().split(',')[0]
                chars[chr(int(code[2:], 16))] = numeric(first)
    phrases = {}
    with open(f'{shared}/phrase-pinyin-data_pinyin.txt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or ':' not in line:
                continue
            word, readings = line.split(':', 1)
            word = word.strip()
            if word not in phrases:  # the first line of a polyphonic phrase is its common reading
                phrases[word] = ' '.join(numeric(r) for r in readings.split())
    phrases.update(OVERRIDES)
    return chars, phrases


PUNCTUATION = '，。？！、'


def annotate(sentence, chars, phrases, singles=OVERRIDES):
    """Toned pinyin, a syllable per character; punctuation stays in place (the converters pass it through)."""
    out, i = [], 0
    longest = max(len(w) for w in phrases)
    while i < len(sentence):
        if sentence[i] in PUNCTUATION:
            out.append(sentence[i])
            i += 1
            continue
        for length in range(min(longest, len(sentence) - i), 0, -1):
            word = sentence[i:i + length]
            if any(ch in PUNCTUATION for ch in word):
                continue
            if word in phrases and (length > 1 or word in singles):
                out.extend(phrases[word].split())
                i += length
                break
        else:
            ch = sentence[i]
            if ch not in chars:
                raise SystemExit(f'no reading for {ch!r} in {sentence!r}')
            out.append(chars[ch])
            i += 1
    # citation tones for 一 and 不: the dictionaries write some phrases with tone sandhi (yí gè, bú yào)
    for k, ch in enumerate(sentence):
        if ch == '一' and out[k] in ('yi2', 'yi4'):
            out[k] = 'yi1'
        elif ch == '不' and out[k] == 'bu2':
            out[k] = 'bu4'
    if len(out) != len(sentence):
        raise SystemExit(f'{sentence!r}: {len(sentence)} characters but {len(out)} syllables {out}')
    return ' '.join(out)


def main(shared, source, out, readings=None):
    chars, phrases = load(shared)
    singles = dict(OVERRIDES)
    if readings:
        with open(readings, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                word, pinyin = line.rstrip('\n').split('\t')
                if len(pinyin.split()) != len(word):
                    raise SystemExit(f'{readings}: {word!r} has {len(word)} characters but pinyin {pinyin!r}')
                phrases[word] = pinyin
                singles[word] = pinyin
    rows = []
    with open(source, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            category, sentence = line.rstrip('\n').split('\t')
            rows.append((category, sentence, annotate(sentence, chars, phrases, singles)))
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# naoyu sentences (CC0, written for the project) with toned pinyin from pinyin-data and\n')
        f.write('# phrase-pinyin-data (MIT) and the overrides in datasets/scripts/build_sentence_corpus.py\n')
        f.write('# category\tsentence\tpinyin\n')
        for row in rows:
            f.write('\t'.join(row) + '\n')
    print(f'{len(rows)} sentences', file=sys.stderr)


if __name__ == '__main__':
    main(*sys.argv[1:5])
