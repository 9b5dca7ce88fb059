/**
 * Commands of the decoder model: {@code naoyu train} (a syllable + tone decoder and an onset detector from recordings
 * with task markers) and {@code naoyu evaluate} (streaming evaluation, learning curve, HTML report).
 */
package org.naoyu.speller.cli.model;
