"""Reference values for Shannon's calibration measures (tests/Shannon.Tests/Calibration/CalibrationReferenceTests.cs).

Run: /usr/bin/python3 tools/reference/alignment_calibration.py
(Debian python3 with numpy 1.24.2 and scikit-learn 1.2.1.)

Independent of the C# code: ECE/MCE with M = 15 equal-width bins as in Guo et al. (2017) (bin k holds
(k-1)/M < confidence <= k/M, edges np.arange(M + 1) / M, a confidence of 0 in the first bin); Brier and log-loss
cross-checked against scikit-learn; Murphy's decomposition with Stephenson et al.'s (2008) within-bin terms,
class by class for K classes.
"""
import numpy as np
from sklearn.metrics import brier_score_loss, log_loss

M = 15
EDGES = np.arange(M + 1) / M

BINARY_P = np.array([0.05, 0.15, 0.2, 0.35, 0.5, 0.55, 0.62, 0.7, 0.81, 0.9, 0.95, 0.99])
BINARY_Y = np.array([0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1])

MULTI_P = np.array([
    [0.7, 0.2, 0.1],
    [0.1, 0.8, 0.1],
    [0.3, 0.3, 0.4],
    [0.25, 0.5, 0.25],
    [0.6, 0.3, 0.1],
    [0.05, 0.05, 0.9],
    [0.4, 0.35, 0.25],
    [0.2, 0.2, 0.6],
    [1.0, 0.0, 0.0],
    [0.34, 0.33, 0.33],
])
MULTI_Y = np.array([0, 1, 1, 1, 2, 2, 0, 2, 0, 1])


def bin_index(v):
    return np.clip(np.searchsorted(EDGES, v, side="left") - 1, 0, M - 1)


def ece_mce(conf, correct):
    b = bin_index(conf)
    ece, mce = 0.0, 0.0
    for k in range(M):
        m = b == k
        if m.any():
            gap = abs(correct[m].mean() - conf[m].mean())
            ece += m.sum() / len(conf) * gap
            mce = max(mce, gap)
    return ece, mce


def decompose(forecasts, outcomes):
    """forecasts, outcomes: n x C (one column per class, or the single P(1) column)."""
    n = forecasts.shape[0]
    rel = res = unc = wbv = wbc = 0.0
    for c in range(forecasts.shape[1]):
        f, o = forecasts[:, c], outcomes[:, c]
        b = bin_index(f)
        obar = o.mean()
        unc += obar * (1 - obar)
        for k in range(M):
            m = b == k
            if m.any():
                fb, ob = f[m].mean(), o[m].mean()
                rel += m.sum() / n * (fb - ob) ** 2
                res += m.sum() / n * (ob - obar) ** 2
                wbv += ((f[m] - fb) ** 2).sum() / n
                wbc += ((f[m] - fb) * (o[m] - ob)).sum() / n
    return rel, res, unc, wbv, wbc


def report(name, forecasts, outcomes, conf, correct, brier, logloss):
    ece, mce = ece_mce(conf, correct)
    rel, res, unc, wbv, wbc = decompose(forecasts, outcomes)
    print(f"{name}: ece={ece!r} mce={mce!r} brier={brier!r} log_loss={logloss!r}")
    print(f"{name}: reliability={rel!r} resolution={res!r} uncertainty={unc!r} wbv={wbv!r} wbc={wbc!r}")
    print(f"{name}: identity residual={brier - (rel - res + unc + wbv - 2 * wbc)!r}")


# Binary: prediction 1 iff p > 0.5, confidence max(p, 1 - p).
pred = (BINARY_P > 0.5).astype(int)
conf = np.maximum(BINARY_P, 1 - BINARY_P)
report("binary", BINARY_P[:, None], BINARY_Y[:, None].astype(float), conf, (pred == BINARY_Y).astype(float),
       brier_score_loss(BINARY_Y, BINARY_P), log_loss(BINARY_Y, BINARY_P))

# Three classes: arg max (first on ties), Brier summed over classes.
onehot = np.eye(3)[MULTI_Y]
pred = MULTI_P.argmax(axis=1)
conf = MULTI_P.max(axis=1)
brier = ((MULTI_P - onehot) ** 2).sum(axis=1).mean()
report("multi", MULTI_P, onehot, conf, (pred == MULTI_Y).astype(float), brier, log_loss(MULTI_Y, MULTI_P, labels=[0, 1, 2]))
