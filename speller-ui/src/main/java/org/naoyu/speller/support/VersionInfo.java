package org.naoyu.speller.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What build this is: the Maven version and the git commit it was built from, as filtered into
 * {@code version.properties} at build time. A build from outside a git checkout says {@code unknown}.
 */
public record VersionInfo(String version, String commit, String commitTime, boolean dirty) {
    private static final String RESOURCE = "version.properties";

    public static VersionInfo ofThisBuild() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the naoyu jar; rebuild with mvn package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the naoyu jar", e);
        }
        return new VersionInfo(
                filled(properties, "version"),
                filled(properties, "commit"),
                filled(properties, "commitTime"),
                Boolean.parseBoolean(properties.getProperty("dirty")));
    }

    /** The lines of {@code naoyu --version}. */
    public String[] lines() {
        String source = "unknown".equals(commit)
                ? "commit unknown (built outside a git checkout)"
                : "commit " + commit + (dirty ? " with uncommitted changes" : "") + ", " + commitTime;
        return new String[] {
            "naoyu " + version,
            source,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }

    /** An unfiltered placeholder (built without Maven, or the git plugin found no repository) reads as unknown. */
    private static String filled(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return value.isBlank() || value.contains("${") ? "unknown" : value;
    }

    /** Lets picocli print {@link #lines()} for {@code --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return ofThisBuild().lines();
        }
    }
}
