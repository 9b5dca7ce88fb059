package org.naoyu.speller.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.evaluation.Evaluation;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.Cli;

@Timeout(300)
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsFromASimulatedSessionAndSavesTheModelWithItsProvenance() throws Exception {
        Path session = dir.resolve("cal.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "80", "--channels", "16",
                "--rate", "1000", "--cues", "ba1,ga2,shi4", "--bad", "G03:flat", "--random-bad", "0").exitCode());
        Path model = dir.resolve("m.zip");
        Cli.Run run = Cli.naoyu("train", "--data", session.toString(), "--out", model.toString(), "--epochs", "3",
                "--baseline");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(session + ": "), run.out());
        assertTrue(run.out().contains("bad channels [G03]"), run.out());
        assertTrue(run.out().contains("  pass   3/3 [####################] loss "), run.out());
        assertTrue(run.out().contains("  onset detector: F1 "), run.out());
        assertTrue(run.out().contains("wrote " + model + ": linear, answers with 3 toned syllables (trained on 3), "
                + "validation toned accuracy "), run.out());
        assertTrue(run.out().contains(", onset detector F1 "), run.out());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(16, loaded.provenance().channels().size());
        assertEquals(java.util.List.of("ba1", "ga2", "shi4"), loaded.provenance().inventory());
        assertEquals(java.util.List.of(), loaded.provenance().featureConfig().badChannels(),
                "bad channels stay with the session");
        assertEquals(64, loaded.provenance().data().get(0).sha256().length());
        assertEquals(3, loaded.provenance().recipe().linear().passes(), "the recipe records how it was trained");
        assertTrue(loaded.onset() != null && loaded.provenance().onset().tuningF1() > 0.5,
                String.valueOf(loaded.provenance().onset()));

        Path cueLocked = dir.resolve("go.zip");
        Cli.Run go = Cli.naoyu("train", "--data", session.toString(), "--out", cueLocked.toString(), "--epochs", "3",
                "--baseline", "--lock", "go", "--window", "0.2,0.8", "--no-onset");
        assertEquals(0, go.exitCode(), go.err());
        assertTrue(go.out().contains(", no onset detector"), go.out());
        assertEquals(new org.naoyu.decoder.data.EpochConfig("go", 0.2, 0.8, 0, 0),
                ModelFile.load(cueLocked).provenance().epochConfig());
        Cli.Run goEvaluated = Cli.naoyu("evaluate", "--model", cueLocked.toString(), "--data", session.toString());
        assertEquals(0, goEvaluated.exitCode(), goEvaluated.err());
        assertTrue(goEvaluated.out().contains("onset detection            (not measured"), goEvaluated.out());
        Cli.Run goSpelled = Cli.naoyu("evaluate", "--model", cueLocked.toString(), "--data", session.toString(),
                "--spell");
        assertEquals(1, goSpelled.exitCode());
        assertTrue(goSpelled.err().startsWith("naoyu evaluate: --spell needs a model that finds attempts itself: "
                + "windows locked to speech_onset and a speech-onset detector; this one has no onset detector"),
                goSpelled.err());
        Cli.Run badWindow = Cli.naoyu("train", "--data", session.toString(), "--out", dir.resolve("w.zip").toString(),
                "--window", "0,20");
        assertEquals(1, badWindow.exitCode(), badWindow.err());
        assertTrue(badWindow.err().startsWith("naoyu train: --lock/--window: lengthSeconds must be in (0, 10], got "
                + "20.0"), badWindow.err());

        // the next session fine-tunes this model
        Path tuned = dir.resolve("tuned.zip");
        Cli.Run fineTuned = Cli.naoyu("train", "--data", session.toString(), "--out", tuned.toString(), "--epochs", "2",
                "--baseline", "--no-onset", "--init", model.toString());
        assertEquals(0, fineTuned.exitCode(), fineTuned.err());
        assertTrue(fineTuned.out().contains("  starting from the previous model (trained on [cal.xdf])"),
                fineTuned.out());
        assertTrue(ModelFile.load(tuned).provenance().metrics().get("start_model_training_epochs") > 0);
        Cli.Run wrongKind = Cli.naoyu("train", "--data", session.toString(), "--out", dir.resolve("k.zip").toString(),
                "--init", model.toString(), "--heads", "parts");
        assertEquals(1, wrongKind.exitCode());
        assertTrue(wrongKind.err().startsWith("naoyu train: --init: the model cannot be fine-tuned on this data: kind: "
                + "the model is linear, this training makes network (--decoder linear); heads: the model's are whole, "
                + "this training's parts (--heads whole)"), wrongKind.err());

        // the generative templates: closed form, part heads, every syllable of the inventory
        Path templates = dir.resolve("t.zip");
        Cli.Run fitted = Cli.naoyu("train", "--data", session.toString(), "--out", templates.toString(), "--decoder",
                "templates", "--no-onset");
        assertEquals(0, fitted.exitCode(), fitted.err());
        assertTrue(fitted.out().contains("training the template decoder (parts heads)"), fitted.out());
        assertTrue(fitted.out().contains("  fitted with clip ±4, window 60 frames"), fitted.out());
        assertTrue(fitted.out().contains("wrote " + templates + ": template, answers with 1391 toned syllables "
                + "(trained on 3)"), fitted.out());
        assertEquals(org.naoyu.decoder.model.TrainedModel.Kind.TEMPLATE, ModelFile.load(templates).model().kind());
        Cli.Run templatesEvaluated = Cli.naoyu("evaluate", "--model", templates.toString(), "--data",
                session.toString(), "--json");
        assertEquals(0, templatesEvaluated.exitCode(), templatesEvaluated.err());
        assertTrue(templatesEvaluated.out().contains("\"kind\":\"template\""), templatesEvaluated.out());
        Cli.Run wholeTemplates = Cli.naoyu("train", "--data", session.toString(), "--out",
                dir.resolve("tw.zip").toString(), "--decoder", "templates", "--heads", "whole");
        assertEquals(1, wholeTemplates.exitCode());
        assertTrue(wholeTemplates.err().contains("the template decoder has part heads only"), wholeTemplates.err());
        Cli.Run unknown = Cli.naoyu("train", "--data", session.toString(), "--out", dir.resolve("u.zip").toString(),
                "--decoder", "forest");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("--decoder must be linear, network or templates, got 'forest'"),
                unknown.err());
        Cli.Run tunedTemplates = Cli.naoyu("train", "--data", session.toString(), "--out",
                dir.resolve("tt.zip").toString(), "--decoder", "templates", "--init", templates.toString());
        assertEquals(1, tunedTemplates.exitCode());
        assertTrue(tunedTemplates.err().contains("the template decoder is fitted in closed form and does not start "
                + "from a model"), tunedTemplates.err());
        Cli.Run again = Cli.naoyu("train", "--data", session.toString(), "--out", model.toString());
        assertTrue(again.err().startsWith("naoyu train: refusing to overwrite "), again.err());
        Path empty = dir.resolve("rest.xdf");
        Cli.naoyu("simulate", "--out", empty.toString(), "--seconds", "5", "--channels", "16", "--rate", "1000",
                "--task", "rest");
        Cli.Run none = Cli.naoyu("train", "--data", empty.toString(), "--out", dir.resolve("n.zip").toString());
        assertTrue(none.err().startsWith("naoyu train: found 0 epochs at 'speech_onset' markers"), none.err());
        assertTrue(Files.notExists(dir.resolve("n.zip")));
    }

    @Test
    void refusesANetworkItCouldNotValidateAndSaysWhy() throws Exception {
        // ten syllables cued once each in 30 s: no syllable has the trials a validation split needs
        Path session = dir.resolve("once.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "30", "--channels", "16",
                "--rate", "1000", "--cues", "ba1,ga2,shi4,ma3,ni3,hao3,wo3,ai4,xie4,ta1", "--random-bad", "0")
                .exitCode());
        Cli.Run network = Cli.naoyu("train", "--data", session.toString(), "--out", dir.resolve("n.zip").toString());
        assertEquals(1, network.exitCode(), network.out());
        assertTrue(network.err().startsWith("naoyu train: cannot train the network on this data: "), network.err());
        assertTrue(network.err().contains(" toned syllables, ") && network.err().contains("(median 1 a syllable), 0 "
                + "with the 3 trials a validation split needs."), network.err());
        assertTrue(network.err().contains("--baseline") && network.err().contains("--validation 0"), network.err());
        assertTrue(Files.notExists(dir.resolve("n.zip")), "nothing written");

        Cli.Run unvalidated = Cli.naoyu("train", "--data", session.toString(), "--out",
                dir.resolve("u.zip").toString(), "--validation", "0", "--epochs", "2", "--no-onset");
        assertEquals(0, unvalidated.exitCode(), unvalidated.err());
        assertTrue(unvalidated.out().contains("  pass   2/2 [####################] loss ")
                && unvalidated.out().contains("  validation: none"), unvalidated.out());
        assertTrue(!unvalidated.out().contains("NaN"), "no NaN is printed as a score: " + unvalidated.out());
        assertTrue(unvalidated.out().contains("validation toned accuracy not measured"), unvalidated.out());

        Cli.Run baseline = Cli.naoyu("train", "--data", session.toString(), "--out", dir.resolve("b.zip").toString(),
                "--baseline", "--epochs", "2", "--no-onset");
        assertEquals(0, baseline.exitCode(), baseline.err());
        assertTrue(baseline.out().contains("0 with the 3 trials a validation split needs; the validation score covers "
                + "only those (none here: no early stopping, every pass is trained)"), baseline.out());
    }

    @Test
    void partHeadsNameSyllablesTheCalibrationNeverHad() throws Exception {
        // calibration: b, p, m, d with a, i, u, ao in tones 1, 2, 4, but never ba, pao, mu or di
        Path train = dir.resolve("parts.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", train.toString(), "--seconds", "600", "--channels", "64",
                "--rate", "1000", "--seed", "5", "--random-bad", "0", "--cues",
                "bi1,bi2,bi4,bu1,bu2,bu4,bao1,bao2,bao4,pa1,pa2,pa4,pi1,pi2,pi4,pu1,pu2,pu4,ma1,ma2,ma4,mi1,mi2,mi4,"
                + "mao1,mao2,mao4,da1,da2,da4,du1,du2,du4,dao1,dao2,dao4").exitCode());
        Path test = dir.resolve("unseen.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", test.toString(), "--seconds", "120", "--channels", "64",
                "--rate", "1000", "--seed", "6", "--random-bad", "0", "--cues", "ba1,pao2,mu4,di4").exitCode());
        Path model = dir.resolve("p.zip");
        Cli.Run trained = Cli.naoyu("train", "--data", train.toString(), "--out", model.toString(), "--baseline",
                "--heads", "parts", "--epochs", "40", "--no-onset");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("training the linear baseline (parts heads) on "), trained.out());
        assertTrue(trained.out().contains("it answers with any of the 1391 toned syllables of the inventory"),
                trained.out());
        assertTrue(trained.out().contains("answers with 1391 toned syllables (trained on 36)"), trained.out());
        assertTrue(trained.out().contains("  refitting on all "), "the baseline keeps no trial back: " + trained.out());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(org.naoyu.decoder.model.Heads.PARTS, loaded.model().heads());
        assertEquals(1391, loaded.model().outputs().size());
        assertEquals(org.naoyu.decoder.model.Heads.PARTS, loaded.provenance().recipe().linear().heads());

        Cli.Run json = Cli.naoyu("evaluate", "--model", model.toString(), "--data", test.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err() + json.out());
        JsonNode all = new ObjectMapper().readTree(json.out());
        assertEquals(1391, all.get("inventory").asInt());
        assertEquals(all.get("attempts_all").asInt(), all.get("attempts_unseen").asInt(), "every test syllable is new");
        assertTrue(all.get("toned_unseen").asDouble() > 0.1, "named from parts heard in other syllables, chance "
                + "1/1391: " + json.out());

        Cli.Run whole = Cli.naoyu("train", "--data", train.toString(), "--out", dir.resolve("w.zip").toString(),
                "--heads", "wholes");
        assertEquals(2, whole.exitCode(), whole.err());
        assertTrue(whole.err().contains("Invalid value for option '--heads': heads must be whole, parts or both, got "
                + "'wholes'\n"), "names the option, the choices and the value, without Java's words: " + whole.err());
    }

    @Test
    void evaluatesOnAnotherSessionAndRefusesAnotherMontage() throws Exception {
        Path train = dir.resolve("a.xdf");
        Path test = dir.resolve("b.xdf");
        for (String[] p : new String[][] {{train.toString(), "1", "120"}, {test.toString(), "2", "60"}}) {
            assertEquals(0, Cli.naoyu("simulate", "--out", p[0], "--seconds", p[2], "--channels", "32",
                    "--rate", "1000", "--cues", "ba1,ga2,shi4", "--seed", p[1]).exitCode());
        }
        Path model = dir.resolve("m.zip");
        assertEquals(0, Cli.naoyu("train", "--data", train.toString(), "--out", model.toString(), "--epochs", "30",
                "--baseline").exitCode());
        Cli.Run json = Cli.naoyu("evaluate", "--model", model.toString(), "--data", test.toString(), "--json",
                "--report", dir.resolve("r.html").toString(), "--learning-curve", train.toString());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("{\"model\":\"m.zip\",\"kind\":\"linear\",\"attempts\":"), json.out());
        JsonNode summary = new ObjectMapper().readTree(json.out());
        assertEquals(3, summary.get("syllables").asInt());
        assertTrue(summary.get("toned").asDouble() > 0.5, "three syllables at 32 channels: " + json.out());
        assertTrue(summary.get("decode_ms").get("attempts").asInt() > 10, json.out());
        assertTrue(summary.get("onset").get("f1").asDouble() > 0.7, json.out());
        assertTrue(summary.get("self_paced_toned").asDouble() > 1 / 3.0, "above chance: " + json.out());
        JsonNode curve = summary.get("learning_curve");
        assertEquals("network", curve.get(0).get("kind").asText());
        assertEquals("linear", curve.get(curve.size() - 1).get("kind").asText());
        List<Integer> networkSizes = new java.util.ArrayList<>();
        List<Integer> linearSizes = new java.util.ArrayList<>();
        for (JsonNode point : curve) {
            (point.get("kind").asText().equals("network") ? networkSizes : linearSizes)
                    .add(point.get("trials_per_syllable").asInt());
        }
        assertEquals(networkSizes, linearSizes, "both kinds at the same sizes");
        assertTrue(networkSizes.size() >= 3, networkSizes.toString());
        for (int i = 1; i < networkSizes.size(); i++) {
            assertTrue(networkSizes.get(i) > networkSizes.get(i - 1), "sizes increase: " + networkSizes);
        }
        assertEquals(summary.get("toned").asDouble(), curve.get(curve.size() - 1).get("toned").asDouble(), 1e-9,
                "the linear curve's last point is the model itself, retrained the same way on the same trials");
        assertTrue(json.err().contains("learning curve: network, "), json.err());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("<h2>Confusion matrix</h2><svg"), "the report draws its pictures");
        assertTrue(html.contains("<title>ba1 as "), "cells say what they count");
        assertTrue(html.contains("<h2>Learning curve</h2>") && html.contains("<polyline"), "and the learning curve");
        assertTrue(html.contains("<h2>Onset detection</h2>"), "and the onset detector at work");
        Cli.Run text = Cli.naoyu("evaluate", "--model", model.toString(), "--data", test.toString());
        assertTrue(text.out().contains("  onset detection            F1 "), text.out());
        assertTrue(text.out().contains("  decode time per attempt    median "), text.out());

        // free spelling: sentences of the model's syllables, found by the onset detector, written by the language model
        Path sentences = dir.resolve("sentences.txt");
        Files.writeString(sentences, "八是\tba1 shi4\n是八\tshi4 ba1\n");
        Path spoken = dir.resolve("s.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", spoken.toString(), "--seconds", "60", "--channels", "32",
                "--rate", "1000", "--task", "sentences", "--sentences", sentences.toString(), "--seed", "3")
                .exitCode());
        Cli.Run spelled = Cli.naoyu("evaluate", "--model", model.toString(), "--data", spoken.toString(), "--spell",
                "--json");
        assertEquals(0, spelled.exitCode(), spelled.err());
        JsonNode free = new ObjectMapper().readTree(spelled.out()).get("free_spelling");
        assertTrue(free.get("sentences").asInt() >= 4, spelled.out());
        assertEquals(2 * free.get("sentences").asInt(), free.get("characters").asInt(), "two characters each");
        double correct = free.get("characters_correct").asDouble();
        assertTrue(correct >= 0 && correct <= 1, spelled.out());
        assertTrue(free.get("characters_per_minute").asDouble() > 0, spelled.out());
        String meant = free.get("each").get(0).get("meant").asText();
        assertTrue(meant.equals("八是") || meant.equals("是八"), "the sentences meant: " + meant);
        Cli.Run spelledText = Cli.naoyu("evaluate", "--model", model.toString(), "--data", spoken.toString(),
                "--spell");
        assertTrue(spelledText.out().contains("  free spelling  "), spelledText.out());
        Path other = dir.resolve("c.xdf");
        Cli.naoyu("simulate", "--out", other.toString(), "--seconds", "10", "--channels", "16", "--rate", "1000");
        Cli.Run refused = Cli.naoyu("evaluate", "--model", model.toString(), "--data", other.toString());
        assertTrue(refused.err().startsWith("naoyu evaluate: " + other + " does not fit the model: channels: the "
                + "model takes 32, the stream has 16"), refused.err());
        assertEquals(0.0, Evaluation.wolpawBits(8, 0.125), 1e-12);
        assertEquals(3.0, Evaluation.wolpawBits(8, 1.0), 1e-12);

        // a session with syllables the model never heard: every attempt counts, the unseen ones as misses
        Path wider = dir.resolve("d.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", wider.toString(), "--seconds", "45", "--channels", "32",
                "--rate", "1000", "--cues", "ba1,ga2,shi4,pa1,si4", "--seed", "3").exitCode());
        Cli.Run full = Cli.naoyu("evaluate", "--model", model.toString(), "--data", wider.toString(), "--json");
        assertEquals(0, full.exitCode(), full.err());
        JsonNode all = new ObjectMapper().readTree(full.out());
        assertEquals(3, all.get("inventory").asInt(), "the toned syllables the model can output");
        assertTrue(all.get("attempts_unseen").asInt() > 0, full.out());
        assertEquals(all.get("attempts").asInt() + all.get("attempts_unseen").asInt(), all.get("attempts_all").asInt());
        assertEquals(0.0, all.get("toned_unseen").asDouble(), 1e-12, "a whole-syllable model cannot say pa1 or si4");
        assertEquals(all.get("toned").asDouble(), all.get("toned_seen").asDouble(), 1e-12,
                "the seen attempts are the ones the model's own scores cover");
        assertTrue(all.get("toned_all").asDouble() < all.get("toned_seen").asDouble(), full.out());
        for (String part : List.of("initial", "final", "tone_all")) {
            double value = all.get(part).asDouble();
            assertTrue(value >= all.get("toned_all").asDouble() && value <= 1, part + ": " + full.out());
        }
        Cli.Run fullText = Cli.naoyu("evaluate", "--model", model.toString(), "--data", wider.toString());
        assertTrue(fullText.out().contains("  every attempt   "), fullText.out());
    }
}
