package org.naoyu.speller.bench;

import java.util.List;

/** The in-process run as fast as possible: how much signal, in how long, and the figures per stage. */
public record AsFastAsPossible(double signalSeconds, double wallSeconds, double realTimeFactor, List<Stage> stages) {
}
