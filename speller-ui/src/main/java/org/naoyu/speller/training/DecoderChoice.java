package org.naoyu.speller.training;

import org.naoyu.decoder.model.TrainedModel;

/**
 * How {@code --decoder} names the kinds of decoder a training makes, for {@code naoyu train} and {@code naoyu run}
 * alike, with the older flag each command had for one kind ({@code --baseline}, {@code --train-network}).
 */
public final class DecoderChoice {
    private DecoderChoice() {
    }

    /** The kind {@code --decoder NAME} asks for. */
    public static TrainedModel.Kind parse(String name) {
        return switch (name) {
            case "linear" -> TrainedModel.Kind.LINEAR;
            case "network" -> TrainedModel.Kind.NETWORK;
            case "templates" -> TrainedModel.Kind.TEMPLATE;
            default -> throw new IllegalArgumentException("--decoder must be linear, network or templates, got '"
                    + name + "'");
        };
    }

    /** The name {@code --decoder} gives {@code kind}. */
    public static String name(TrainedModel.Kind kind) {
        return switch (kind) {
            case LINEAR -> "linear";
            case NETWORK -> "network";
            case TEMPLATE -> "templates";
        };
    }

    /**
     * The kind chosen by {@code --decoder} (null when not given: {@code otherwise}) and an older flag that means
     * {@code flagKind}; refuses the two when they disagree.
     */
    public static TrainedModel.Kind resolve(String decoder, TrainedModel.Kind otherwise, boolean flag, String flagName,
            TrainedModel.Kind flagKind) {
        if (decoder == null) {
            return flag ? flagKind : otherwise;
        }
        TrainedModel.Kind kind = parse(decoder);
        if (flag && kind != flagKind) {
            throw new IllegalArgumentException(flagName + " is --decoder " + name(flagKind) + "; it cannot go with "
                    + "--decoder " + decoder);
        }
        return kind;
    }
}
