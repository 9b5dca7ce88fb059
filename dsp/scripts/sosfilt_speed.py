#!/usr/bin/env python3
"""scipy.signal.sosfilt on the shape SosFilterBenchmark uses: an 8th-order Butterworth band-pass (70-150 Hz at
2 kHz, 4 sections) over one second of 256 channels, float64. Prints the best of 20 runs in ms per second of signal
and channel-samples per second; compare with `java -jar benchmarks/target/benchmarks.jar SosFilterBenchmark`.
Pass the Java score (ms) to print the ratio:  python3 dsp/scripts/sosfilt_speed.py [JAVA_MS]
"""
import sys
import time

import numpy as np
import scipy.signal as ss

sos = ss.butter(4, (70, 150), "bandpass", output="sos", fs=2000)
x = np.random.default_rng(3).normal(0, 60, (256, 2000))  # channels x samples, filtering along the last axis
best = float("inf")
for _ in range(20):
    start = time.perf_counter()
    ss.sosfilt(sos, x, axis=-1)
    best = min(best, time.perf_counter() - start)
ms = best * 1000
print(f"scipy {ss.__name__} sosfilt, 256 ch x 2000 samples: {ms:.2f} ms ({256 * 2000 / best / 1e6:.1f} M "
      f"channel-samples/s), scipy {__import__('scipy').__version__}")
if len(sys.argv) > 1:
    java = float(sys.argv[1])
    print(f"naoyu SosFilter: {java:.2f} ms -> naoyu is {ms / java:.2f}x scipy's throughput")
