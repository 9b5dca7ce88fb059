/**
 * The {@code naoyu} command ({@link org.naoyu.speller.Naoyu}): the command tree and its help, which lists the commands
 * in sections. The packages below follow one rule: a command {@code naoyu <group> <verb>} (or a top-level command of a
 * help section) is {@code cli.<group>.<Verb>Command}; what commands share is in {@code cli.options} (picocli mixins);
 * the online session is {@code session} (with its typed events in {@code session.event}), the web speller {@code web},
 * starting both {@code launch}; training from recordings {@code training}; reading recorded signals {@code signal};
 * the real-time budget {@code bench}; HTML reports {@code report}; and what every layer shares {@code support}.
 * Nothing imports this package; no package here imports one that imports it back (ArchitectureTest checks it).
 */
package org.naoyu.speller;
