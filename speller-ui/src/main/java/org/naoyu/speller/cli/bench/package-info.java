/** {@code naoyu bench}: the real-time budget measured on the simulator and checked (docs/BUDGET.md). */
package org.naoyu.speller.cli.bench;
