#!/usr/bin/env python3
"""Golden scores for AttemptVariabilityTest, computed independently of the Java code.

A small random attempt variability model (6 electrodes, 2 patterns, 5 bins of 2 frames, onset at frame 2, three
stretches) and a few random epochs; for each epoch and candidate, the log of

    sum_s p(s | tone) N(x; mu_s, Sigma + J_s D J_s^T)

with the covariance built densely and inverted by numpy (no Woodbury identity, unlike the Java), plus
1/2 log det Sigma + d/2 log 2 pi, the constant the Java leaves out because all candidates share it.

    python3 decoder/scripts/make_variability_golden.py > decoder/src/test/resources/org/naoyu/decoder/model/variability-golden.json
"""
import json
import math

import numpy as np

UNITS = 22 + 42 + 5
rng = np.random.default_rng(7)
width, rank, bin_frames, bins, onset = 6, 2, 2, 5, 2
frames = bins * bin_frames
epoch_frames = 14
clip = 2.5
stretches = [0.8, 1.0, 1.25]
d = bins * rank

patterns = rng.normal(size=(width, rank))
templates = rng.normal(size=(UNITS + 1, frames * rank))
log_prior = np.log(rng.dirichlet(np.ones(len(stretches)), size=5))
a = rng.normal(size=(d, d))
sigma = a @ a.T / d + 0.5 * np.eye(d)
whitening = np.linalg.inv(np.linalg.cholesky(sigma))
b = rng.normal(size=(6, 6))
variability = b @ b.T / 6 + 0.05 * np.eye(6)
# candidates: {initial, final, tone} unit numbers (initials 0-21, finals 22-63, tones 64-68)
candidates = [[0, 22, 64], [3, 25, 65], [3, 30, 66], [10, 22, 68], [21, 63, 67], [5, 40, 64]]


def unwarp(t, s):
    out = np.zeros((frames, rank))
    tt = t.reshape(frames, rank)
    for f in range(frames):
        src = onset + (f - onset) / s
        i0 = min(max(int(math.floor(src)), 0), frames - 2)
        fr = min(max(src - i0, 0.0), 1.0)
        out[f] = tt[i0] * (1 - fr) + tt[i0 + 1] * fr
    return out


def binned(fr):
    return fr.reshape(bins, bin_frames, rank).mean(axis=1)


def slope(bn):
    out = np.zeros_like(bn)
    for k in range(bins):
        lo, hi = max(0, k - 1), min(bins - 1, k + 1)
        out[k] = (bn[hi] - bn[lo]) / (hi - lo)
    return out


def score(x, cand):
    xb = binned(np.clip(x[:frames], -clip, clip) @ patterns).reshape(-1)
    total = []
    tone = cand[2] - 64
    for si, s in enumerate(stretches):
        parts = [binned(unwarp(templates[u], s)) for u in cand]
        mu = binned(unwarp(templates[UNITS], s)) + sum(parts)
        j = np.stack([p.reshape(-1) for p in parts] + [slope(p).reshape(-1) for p in parts], axis=1)
        cov = sigma + j @ variability @ j.T
        r = xb - mu.reshape(-1)
        logn = -0.5 * r @ np.linalg.solve(cov, r) - 0.5 * np.linalg.slogdet(cov)[1] - d / 2 * math.log(2 * math.pi)
        total.append(logn + log_prior[tone][si])
    m = max(total)
    return m + math.log(sum(math.exp(t - m) for t in total)) + 0.5 * np.linalg.slogdet(sigma)[1] \
        + d / 2 * math.log(2 * math.pi)


# float32, as epochs hold their values
epochs = [rng.normal(scale=1.5, size=(epoch_frames, width)).astype(np.float32).astype(np.float64) for _ in range(4)]
print(json.dumps({
    "model": {"clip": clip, "onsetFrame": onset, "binFrames": bin_frames, "bins": bins,
              "patterns": patterns.tolist(), "templates": templates.tolist(), "stretches": stretches,
              "logPrior": log_prior.tolist(), "whitening": whitening.tolist(), "variability": variability.tolist()},
    "epochFrames": epoch_frames,
    "candidates": candidates,
    "epochs": [e.reshape(-1).tolist() for e in epochs],
    "scores": [[score(e, c) for c in candidates] for e in epochs],
}, indent=1))
