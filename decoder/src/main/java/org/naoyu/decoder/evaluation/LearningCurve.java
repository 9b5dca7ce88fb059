package org.naoyu.decoder.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochSplits;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.DecoderTrainer;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.NetworkTrainer;
import org.naoyu.decoder.model.TemplateTrainer;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.model.TrainingRecipe;

/**
 * Accuracy against the number of training trials: the network and the linear baseline (with part heads also the
 * template decoder) trained on the first 25, 50
 * and 75 % of the median number of training trials per syllable, then on all of them (nested sets, the same validation
 * trials for the network's early stopping; the baseline, which stops at no pass, also learns from those trials, as
 * {@code naoyu train} fits it), and tested on the same test attempts. Trained the way the model's recipe says; the other
 * kind with its defaults and the same heads. {@code inventory} is what the model answers with (with part heads, the
 * language), the same for every point.
 */
public final class LearningCurve {

    /** One trained size of one kind. */
    public record Point(TrainedModel.Kind kind, int trialsPerSyllable, int trainingEpochs, Accuracy test) {
    }

    private static final double[] SHARES = {0.25, 0.5, 0.75, 1.0};

    private LearningCurve() {
    }

    public static List<Point> measure(List<Epoch> trainingEpochs, TrainingRecipe recipe, List<Epoch> test,
            List<TonedSyllable> inventory, Consumer<String> progress) {
        EpochSplits.Split split = EpochSplits.split(trainingEpochs, recipe.validationShare(), recipe.seed());
        int median = EpochSplits.medianPerClass(split.train());
        if (median < 1) {
            throw new IllegalArgumentException("no training trials for a learning curve");
        }
        // nested sets of the first 25, 50 and 75 % of the median trials per syllable, then all of them
        List<Integer> sizes = new ArrayList<>();
        for (double share : SHARES) {
            int size = share < 1 ? Math.max(1, (int) Math.round(share * median)) : Integer.MAX_VALUE;
            if (size == Integer.MAX_VALUE || size < median && !sizes.contains(size)) {
                sizes.add(size);
            }
        }
        List<Point> points = new ArrayList<>();
        List<DecoderTrainer> trainers = new ArrayList<>(List.of(networkTrainer(recipe), linearTrainer(recipe)));
        if (recipe.trainer().heads() == Heads.PARTS) {
            trainers.add(recipe.templates() != null ? recipe.templates()
                    : TemplateTrainer.DEFAULT.withSeed(recipe.seed()));
        }
        for (DecoderTrainer trainer : trainers) {
            // the baseline and the templates stop at no pass, so as naoyu train does they learn from the validation
            // trials too (unless validation chooses how the baseline's two kinds of head mix)
            boolean refit = !(trainer instanceof NetworkTrainer) && trainer.heads() != Heads.BOTH
                    && !split.validation().isEmpty();
            List<Epoch> pool = refit ? split.all() : split.train();
            for (int size : sizes) {
                List<Epoch> train = EpochSplits.firstPerClass(pool, size);
                long start = System.nanoTime();
                TrainedModel model = trainer.train(train, refit ? List.of() : split.validation(), inventory,
                        pass -> { });
                Accuracy accuracy = Accuracy.of(model.predict(test), test, inventory);
                int perSyllable = size == Integer.MAX_VALUE ? median : size;
                points.add(new Point(model.kind(), perSyllable, train.size(), accuracy));
                progress.accept(String.format(Locale.ROOT, "  learning curve: %s, %d trials per syllable: toned %.3f "
                        + "(%.0f s)", model.kind().name().toLowerCase(Locale.ROOT), perSyllable, accuracy.toned(),
                        (System.nanoTime() - start) / 1e9));
            }
        }
        return points;
    }

    private static DecoderTrainer networkTrainer(TrainingRecipe recipe) {
        return recipe.network() != null ? recipe.network()
                : NetworkTrainer.defaults(recipe.trainer().heads()).withSeed(recipe.seed());
    }

    private static DecoderTrainer linearTrainer(TrainingRecipe recipe) {
        return recipe.linear() != null ? recipe.linear()
                : LinearTrainer.DEFAULT.withSeed(recipe.seed()).withHeads(recipe.trainer().heads());
    }
}
