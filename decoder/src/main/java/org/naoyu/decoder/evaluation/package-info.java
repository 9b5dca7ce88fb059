/**
 * Measuring a trained decoder as a live session would meet it: cued and streaming (self-paced) evaluation with
 * accuracy, information transfer rate and onset F1, and the learning curve of network and baseline against training
 * trials. Used by {@code naoyu evaluate}; imports only the decoder.
 */
package org.naoyu.decoder.evaluation;
