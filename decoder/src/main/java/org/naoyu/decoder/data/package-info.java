/**
 * Training data for the decoders: task events, toned-syllable labels, and epochs of feature frames cut at events.
 */
package org.naoyu.decoder.data;
