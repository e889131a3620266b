#!/usr/bin/python3
"""Reference values for tests/Shannon.Tests/Continuous/TieTests.cs and Ksg2ConditionalTests (issue 13, items 3 and 4).

Run with Debian's python3 (numpy 1.24.2, scipy 1.10.1):
    /usr/bin/python3 tools/reference/ties_reference.py

1. Writes tests/Shannon.Tests/Continuous/data/rounded_gaussian.csv: N = 2000 draws of a standard bivariate normal
   with rho = 0.6 (numpy.random.default_rng(20261204)), columns x, y (raw), x01, y01 (rounded to one decimal, as in
   the issue), x05, y05 (rounded to the 0.5 grid: round(2 v) / 2).
2. Prints the truths of the rounded pairs: the MI of the discrete pair (round(X), round(Y)), with every cell mass
   integrated from the bivariate normal (scipy.stats.multivariate_normal.cdf by inclusion-exclusion over the cell
   corners, cells out to +-8 sigma), and the closed form -ln(1 - rho^2) / 2 of the unrounded pair.
3. Prints brute-force O(N^2) numpy values, written here from the papers (not from the C# code), of
   - Mixed-KSG (Gao, Kannan, Oh and Viswanath 2017, Algorithm 1, as in their reference code) with psi(N) in place of
     its log N (the C# convention, so that untied data keep Kraskov's values), on the rounded columns;
   - Ross's mixed estimator with the same rule at zero radius, on x01 against a label;
   - KSG algorithm 2 conditional MI in the form of JIDT's ConditionalMutualInfoCalculatorMultiVariateKraskov2
     (psi(k) - 2/k + <psi(n_z) - psi(n_xz) + 1/n_xz - psi(n_yz) + 1/n_yz>, counts with <= in boxes of the
     per-variable extents of the k neighbours), on continuous_reference.csv's z-scored x1, y1, z.
"""
import os

import numpy as np
from scipy.special import digamma
from scipy.stats import multivariate_normal

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "tests", "Shannon.Tests", "Continuous", "data")
RHO = 0.6


def cheb(a):
    return np.max(np.abs(a[:, None, :] - a[None, :, :]), axis=2)


def col(v):
    return np.asarray(v, dtype=float).reshape(-1, 1)


def zs(v):
    """z-scores with the mean and population sd summed left to right, as the C# code does, so that on gridded data the
    same doubles come out (numpy's pairwise sums differ in the last bits, and on a grid the last bit decides whether a
    neighbour at the boundary distance is strictly inside)."""
    v = np.asarray(v, dtype=float)
    total = 0.0
    for t in v:
        total += float(t)
    mean = total / len(v)
    ss = 0.0
    for t in v:
        d = float(t) - mean
        ss += d * d
    sd = np.sqrt(ss / len(v))
    return (v - mean) / sd


def mixed_ksg_psi(x, y, k):
    """Gao et al. 2017 Algorithm 1 with psi(N): coincident counts (itself included) where the k-th distance is 0."""
    n = len(x)
    dx, dy = cheb(x), cheb(y)
    dj = np.maximum(dx, dy)
    np.fill_diagonal(dj, np.inf)
    rho = np.sort(dj, axis=1)[:, k - 1]
    total = 0.0
    for i in range(n):
        if rho[i] == 0:
            kp = int(np.sum(dj[i] == 0)) + 1
            nx = int(np.sum(dx[i] <= 0))          # itself included (diagonal 0)
            ny = int(np.sum(dy[i] <= 0))
        else:
            kp = k
            nx = int(np.sum(dx[i] < rho[i]))      # itself included
            ny = int(np.sum(dy[i] < rho[i]))
        total += digamma(kp) - digamma(nx) - digamma(ny)
    return digamma(n) + total / n, int(np.sum(rho == 0))


def ross_gao(x, labels, k):
    """Ross 2014 (scikit-learn's _compute_mi_cd) with Gao's rule where the k-th same-label distance is 0."""
    n = len(x)
    d = cheb(x)
    total = 0.0
    zero = 0
    for i in range(n):
        same = labels == labels[i]
        nl = int(same.sum())
        kl = min(k, nl - 1)
        ds = np.sort(d[i][same & (np.arange(n) != i)])
        r = ds[kl - 1]
        if r == 0:
            zero += 1
            kk = int(np.sum(d[i][same] == 0))      # itself included
            m = int(np.sum(d[i] == 0))             # itself included
        else:
            kk = kl
            m = int(np.sum(d[i] < r))              # itself included
        total += digamma(kk) - digamma(nl) - digamma(m)
    return digamma(n) + total / n, zero


def ksg2_cmi_jidt(x, y, z, k):
    n = len(x)
    dx, dy, dz = cheb(x), cheb(y), cheb(z)
    dj = np.maximum(np.maximum(dx, dy), dz)
    np.fill_diagonal(dj, np.inf)
    idx = np.argsort(dj, axis=1, kind="stable")[:, :k]
    ex = np.take_along_axis(dx, idx, 1).max(1)
    ey = np.take_along_axis(dy, idx, 1).max(1)
    ez = np.take_along_axis(dz, idx, 1).max(1)
    for m in (dx, dy, dz):
        np.fill_diagonal(m, np.inf)
    nxz = ((dx <= ex[:, None]) & (dz <= ez[:, None])).sum(1)
    nyz = ((dy <= ey[:, None]) & (dz <= ez[:, None])).sum(1)
    nz = (dz <= ez[:, None]).sum(1)
    return digamma(k) - 2.0 / k + np.mean(digamma(nz) - digamma(nxz) + 1.0 / nxz - digamma(nyz) + 1.0 / nyz)


def rounded_truth(step):
    """MI of (step * round(X / step), step * round(Y / step)) for the standard bivariate normal with RHO."""
    mvn = multivariate_normal(mean=[0, 0], cov=[[1, RHO], [RHO, 1]])
    half = step / 2
    centres = np.arange(-8.0, 8.0 + step / 2, step)
    edges = np.concatenate([[-np.inf], centres[1:] - half, [np.inf]])
    g = len(edges)
    F = np.zeros((g, g))
    for a in range(g):
        for b in range(g):
            ea, eb = edges[a], edges[b]
            if ea == -np.inf or eb == -np.inf:
                F[a, b] = 0.0
            else:
                F[a, b] = mvn.cdf([min(ea, 40), min(eb, 40)])
    p = F[1:, 1:] - F[:-1, 1:] - F[1:, :-1] + F[:-1, :-1]
    p = np.clip(p, 0, None)   # cdf rounding can give -1e-17 in empty tail cells; they hold no mass
    p /= p.sum()
    px, py = p.sum(1), p.sum(0)
    nz = p > 0
    return float(np.sum(p[nz] * np.log(p[nz] / np.outer(px, py)[nz])))


def main():
    rng = np.random.default_rng(20261204)
    n = 2000
    xy = rng.multivariate_normal([0, 0], [[1, RHO], [RHO, 1]], size=n)
    x, y = xy[:, 0], xy[:, 1]
    x01, y01 = np.round(x, 1), np.round(y, 1)
    x05, y05 = np.round(2 * x) / 2, np.round(2 * y) / 2
    with open(os.path.join(DATA, "rounded_gaussian.csv"), "w") as f:
        f.write("x,y,x01,y01,x05,y05\n")
        for r in range(n):
            f.write(",".join(repr(float(v)) for v in (x[r], y[r], x01[r], y01[r], x05[r], y05[r])) + "\n")

    print("unrounded truth -ln(1-rho^2)/2 =", repr(-0.5 * np.log(1 - RHO ** 2)))
    for step in (0.1, 0.5):
        print(f"rounded truth step {step}:", repr(rounded_truth(step)))

    # KSG on standardised columns, as the C# default does: z-scoring keeps equal values equal.
    for name, a, b in (("x01,y01", x01, y01), ("x05,y05", x05, y05), ("x,y", x, y)):
        v, zero = mixed_ksg_psi(col(zs(a)), col(zs(b)), 3)
        print(f"mixed-ksg(psi N) k=3 on z-scored {name}:", repr(float(v)), "zero-radius points", zero)

    from scipy.stats import norm
    for step in (0.1, 0.5):
        c = np.arange(-10.0, 10.0 + step / 2, step)
        pm = norm.cdf(c + step / 2) - norm.cdf(c - step / 2)
        pm = pm[pm > 0] / pm.sum()
        print(f"h of N(0,1) rounded to {step} and spread uniformly over its cell: H + ln step =",
              repr(float(-np.sum(pm * np.log(pm)) + np.log(step))))
    print("h of N(0,1) = ln(2 pi e)/2 =", repr(0.5 * np.log(2 * np.pi * np.e)))
    # Two independent fair bits stored as reals, each of the 4 cells holding N/4 of N = 1000 points: every point sits
    # on 249 others, so every term is Gao's: psi(250) + psi(1000) - 2 psi(500).
    print("binary independent N=1000 balanced:", repr(float(digamma(250) + digamma(1000) - 2 * digamma(500))))

    label = (x > 0).astype(int) + (x > 1).astype(int)
    v, zero = ross_gao(col(zs(x05)), label, 3)
    print("ross-gao k=3 x05 vs label(x):", repr(float(v)), "zero-radius points", zero)

    ref = np.genfromtxt(os.path.join(DATA, "continuous_reference.csv"), delimiter=",", names=True)
    for k in (3, 4):
        v = ksg2_cmi_jidt(col(zs(ref["x1"])), col(zs(ref["y1"])), col(zs(ref["z"])), k)
        print(f"ksg2 cmi (JIDT Kraskov2 form) x1;y1|z k={k}:", repr(float(v)))
    v = ksg2_cmi_jidt(np.column_stack([zs(ref["x1"]), zs(ref["x2"])]), col(zs(ref["y1"])), col(zs(ref["z"])), 4)
    print("ksg2 cmi x1,x2;y1|z k=4:", repr(float(v)))
    v = ksg2_cmi_jidt(col(zs(ref["x2"])), col(zs(ref["y2"])), np.column_stack([zs(ref["z"]), zs(ref["x1"])]), 4)
    print("ksg2 cmi x2;y2|z,x1 k=4:", repr(float(v)))


if __name__ == "__main__":
    main()
