/**
 * {@code naoyu lsl list|info|pull|push}: Lab Streaming Layer tools for checking streams and interoperating with liblsl
 * programs; {@link org.naoyu.speller.cli.lsl.LslCommand} is the group, each verb a {@code <Verb>Command}.
 */
package org.naoyu.speller.cli.lsl;
