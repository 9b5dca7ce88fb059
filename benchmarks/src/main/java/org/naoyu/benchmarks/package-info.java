/**
 * JMH benchmarks of naoyu's stages; how to run them and the latest numbers are in docs/BENCHMARKS.md.
 */
package org.naoyu.benchmarks;
