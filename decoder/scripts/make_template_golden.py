#!/usr/bin/env python3
"""Golden values for TemplateFitTest: the template decoder's closed-form fit computed independently with numpy.

The model (decoder.model.TemplateTrainer): a trial's binned window x (bins x width, bin-major) is
    x = m + A_initial + A_final + A_tone + noise,
the mean m and part templates A fitted by ridge regression on one-hot part indicators (penalty on the templates, not
on the mean); the spatial patterns are the eigenvectors of sum_u,b A_u[b]^T A_u[b] (width x width); windows and
templates are projected per bin onto the strongest `rank`; the residual covariance S there is shrunk,
(1 - a) S + a tr(S)/d I, and inverted to P. Unit u scores w_u.x + c_u with w_u = P A_u, c_u = -A_u.P.A_u/2 - m.P.A_u;
units u, v cross with -A_u.P.A_v. Scores and cross terms do not depend on the basis chosen inside the projected
subspace, so the test can compare them whatever signs the eigen-solver gives its vectors.

Writes decoder/src/test/resources/org/naoyu/decoder/model/template-golden.txt: blocks of
    @ name rows cols
    <rows lines of cols numbers>
Run from the repository root: python3 decoder/scripts/make_template_golden.py   (numpy needed)
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "test", "resources", "org", "naoyu", "decoder", "model", "template-golden.txt")
INITIALS, FINALS, TONES = 22, 42, 5
UNITS = INITIALS + FINALS + TONES
WIDTH, EPOCH_BINS, BINS, RANK, SHRINKAGE, RIDGE = 10, 6, 5, 3, 0.3, 2.0

rng = np.random.default_rng(20261207)
patterns = rng.normal(size=(3, WIDTH))
profiles = rng.normal(size=(UNITS, EPOCH_BINS, 3))
used = {"initial": [1, 4, 7, 11], "final": [0, 5, 9], "tone": [1, 2, 3, 4, 5]}
n, m = 160, 12


def trial(count):
    units = np.stack([rng.choice(used["initial"], count), INITIALS + rng.choice(used["final"], count),
                      INITIALS + FINALS + rng.choice(used["tone"], count) - 1], axis=1)
    x = 0.3 + rng.normal(scale=1.0, size=(count, EPOCH_BINS, WIDTH))
    for k in range(count):
        for u in units[k]:
            x[k] += profiles[u] @ patterns
    return x.reshape(count, -1).astype(np.float32), units


windows, units = trial(n)
test, _ = trial(m)

d_full = BINS * WIDTH
X = windows[:, :d_full].astype(float)
D = np.zeros((n, UNITS + 1))
D[np.arange(n)[:, None], units] = 1
D[:, UNITS] = 1
penalty = np.diag([RIDGE] * UNITS + [0.0])
B = np.linalg.solve(D.T @ D + penalty, D.T @ X)
templates, mean = B[:UNITS], B[UNITS]
scatter = sum(t.reshape(BINS, WIDTH).T @ t.reshape(BINS, WIDTH) for t in templates)
values, vectors = np.linalg.eigh(scatter)
V = vectors[:, ::-1][:, :RANK]


def project(a):
    return (a.reshape(-1, BINS, WIDTH) @ V).reshape(a.shape[0], -1)


Xp, Ap, mp = project(X), project(templates), project(mean[None])[0]
R = Xp - D[:, :UNITS] @ Ap - mp
S = R.T @ R / n
d = S.shape[0]
S = (1 - SHRINKAGE) * S + SHRINKAGE * np.trace(S) / d * np.eye(d)
P = np.linalg.inv(S)
W = Ap @ P
c = -0.5 * np.sum(W * Ap, axis=1) - W @ mp
scores = project(test[:, :d_full].astype(float)) @ W.T + c
cross = -Ap @ P @ Ap.T
np.fill_diagonal(cross, 0)

blocks = []


def put(name, array, fmt):
    a = np.atleast_2d(np.asarray(array))
    blocks.append(f"@ {name} {a.shape[0]} {a.shape[1]}\n"
                  + "\n".join(" ".join(fmt % v for v in row) for row in a) + "\n")


put("settings", [[WIDTH, EPOCH_BINS, BINS, RANK, SHRINKAGE, RIDGE]], "%.17g")
put("windows", windows, "%.9g")
put("units", units, "%d")
put("test", test, "%.9g")
put("unit_scores", scores, "%.17g")
put("cross", cross, "%.17g")
with open(OUT, "w") as out:
    out.write("# template decoder golden values, written by decoder/scripts/make_template_golden.py (numpy "
              + np.__version__ + ")\n")
    out.writelines(blocks)
print("wrote", OUT)
