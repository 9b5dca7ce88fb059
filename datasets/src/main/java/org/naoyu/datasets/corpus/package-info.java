/**
 * The Mandarin material tasks are made of: the toned-syllable inventory (base syllable, tone, frequency), the task and
 * held-out sentence corpora with their readings, and the task markers a session writes and reads.
 */
package org.naoyu.datasets.corpus;
