package org.naoyu.speller.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Sentences read aloud with espeak-ng's Mandarin voice ({@code cmn}), as WAV for the participant's browser to play.
 * When espeak-ng is not installed the speller says so on screen instead of staying silent.
 *
 * @param command the espeak-ng program, or null when it is not available
 * @param reason  why speech is unavailable (empty when it is)
 */
public record Speech(String command, String voice, String reason) {

    private static final int MAX_CHARACTERS = 500;

    /** espeak-ng from the PATH, if it runs and has the voice. */
    public static Speech find(String voice) {
        try {
            Run run = run(new ProcessBuilder("espeak-ng", "--voices=" + voice), null, 10);
            String listed = new String(run.out(), StandardCharsets.UTF_8);
            if (run.exitCode() != 0) {
                return new Speech(null, voice, "espeak-ng did not run (exit " + run.exitCode() + ")");
            }
            // the listing's second column is the language: "5  cmn  --/M  Chinese_(Mandarin…"
            if (listed.lines().skip(1).map(l -> l.trim().split("\\s+")).noneMatch(f -> f.length > 1
                    && f[1].equals(voice))) {
                return new Speech(null, voice, "espeak-ng has no '" + voice + "' voice");
            }
            return new Speech("espeak-ng", voice, "");
        } catch (IOException e) {
            return new Speech(null, voice, "espeak-ng is not installed (Debian: apt-get install espeak-ng)");
        }
    }

    public boolean available() {
        return command != null;
    }

    /** The sentence spoken, as a WAV file's bytes. Text is passed on stdin, never as an argument. */
    public byte[] wav(String text) throws IOException {
        if (!available()) {
            throw new IllegalStateException("speech is unavailable: " + reason);
        }
        if (text.length() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("text to speak must be at most " + MAX_CHARACTERS
                    + " characters, got " + text.length());
        }
        Run run = run(new ProcessBuilder(command, "-v", voice, "--stdout"), text.getBytes(StandardCharsets.UTF_8),
                20);
        if (run.exitCode() != 0 || run.out().length < 44) {
            throw new IOException("espeak-ng failed (exit " + run.exitCode() + ", " + run.out().length + " bytes)");
        }
        return run.out();
    }

    private record Run(int exitCode, byte[] out) {
    }

    /** Runs a program with its output in a file, so a hung program times out instead of blocking a read. */
    private static Run run(ProcessBuilder builder, byte[] input, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("naoyu-speech", ".out");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(builder.command().get(0) + " took longer than " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readAllBytes(out));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + builder.command().get(0), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
