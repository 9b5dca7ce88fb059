package org.naoyu.decoder.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model on disk: DL4J's own model zip ({@code ModelSerializer}: configuration, weights) with one more entry,
 * {@value #PROVENANCE_ENTRY}, the {@link Provenance} as JSON. Any DL4J program can still load the graph.
 */
public final class ModelFile {
    public static final String PROVENANCE_ENTRY = "naoyu-provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A model read back with its provenance. */
    public record Loaded(TrainedModel model, Provenance provenance) {
    }

    private ModelFile() {
    }

    /** Writes the model; refuses to overwrite. */
    public static void save(TrainedModel model, Provenance provenance, Path path) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null, "refusing to overwrite a model");
        }
        if (!provenance.kind().equals(model.kind())) {
            throw new IllegalArgumentException("provenance says " + provenance.kind() + " but the model is "
                    + model.kind());
        }
        Path weights = Files.createTempFile(path.toAbsolutePath().getParent(), "model-", ".tmp");
        try {
            ModelSerializer.writeModel(model.graph(), weights.toFile(), false);
            try (ZipFile source = new ZipFile(weights.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
                Enumeration<? extends ZipEntry> entries = source.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(PROVENANCE_ENTRY));
                out.write(JSON.writeValueAsString(new Stored(provenance, model.frames(), model.width(),
                        model.binFrames(), model.bases())).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(weights);
        }
    }

    /**
     * Reads a model.
     *
     * @throws IOException when the file is not a naoyu model; the message says what is missing or wrong
     */
    public static Loaded load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such model file");
        }
        Stored stored;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry entry = zip.getEntry(PROVENANCE_ENTRY);
            if (entry == null) {
                throw new IOException(path + ": not a naoyu model (no " + PROVENANCE_ENTRY + "; a bare DL4J model "
                        + "lacks the provenance naoyu needs to check a stream against it)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                stored = JSON.readValue(in, Stored.class);
            } catch (JsonProcessingException e) {
                throw new IOException(path + ": " + PROVENANCE_ENTRY + " is unreadable: " + e.getOriginalMessage(), e);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(path + ": not a model file (not a zip: " + e.getMessage() + ")", e);
        }
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(path.toFile(), false);
        TrainedModel model = new TrainedModel(stored.provenance().kind(), graph, stored.bases(), stored.frames(),
                stored.width(), stored.binFrames());
        return new Loaded(model, stored.provenance());
    }

    /** The JSON entry: the provenance and the input shape. */
    record Stored(Provenance provenance, int frames, int width, int binFrames, java.util.List<String> bases) {
    }
}
