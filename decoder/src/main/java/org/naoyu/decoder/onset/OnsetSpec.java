package org.naoyu.decoder.onset;

/**
 * What a model file records about its onset detector: the input shape, the decision rule, and how it scored on the
 * training sessions' held-out ends.
 */
public record OnsetSpec(OnsetDetector.Shape shape, OnsetRule rule, double tuningF1) {
    public OnsetSpec {
        if (shape == null || rule == null) {
            throw new IllegalArgumentException("an onset spec needs its shape and rule");
        }
    }

    public static OnsetSpec of(OnsetTrainer.Result trained) {
        return new OnsetSpec(trained.detector().shape(), trained.detector().rule(), trained.tuning().f1());
    }
}
