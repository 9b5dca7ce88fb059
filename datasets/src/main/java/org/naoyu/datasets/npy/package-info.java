/** NumPy {@code .npy} version 1.0 arrays, written for analysts who read features in Python. */
package org.naoyu.datasets.npy;
