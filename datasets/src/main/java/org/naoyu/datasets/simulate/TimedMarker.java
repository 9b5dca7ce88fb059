package org.naoyu.datasets.simulate;

import org.naoyu.datasets.corpus.TaskMarker;

/** A task event at a sample index of the simulated signal (its timestamp is the sample's). */
public record TimedMarker(long sample, TaskMarker marker) {
}
