#!/usr/bin/env python3
"""Golden vectors for naoyu's dsp tests, from SciPy (the reference implementation the dsp module must match).

Writes dsp/src/test/resources/org/naoyu/dsp/golden.txt: blocks of
    @ name rows cols
    <rows lines of cols numbers, %.17g>
Designs: butter(..., output='sos'), iirnotch, firwin, sosfilt_zi. Filtering: sosfilt (with and without zi),
sosfiltfilt, filtfilt of a notch, lfilter of a firwin, hilbert, decimate(ftype='fir', zero_phase=False), on a
synthetic signal (seeded) and on real EEG: 4 s of channel 1 of eeglab_test.edf (sccn/eeglab sample data, BSD-2-Clause,
from ../shared/data/edf), scaled to µV as its header says.

Run from the repository root: python3 dsp/scripts/make_golden.py   (numpy and scipy needed; tests compare, not run it)
"""
import os
import sys

import numpy as np
import scipy
import scipy.signal as ss

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources", "org", "naoyu", "dsp", "golden.txt")
blocks = []


def put(name, array):
    a = np.atleast_2d(np.asarray(array, dtype=float))
    blocks.append(f"@ {name} {a.shape[0]} {a.shape[1]}\n" + "\n".join(" ".join(f"{v:.17g}" for v in row)
                                                                     for row in a) + "\n")


def edf_channel(path, channel, seconds):
    """The physical values of one signal of an EDF file (a minimal reader: header, 16-bit records)."""
    raw = open(path, "rb").read()
    ns = int(raw[252:256])
    field = lambda start, width, i: raw[start + i * width:start + (i + 1) * width].decode().strip()  # noqa: E731
    base = 256
    labels = base
    pmin_at = base + ns * (16 + 80 + 8)
    pmin = [float(field(pmin_at, 8, i)) for i in range(ns)]
    pmax = [float(field(pmin_at + ns * 8, 8, i)) for i in range(ns)]
    dmin = [float(field(pmin_at + ns * 16, 8, i)) for i in range(ns)]
    dmax = [float(field(pmin_at + ns * 24, 8, i)) for i in range(ns)]
    nsamp_at = pmin_at + ns * 32 + ns * 80
    nsamp = [int(field(nsamp_at, 8, i)) for i in range(ns)]
    duration = float(raw[244:252])
    header = int(raw[184:192])
    record = sum(nsamp) * 2
    rate = nsamp[channel] / duration
    wanted = int(seconds * rate)
    out = []
    r = 0
    while len(out) < wanted:
        start = header + r * record + sum(nsamp[:channel]) * 2
        d = np.frombuffer(raw, "<i2", nsamp[channel], start).astype(float)
        out.extend((d - dmin[channel]) * (pmax[channel] - pmin[channel]) / (dmax[channel] - dmin[channel])
                   + pmin[channel])
        r += 1
    _ = labels
    return np.array(out[:wanted]), rate


def chang_lab_amplitude(x, fs, cfs, sds):
    """Mean over bands of |analytic signal| after a Gaussian band-pass in the frequency domain (the Chang lab's
    applyHilbertTransform, re-written here from its published description)."""
    freq = np.fft.fftfreq(len(x), 1 / fs)
    heaviside = np.zeros(len(freq))
    heaviside[freq > 0] = 2.0
    heaviside[0] = 1.0
    spectrum = np.fft.fft(x)
    out = np.zeros(len(x))
    for cf, sd in zip(cfs, sds):
        kernel = np.exp(-((np.abs(freq) - cf) ** 2) / (2 * sd ** 2))
        out += np.abs(np.fft.ifft(spectrum * heaviside * kernel))
    return out / len(cfs)


def main():
    put("meta_scipy_version", [[float(v) for v in scipy.__version__.split(".")[:2]]])
    # designs
    for order in range(1, 11):
        for kind, corner, fs in (("lowpass", 40.0, 1000.0), ("highpass", 0.5, 2000.0), ("lowpass", 170.0, 2000.0),
                                 ("highpass", 70.0, 500.0)):
            put(f"butter_{kind}_{order}_{corner:g}_{fs:g}", ss.butter(order, corner, kind, output="sos", fs=fs))
    for order in range(1, 6):
        for kind, band, fs in (("bandpass", (70.0, 150.0), 2000.0), ("bandpass", (1.0, 40.0), 250.0),
                               ("bandstop", (48.0, 52.0), 1000.0), ("bandpass", (8.0, 12.0), 500.0)):
            put(f"butter_{kind}_{order}_{band[0]:g}_{band[1]:g}_{fs:g}", ss.butter(order, band, kind, output="sos",
                                                                                 fs=fs))
    for f0, q, fs in ((50.0, 30.0, 2000.0), (60.0, 10.0, 500.0), (100.0, 35.0, 1000.0), (150.0, 30.0, 2000.0)):
        b, a = ss.iirnotch(f0, q, fs)
        put(f"iirnotch_{f0:g}_{q:g}_{fs:g}", [np.concatenate((b, a))])
    firs = {
        "firwin_lowpass_101_40_hamming_1000": ss.firwin(101, 40.0, window="hamming", fs=1000.0),
        "firwin_highpass_51_1_hann_250": ss.firwin(51, 1.0, window="hann", pass_zero=False, fs=250.0),
        "firwin_bandpass_201_70_150_kaiser8.6_2000": ss.firwin(201, [70.0, 150.0], window=("kaiser", 8.6),
                                                               pass_zero=False, fs=2000.0),
        "firwin_bandstop_101_48_52_hamming_1000": ss.firwin(101, [48.0, 52.0], window="hamming", fs=1000.0),
        "firwin_lowpass_80_100_kaiser5_2000": ss.firwin(80, 100.0, window=("kaiser", 5.0), fs=2000.0),
    }
    for name, taps in firs.items():
        put(name, [taps])
    band = ss.butter(4, (70.0, 150.0), "bandpass", output="sos", fs=2000.0)
    put("sosfilt_zi_bandpass_4_70_150_2000", ss.sosfilt_zi(band))
    low = ss.butter(6, 40.0, "lowpass", output="sos", fs=1000.0)
    put("sosfilt_zi_lowpass_6_40_1000", ss.sosfilt_zi(low))

    # signals
    rng = np.random.default_rng(20261128)
    n = 3000
    t = np.arange(n) / 2000.0
    synthetic = (40 * np.sin(2 * np.pi * (5 + 60 * t) * t) + 15 * np.sin(2 * np.pi * 50 * t)
                 + 5 * rng.standard_normal(n) + np.where(t > 0.8, 30.0, 0.0) + 100.0)
    eeg, eeg_rate = edf_channel(os.path.join(HERE, "..", "..", "..", "shared", "data", "edf", "eeglab_test.edf"),
                                0, 4.0)
    for label, x, fs in (("synthetic", synthetic, 2000.0), ("eeg", eeg, eeg_rate)):
        put(f"signal_{label}", [x])
        put(f"rate_{label}", [[fs]])
        hp = min(150.0, 0.4 * fs)
        sos = ss.butter(4, (0.035 * fs, hp), "bandpass", output="sos", fs=fs)
        put(f"sos_{label}", sos)
        put(f"sosfilt_{label}", [ss.sosfilt(sos, x)])
        put(f"sosfilt_zi_{label}", [ss.sosfilt(sos, x, zi=ss.sosfilt_zi(sos) * x[0])[0]])
        put(f"sosfiltfilt_{label}", [ss.sosfiltfilt(sos, x)])
        b, a = ss.iirnotch(50.0, 30.0, fs)
        put(f"notch_filtfilt_{label}", [ss.filtfilt(b, a, x)])
        put(f"notch_lfilter_{label}", [ss.lfilter(b, a, x)])
        taps = ss.firwin(61, 0.2 * fs, window="hamming", fs=fs)
        put(f"firwin_{label}", [taps])
        put(f"fir_lfilter_{label}", [ss.lfilter(taps, 1.0, x)])
        long_taps = ss.firwin(201, (0.035 * fs, 0.4 * fs), window=("kaiser", 8.6), pass_zero=False, fs=fs)
        put(f"firwin201_{label}", [long_taps])
        put(f"fir201_lfilter_{label}", [ss.lfilter(long_taps, 1.0, x)])
        analytic = ss.hilbert(x)
        put(f"hilbert_re_{label}", [analytic.real])
        put(f"hilbert_im_{label}", [analytic.imag])
        put(f"decimate4_{label}", [ss.decimate(x, 4, ftype="fir", zero_phase=False)])
        low, high = (70.0, 150.0) if fs >= 1000 else (8.0, 30.0)
        # the lab's own band lattice (auto_bands: fq_min 4.0749286538265, fq_max 200, scale 7), then the bands wanted
        lattice = 2 ** (np.arange(np.log2(4.0749286538265) * 7, np.log2(200.0) * 7) / 7)
        cfs = lattice[(lattice >= low) & (lattice <= high)]
        sds = 10 ** (np.log10(0.39) + 0.5 * np.log10(cfs))
        put(f"band_centres_{label}", [cfs])
        put(f"band_amplitude_{label}", [chang_lab_amplitude(x, fs, cfs, sds)])
    with open(OUT, "w") as f:
        f.write("# golden vectors from dsp/scripts/make_golden.py (SciPy " + scipy.__version__ + ", numpy "
                + np.__version__ + "); do not edit\n")
        f.writelines(blocks)
    print(f"wrote {len(blocks)} blocks to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
