/**
 * Commands of the language model: {@code naoyu pinyin2hanzi} (pinyin to characters, line by line) and
 * {@code naoyu lm-eval} (character and sentence accuracy against a reference, and the simulated-decoder curve).
 */
package org.naoyu.speller.cli.language;
