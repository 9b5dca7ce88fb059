package org.naoyu.decoder.model;

/**
 * How a model was trained, kept in its provenance so that it can be trained again the same way (on fewer trials for
 * a learning curve, or on new sessions): one of the three trainers, and the validation share of the stratified split.
 * Files written before the template trainer existed have no {@code templates} entry; it reads as null.
 */
public record TrainingRecipe(NetworkTrainer network, LinearTrainer linear, double validationShare,
        TemplateTrainer templates) {
    public TrainingRecipe {
        if ((network != null ? 1 : 0) + (linear != null ? 1 : 0) + (templates != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a recipe names exactly one trainer: network, linear or templates");
        }
        if (!(validationShare >= 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validationShare must be in [0, 1), got " + validationShare);
        }
    }

    public TrainingRecipe(NetworkTrainer network, LinearTrainer linear, double validationShare) {
        this(network, linear, validationShare, null);
    }

    public static TrainingRecipe of(DecoderTrainer trainer, double validationShare) {
        if (trainer instanceof NetworkTrainer network) {
            return new TrainingRecipe(network, null, validationShare);
        }
        if (trainer instanceof LinearTrainer linear) {
            return new TrainingRecipe(null, linear, validationShare);
        }
        if (trainer instanceof TemplateTrainer templates) {
            return new TrainingRecipe(null, null, validationShare, templates);
        }
        throw new IllegalArgumentException("no recipe for " + trainer.getClass().getSimpleName());
    }

    public DecoderTrainer trainer() {
        return network != null ? network : linear != null ? linear : templates;
    }

    public TrainedModel.Kind kind() {
        return network != null ? TrainedModel.Kind.NETWORK : linear != null ? TrainedModel.Kind.LINEAR
                : TrainedModel.Kind.TEMPLATE;
    }

    /** The seed the trainer uses (weights, balancing, augmentation), which also fixes the split. */
    public long seed() {
        return network != null ? network.settings().seed() : linear != null ? linear.seed() : templates.seed();
    }
}
