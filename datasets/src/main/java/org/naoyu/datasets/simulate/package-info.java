/**
 * The ECoG speech simulator: a participant with an electrode grid over the ventral sensorimotor cortex attempting
 * Mandarin syllables, with ground-truth markers. {@link org.naoyu.datasets.simulate.EcogSimulator} produces the
 * samples from a {@link org.naoyu.datasets.simulate.SimulatorConfig}; {@link org.naoyu.datasets.simulate.SimulationRun}
 * publishes them over LSL and/or writes a reproducible XDF file. docs/SIMULATOR.md describes the model.
 */
package org.naoyu.datasets.simulate;
