package org.naoyu.speller.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;

/**
 * The reports' Mustache templates, read from this package's resources: {@code {{name}}} is HTML-escaped, and only the
 * charts, already SVG, go in unescaped through {@code {{{name}}}}. Values are read from records by accessor name.
 */
final class Templates {
    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("org/naoyu/speller/report");

    private Templates() {
    }

    /** The template {@code name} filled from {@code page}; compiled once, then reused (thread-safe). */
    static String render(String name, Object page) {
        StringWriter html = new StringWriter();
        TEMPLATES.compile(name).execute(html, page);
        return html.toString();
    }
}
