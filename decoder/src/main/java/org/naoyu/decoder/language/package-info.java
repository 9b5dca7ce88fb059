/**
 * The pinyin-to-hanzi language model: the lexicon, bigram statistics adapted to the task corpus, the beam search over
 * syllable lattices (n-best, incremental), the syllable confusion model of an imperfect decoder, and character
 * errors as the speller literature counts them.
 */
package org.naoyu.decoder.language;
