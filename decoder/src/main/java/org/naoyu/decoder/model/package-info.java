/**
 * Syllable + tone decoders: the dual-head DeepLearning4J network (and its streaming twin in plain Java), the linear
 * baseline, their common trainer API, posteriors over toned syllables, and model files with provenance and recipe.
 */
package org.naoyu.decoder.model;
