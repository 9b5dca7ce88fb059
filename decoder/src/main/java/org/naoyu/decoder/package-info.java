/**
 * From features to text: the syllable and tone decoders, their training and evaluation, model artefacts with
 * provenance, and the pinyin-to-hanzi language model with its joint beam search. Takes features from
 * {@code org.naoyu.dsp}.
 */
package org.naoyu.decoder;
