package org.naoyu.speller;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu evaluate}: a model's accuracy on recordings it has not seen, as numbers, JSON or an HTML report. */
@Command(name = "evaluate",
        description = "Decode the speech attempts of recordings with a trained model and report top-1/top-5 "
                + "toned-syllable accuracy, base-syllable and tone accuracy, information transfer rate, the "
                + "confusion matrix and per-syllable accuracy (--report writes them as an HTML page with pictures).")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "A model from naoyu train.")
    Path modelFile;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE", description = "Test recordings.")
    List<Path> data;

    @Option(names = "--json", description = "One JSON object instead of the text summary.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write an HTML report with pictures.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (report != null && Files.exists(report)) {
            throw new CommandFailure(1, "refusing to overwrite " + report + "; choose another --report");
        }
        ModelFile.Loaded loaded;
        try {
            loaded = ModelFile.load(modelFile);
        } catch (java.io.IOException e) {
            throw new CommandFailure(1, e.getMessage());
        }
        Provenance provenance = loaded.provenance();
        List<TonedSyllable> inventory = provenance.inventory().stream().map(TonedSyllable::parse).toList();
        List<Epoch> epochs = new ArrayList<>();
        double intervals = 0;
        int gaps = 0;
        for (Path file : data) {
            TrainingData.FileEpochs test = TrainingData.load(file, provenance.featureConfig(), provenance.epochConfig());
            List<String> problems = provenance.mismatches(test.channels(), test.sampleRateHz(), test.config());
            if (!problems.isEmpty()) {
                throw new CommandFailure(1, file + " does not fit the model: " + String.join("; ", problems));
            }
            List<Epoch> fileEpochs = test.epochs().epochs().stream()
                    .filter(e -> inventory.contains(e.label())).toList();
            for (int i = 1; i < fileEpochs.size(); i++) {
                intervals += fileEpochs.get(i).lockSeconds() - fileEpochs.get(i - 1).lockSeconds();
                gaps++;
            }
            epochs.addAll(fileEpochs);
        }
        if (epochs.isEmpty()) {
            throw new CommandFailure(1, "no attempts at syllables the model knows in " + data);
        }
        List<Posteriors> predicted = loaded.model().predict(epochs);
        Accuracy accuracy = Accuracy.of(predicted, epochs, inventory);
        int n = inventory.size();
        double bits = wolpawBits(n, accuracy.toned());
        double perMinute = gaps == 0 ? Double.NaN : bits * 60 / (intervals / gaps);
        int[][] confusion = new int[n][n];
        for (int i = 0; i < epochs.size(); i++) {
            TonedSyllable guess = predicted.get(i).topToned(inventory, 1).get(0).syllable();
            confusion[inventory.indexOf(epochs.get(i).label())][inventory.indexOf(guess)]++;
        }
        double[] perClass = new double[n];
        for (int r = 0; r < n; r++) {
            int total = java.util.Arrays.stream(confusion[r]).sum();
            perClass[r] = total == 0 ? Double.NaN : confusion[r][r] / (double) total;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"model\":%s,\"kind\":\"%s\",\"attempts\":%d,\"syllables\":%d,\"toned\":%s,"
                    + "\"toned_top5\":%s,\"base\":%s,\"tone\":%s,\"chance\":%s,\"itr_bits_per_selection\":%s,"
                    + "\"itr_bits_per_minute\":%s}%n", Json.string(modelFile.getFileName().toString()),
                    provenance.kind().name().toLowerCase(Locale.ROOT), epochs.size(), n, Json.number(accuracy.toned()),
                    Json.number(accuracy.topFiveToned()), Json.number(accuracy.base()), Json.number(accuracy.tone()),
                    Json.number(1.0 / n), Json.number(bits), Json.number(perMinute));
        } else {
            out.printf(Locale.ROOT, "%s (%s) on %d attempts at %d toned syllables:%n", modelFile,
                    provenance.kind().name().toLowerCase(Locale.ROOT), epochs.size(), n);
            out.printf(Locale.ROOT, "  toned syllable  top-1 %.3f  top-5 %.3f  (chance %.3f)%n", accuracy.toned(),
                    accuracy.topFiveToned(), 1.0 / n);
            out.printf(Locale.ROOT, "  base syllable   %.3f%n  tone            %.3f%n", accuracy.base(), accuracy.tone());
            out.printf(Locale.ROOT, "  information transfer rate  %.2f bits per attempt, %.1f bits per minute%n", bits,
                    perMinute);
        }
        if (report != null) {
            List<String> labels = inventory.stream().map(TonedSyllable::toned).toList();
            String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>naoyu evaluation</title>"
                    + "<style>body{font-family:sans-serif;max-width:900px;margin:2em auto}td{padding:2px 10px}</style>"
                    + "</head><body><h1>Decoder evaluation</h1>"
                    + String.format(Locale.ROOT, "<p>Model <b>%s</b> (%s), trained on %s; tested on %s: %d attempts at "
                            + "%d toned syllables.</p>", ReportSvg.escape(modelFile.getFileName().toString()),
                            provenance.kind().name().toLowerCase(Locale.ROOT),
                            ReportSvg.escape(provenance.data().stream().map(Provenance.DataFile::name).toList()
                                    .toString()), ReportSvg.escape(data.stream().map(p -> p.getFileName().toString())
                                    .toList().toString()), epochs.size(), n)
                    + String.format(Locale.ROOT, "<table><tr><td>toned syllable, top-1</td><td>%.3f</td></tr>"
                            + "<tr><td>toned syllable, top-5</td><td>%.3f</td></tr><tr><td>chance</td><td>%.3f</td></tr>"
                            + "<tr><td>base syllable</td><td>%.3f</td></tr><tr><td>tone</td><td>%.3f</td></tr>"
                            + "<tr><td>information transfer rate</td><td>%.2f bits/attempt, %.1f bits/min</td></tr>"
                            + "</table>", accuracy.toned(), accuracy.topFiveToned(), 1.0 / n, accuracy.base(),
                            accuracy.tone(), bits, perMinute)
                    + "<h2>Confusion matrix</h2>" + ReportSvg.confusion(labels, confusion)
                    + "<h2>Accuracy per syllable</h2>" + ReportSvg.bars(labels, perClass, 1.0 / n)
                    + "</body></html>";
            Files.writeString(report, html, java.nio.file.StandardOpenOption.CREATE_NEW);
            if (!json) {
                out.println("wrote " + report);
            }
        }
        out.flush();
        return 0;
    }

    /** Wolpaw's bits per selection for N equiprobable choices decoded with accuracy P. */
    static double wolpawBits(int n, double p) {
        if (n < 2) {
            return 0;
        }
        if (p <= 1.0 / n) {
            return 0;
        }
        double bits = Math.log(n) / Math.log(2) + p * Math.log(p) / Math.log(2);
        if (p < 1) {
            bits += (1 - p) * Math.log((1 - p) / (n - 1)) / Math.log(2);
        }
        return bits;
    }
}
