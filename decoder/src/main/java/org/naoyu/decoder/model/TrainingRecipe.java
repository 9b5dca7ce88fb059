package org.naoyu.decoder.model;

/**
 * How a model was trained, kept in its provenance so that it can be trained again the same way (on fewer trials for
 * a learning curve, or on new sessions): one of the two trainers, and the validation share of the stratified split.
 */
public record TrainingRecipe(NetworkTrainer network, LinearTrainer linear, double validationShare) {
    public TrainingRecipe {
        if ((network == null) == (linear == null)) {
            throw new IllegalArgumentException("a recipe names exactly one trainer, network or linear");
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in [0, 1), got " + validationShare);
        }
    }

    public static TrainingRecipe of(DecoderTrainer trainer, double validationShare) {
        if (trainer instanceof NetworkTrainer network) {
            return new TrainingRecipe(network, null, validationShare);
        }
        if (trainer instanceof LinearTrainer linear) {
            return new TrainingRecipe(null, linear, validationShare);
        }
        throw new IllegalArgumentException("no recipe for " + trainer.getClass().getSimpleName());
    }

    public DecoderTrainer trainer() {
        return network != null ? network : linear;
    }

    public TrainedModel.Kind kind() {
        return network != null ? TrainedModel.Kind.NETWORK : TrainedModel.Kind.LINEAR;
    }

    /** The seed the trainer uses (weights, balancing, augmentation), which also fixes the split. */
    public long seed() {
        return network != null ? network.settings().seed() : linear.seed();
    }
}
