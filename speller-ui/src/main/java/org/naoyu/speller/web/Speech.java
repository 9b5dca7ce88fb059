package org.naoyu.speller.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
            Process p = new ProcessBuilder("espeak-ng", "--voices=" + voice).redirectErrorStream(true).start();
            String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return new Speech(null, voice, "espeak-ng did not run (exit " + p.exitValue() + ")");
            }
            // the listing's second column is the language: "5  cmn  --/M  Chinese_(Mandarin…"
            if (listed.lines().skip(1).map(l -> l.trim().split("\\s+")).noneMatch(f -> f.length > 1
                    && f[1].equals(voice))) {
                return new Speech(null, voice, "espeak-ng has no '" + voice + "' voice");
            }
            return new Speech("espeak-ng", voice, "");
        } catch (IOException e) {
            return new Speech(null, voice, "espeak-ng is not installed (Debian: apt-get install espeak-ng)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Speech(null, voice, "interrupted while looking for espeak-ng");
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
        Process p = new ProcessBuilder(command, "-v", voice, "--stdout").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try (InputStream out = p.getInputStream()) {
            out.transferTo(wav);
        }
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("espeak-ng took longer than 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while speaking", e);
        }
        if (p.exitValue() != 0 || wav.size() < 44) {
            throw new IOException("espeak-ng failed (exit " + p.exitValue() + ", " + wav.size() + " bytes)");
        }
        return wav.toByteArray();
    }
}
