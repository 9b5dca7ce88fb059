#!/usr/bin/env python3
"""Draws the pictures of docs/SIMULATOR.md from a file written by `naoyu simulate`, as an analyst would see it:

  spectrum.svg  Welch power spectra of a speech-responsive and a silent electrode (log-log), with the 1/f^chi fit
  hg_map.svg    high-gamma (70-150 Hz) power 0-150 ms and 150-400 ms after speech onset over before the cue, per
                electrode, for up to three syllables
  trial.svg     one trial: the raw trace and the high-gamma envelope of the most responsive electrode, with markers

Reads the XDF with xdf_summary.py (no naoyu code), analyses with numpy/scipy, writes SVG by hand (no matplotlib).
Usage: plot_simulation.py FILE.xdf OUTDIR
"""
import os
import sys

import numpy as np
import scipy.signal as ss

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xdf_summary import load  # noqa: E402

W, H, M = 640, 400, 60  # picture size and margin, px


def svg(path, body, width=W, height=H):
    with open(path, "w") as f:
        f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n')
        f.write("\n".join(body))
        f.write("\n</svg>\n")


def polyline(xs, ys, colour, width=1.2):
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{width}"/>'


def text(x, y, s, anchor="middle", size=12, colour="black", rotate=None):
    transform = f' transform="rotate({rotate} {x} {y})"' if rotate else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{colour}"{transform}>{s}</text>'


def spectrum_plot(path, f, spectra, labels, colours, slope, rate):
    keep = (f >= 1) & (f <= rate / 2)
    lx = np.log10(f[keep])
    ly = [np.log10(p[keep]) for p in spectra]
    x0, x1 = lx.min(), lx.max()
    y0, y1 = min(v.min() for v in ly), max(v.max() for v in ly)
    sx = lambda v: M + (v - x0) / (x1 - x0) * (W - 2 * M)  # noqa: E731
    sy = lambda v: H - M + (v - y0) / (y1 - y0) * -(H - 2 * M)  # noqa: E731
    body = [f'<rect x="{M}" y="{M}" width="{W - 2 * M}" height="{H - 2 * M}" fill="none" stroke="#888"/>']
    for decade in range(int(np.floor(x0)), int(np.ceil(x1)) + 1):
        if x0 <= decade <= x1:
            body.append(f'<line x1="{sx(decade):.1f}" y1="{H - M}" x2="{sx(decade):.1f}" y2="{M}" stroke="#ddd"/>')
            body.append(text(sx(decade), H - M + 16, f"{10 ** decade:g}"))
    for decade in range(int(np.ceil(y0)), int(np.floor(y1)) + 1):
        body.append(f'<line x1="{M}" y1="{sy(decade):.1f}" x2="{W - M}" y2="{sy(decade):.1f}" stroke="#eee"/>')
        body.append(text(M - 6, sy(decade) + 4, f"1e{decade}", anchor="end", size=10))
    for y, colour in zip(ly, colours):
        body.append(polyline(sx(lx), sy(y), colour))
    body.append(text(W / 2, H - 18, "frequency (Hz)"))
    body.append(text(16, H / 2, "power (µV²/Hz)", rotate=-90))
    body.append(text(W / 2, 24, f"Welch spectra; 2-40 Hz slope of the silent electrode {slope:.2f}", size=14))
    for i, (label, colour) in enumerate(zip(labels, colours)):
        body.append(f'<line x1="{W - M - 200}" y1="{M + 16 + 16 * i}" x2="{W - M - 180}" y2="{M + 16 + 16 * i}" '
                    f'stroke="{colour}" stroke-width="2"/>')
        body.append(text(W - M - 174, M + 20 + 16 * i, label, anchor="start"))
    svg(path, body)


def colour_of(v, lo, hi):
    """A dark-blue to yellow ramp (viridis-like endpoints) for v in [lo, hi]."""
    t = 0.0 if hi <= lo else min(1.0, max(0.0, (v - lo) / (hi - lo)))
    stops = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
    i = min(int(t * 4), 3)
    u = t * 4 - i
    r, g, b = (int(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * u) for k in range(3))
    return f"rgb({r},{g},{b})"


def map_plot(path, maps, titles, rows, cols, bad, per_row):
    cell = 12
    panel_w, panel_h = cols * cell + 30, rows * cell + 34
    width = per_row * panel_w + 110
    height = ((len(maps) + per_row - 1) // per_row) * panel_h + 80
    lo, hi = 0.0, max(float(np.nanmax(m)) for m in maps)
    body = [text(width / 2, 22, "high-gamma power over the 0.4 s before the cue, dB, per electrode "
                 "(dorsal at the top)", size=13)]
    for k, (m, title) in enumerate(zip(maps, titles)):
        ox = 30 + (k % per_row) * panel_w
        oy = 56 + (k // per_row) * panel_h
        body.append(text(ox + cols * cell / 2, oy - 8, title, size=12))
        for c in range(min(rows * cols, len(m))):
            r, q = divmod(c, cols)
            fill = "#ccc" if c in bad else colour_of(m[c], lo, hi)
            body.append(f'<rect x="{ox + q * cell}" y="{oy + r * cell}" width="{cell - 1}" height="{cell - 1}" '
                        f'fill="{fill}"/>')
    bx = width - 70
    span = height - 120
    for i in range(100):
        body.append(f'<rect x="{bx}" y="{56 + span * (1 - (i + 1) / 100):.1f}" width="14" '
                    f'height="{span / 100 + 0.5:.1f}" fill="{colour_of(lo + (hi - lo) * i / 99, lo, hi)}"/>')
    body.append(text(bx + 18, 64, f"{hi:.1f} dB", anchor="start", size=10))
    body.append(text(bx + 18, 56 + span, f"{lo:.0f} dB", anchor="start", size=10))
    body.append(text(30, height - 14, "grey: bad channels", anchor="start", size=11))
    svg(path, body, width, height)


def trial_plot(path, t, raw, envelope, markers, label):
    body = []
    panels = [(raw, "raw, µV", "#444"), (envelope, "high-gamma, µV", "#c0392b")]
    ph = (H - 2 * M) / 2 - 14
    sx = lambda v: M + (v - t[0]) / (t[-1] - t[0]) * (W - 2 * M)  # noqa: E731
    for k, (y, name, colour) in enumerate(panels):
        top = M + k * (ph + 28)
        lo, hi = float(np.min(y)), float(np.max(y))
        sy = lambda v: top + ph - (v - lo) / (hi - lo + 1e-12) * ph  # noqa: E731
        body.append(f'<rect x="{M}" y="{top}" width="{W - 2 * M}" height="{ph}" fill="none" stroke="#888"/>')
        step = max(1, len(t) // 1500)
        body.append(polyline(sx(t[::step]), sy(y[::step]), colour, 1))
        body.append(text(M - 34, top + ph / 2, name, size=10, rotate=-90))
        body.append(text(M - 4, top + 10, f"{hi:.0f}", anchor="end", size=9))
        body.append(text(M - 4, top + ph, f"{lo:.0f}", anchor="end", size=9))
        shown = 0
        for mt, ml in markers:
            if t[0] <= mt <= t[-1] and not ml.startswith("artifact"):
                body.append(f'<line x1="{sx(mt):.1f}" y1="{top}" x2="{sx(mt):.1f}" y2="{top + ph}" stroke="#2e86c1" '
                            f'stroke-dasharray="3,3"/>')
                if k == 0:  # labels alternate between two rows so neighbours do not overlap
                    body.append(text(sx(mt), top - 4 - 12 * (shown % 2), ml.split(" ")[0], size=10,
                                     colour="#2e86c1"))
                    shown += 1
    bottom = M + 2 * ph + 28
    for tick in np.arange(np.ceil(t[0] * 2) / 2, t[-1], 0.5):
        body.append(f'<line x1="{sx(tick):.1f}" y1="{bottom}" x2="{sx(tick):.1f}" y2="{bottom + 4}" stroke="#888"/>')
        body.append(text(sx(tick), bottom + 16, f"{tick:g}", size=10))
    body.append(text(W / 2, H - 10, f"seconds from the cue; one trial of {label} on its most responsive electrode "
                                    "(high-gamma envelope smoothed to 20 Hz)"))
    svg(path, body)


def main():
    path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    header, streams = load(path)
    signal = next(s for s in streams.values() if s["info"].findtext("type") == "ECoG")
    marks = next(s for s in streams.values() if s["info"].findtext("type") == "Markers")
    rate = float(signal["info"].findtext("nominal_srate"))
    x = np.array(signal["values"], dtype=float)
    t = np.array(signal["times"])
    labels = [c.findtext("label") for c in signal["info"].iter("channel")]
    n = len(labels)
    xs = sorted({float(c.findtext("location/X")) for c in signal["info"].iter("channel")})
    pitch = xs[1] - xs[0] if len(xs) > 1 else 1.0
    cols = int(round(xs[-1] / pitch)) + 1
    rows = (n + cols - 1) // cols
    bad_text = header.split("<bad_channels>")[1].split("</bad_channels>")[0] if "<bad_channels>" in header else ""
    bad = {labels.index(b.split(":")[0]) for b in bad_text.split()}
    markers = [(tm, v[0]) for tm, v in zip(marks["times"], marks["values"])]

    good = [c for c in range(n) if c not in bad]
    car = x - np.median(x[:, good], axis=1, keepdims=True)
    mains = 60.0 if "line_frequency_hz=60" in header else 50.0
    for f0 in (mains * h for h in range(1, 6)):
        if f0 < 0.45 * rate:
            b, a = ss.iirnotch(f0, 30, rate)
            car = ss.filtfilt(b, a, car, axis=0)
    b, a = ss.butter(4, [70, min(150, 0.45 * rate)], btype="band", fs=rate)
    envelope = np.abs(ss.hilbert(ss.filtfilt(b, a, car, axis=0), axis=0))

    def index(time):
        return int(np.searchsorted(t, time))

    onsets = [(index(tm), m.split(" ", 1)[1]) for tm, m in markers if m.startswith("speech_onset")]
    cues = [index(tm) for tm, m in markers if m.startswith("cue")]
    syllables = sorted({s for _, s in onsets})[:3]
    windows = [(0.0, 0.15, "0-150 ms"), (0.15, 0.4, "150-400 ms")]
    maps, titles = [], []
    base = int(0.4 * rate)
    for start, end, name in windows:
        for syllable in syllables:
            before = np.zeros(n)
            after = np.zeros(n)
            a, b = int(start * rate), int(end * rate)
            for onset, s in onsets:
                if s != syllable or onset + b > len(t):
                    continue
                cue = max(c for c in cues if c < onset)
                before += np.mean(envelope[cue - base:cue] ** 2, axis=0)
                after += np.mean(envelope[onset + a:onset + b] ** 2, axis=0)
            maps.append(10 * np.log10(np.maximum(after / before, 1)))
            titles.append(f"{syllable}, {name} after onset")
    map_plot(os.path.join(out, "hg_map.svg"), maps, titles, rows, cols, bad, len(syllables))
    whole = [np.maximum(maps[i], maps[i + len(syllables)]) for i in range(len(syllables))]

    responsive = int(np.argmax(whole[0]))
    silent = int(np.argmin(np.where([c in bad for c in range(n)], np.inf, sum(np.abs(m) for m in whole))))
    f, p_resp = ss.welch(x[:, responsive], rate, nperseg=int(2 * rate))
    _, p_silent = ss.welch(x[:, silent], rate, nperseg=int(2 * rate))
    sel = (f >= 2) & (f <= 40)
    slope = np.polyfit(np.log10(f[sel]), np.log10(p_silent[sel]), 1)[0]
    spectrum_plot(os.path.join(out, "spectrum.svg"), f, [p_resp, p_silent],
                  [f"{labels[responsive]} (speech-responsive)", f"{labels[silent]} (silent)"],
                  ["#c0392b", "#2e86c1"], slope, rate)

    onset, syllable = next((o, s) for o, s in onsets if s == syllables[0])
    cue = max(c for c in cues if c < onset)
    lo, hi = cue - int(0.5 * rate), min(len(t), onset + int(1.5 * rate))
    b, a = ss.butter(2, 20, fs=rate)
    smooth = ss.filtfilt(b, a, envelope[lo:hi, responsive])
    trial_plot(os.path.join(out, "trial.svg"), t[lo:hi] - t[cue], car[lo:hi, responsive], smooth,
               [(tm - t[cue], m) for tm, m in markers], syllable)
    print(f"slope {slope:.2f}; responsive {labels[responsive]}, silent {labels[silent]}; "
          f"peak high-gamma gain {max(float(m.max()) for m in maps):.1f} dB; wrote {out}")


if __name__ == "__main__":
    main()
