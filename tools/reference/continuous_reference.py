#!/usr/bin/python3
"""Reference values for tests/Shannon.Tests/Continuous.

Run with Debian's python3 (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1):
    /usr/bin/python3 tools/reference/continuous_reference.py

1. Writes tests/Shannon.Tests/Continuous/data/continuous_reference.csv: N = 800 rows of columns
   x1, x2, y1, y2, z, label drawn with numpy.random.RandomState(20261130) (values written with repr, so
   C# reads back the exact doubles).
2. Prints the external reference values the C# tests hold as literals:
   - scikit-learn 1.2.1 `sklearn.feature_selection._mutual_info._compute_mi_cc(x, y, n_neighbors)`: KSG
     algorithm 1, max-norm, no scaling, no noise, result clipped at 0 (the data chosen give positive MI).
   - the same on numpy z-scored columns (x - mean) / std (ddof = 0).
   - `mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=3, random_state=0)` (scales without centring
     and adds 1e-10-relative noise; the values match the noise-free estimate unless noise moves a count).
   - `_compute_mi_cd(c, d, n_neighbors)` (Ross 2014 mixed estimator, Euclidean = max norm in 1-D).
   - independent brute-force O(N^2) numpy/scipy implementations (written here from the papers, not from the
     C# code) of KSG algorithm 2, multivariate KSG 1, Frenzel-Pompe CMI, Kozachenko-Leonenko entropy,
     the Wang-Kulkarni-Verdu k-NN KL divergence, histogram MI with numpy.histogram_bin_edges, Gaussian MI and
     Ince et al.'s Gaussian-copula MI (gcmi's mi_gg with bias correction and copnorm).
"""
import os
import numpy as np
from scipy.special import digamma, ndtri, gammaln
from sklearn.feature_selection import mutual_info_regression
from sklearn.feature_selection._mutual_info import _compute_mi_cc, _compute_mi_cd

HERE = os.path.dirname(os.path.abspath(__file__))
CSV = os.path.join(HERE, "..", "..", "tests", "Shannon.Tests", "Continuous", "data", "continuous_reference.csv")

rng = np.random.RandomState(20261130)
N = 800
x1 = rng.standard_normal(N)
x2 = 0.5 * x1 + rng.standard_normal(N)
y1 = 0.6 * x1 + 0.8 * rng.standard_normal(N)
y2 = 100.0 * (0.3 * x2 + rng.standard_normal(N))          # a different scale on purpose
z = 0.7 * x1 + 0.7 * rng.standard_normal(N)
label = (x1 > -0.4).astype(int) + (x1 > 0.6).astype(int)    # 3 classes depending on x1
os.makedirs(os.path.dirname(CSV), exist_ok=True)
with open(CSV, "w") as f:
    f.write("x1,x2,y1,y2,z,label\n")
    for r in range(N):
        f.write(",".join(repr(float(v)) for v in (x1[r], x2[r], y1[r], y2[r], z[r])) + f",{label[r]}\n")

def zs(v):
    return (v - v.mean()) / v.std()

def cheb(a):
    """Pairwise max-norm distances of the rows of a (N x d)."""
    return np.max(np.abs(a[:, None, :] - a[None, :, :]), axis=2)

def ksg1_brute(x, y, k):
    n = len(x)
    dj = np.maximum(cheb(x), cheb(y))
    np.fill_diagonal(dj, np.inf)
    eps = np.sort(dj, axis=1)[:, k - 1]
    dx, dy = cheb(x), cheb(y)
    np.fill_diagonal(dx, np.inf); np.fill_diagonal(dy, np.inf)
    nx = (dx < eps[:, None]).sum(1); ny = (dy < eps[:, None]).sum(1)
    return digamma(k) + digamma(n) - np.mean(digamma(nx + 1) + digamma(ny + 1))

def ksg2_brute(x, y, k):
    n = len(x)
    dx, dy = cheb(x), cheb(y)
    dj = np.maximum(dx, dy)
    np.fill_diagonal(dj, np.inf)
    idx = np.argsort(dj, axis=1, kind="stable")[:, :k]
    ex = np.take_along_axis(dx, idx, 1).max(1); ey = np.take_along_axis(dy, idx, 1).max(1)
    np.fill_diagonal(dx, np.inf); np.fill_diagonal(dy, np.inf)
    nx = (dx <= ex[:, None]).sum(1); ny = (dy <= ey[:, None]).sum(1)
    return digamma(k) - 1.0 / k + digamma(n) - np.mean(digamma(nx) + digamma(ny))

def cmi_brute(x, y, zz, k):
    dx, dy, dz = cheb(x), cheb(y), cheb(zz)
    dj = np.maximum(np.maximum(dx, dy), dz)
    np.fill_diagonal(dj, np.inf)
    eps = np.sort(dj, axis=1)[:, k - 1]
    dxz, dyz = np.maximum(dx, dz), np.maximum(dy, dz)
    for m in (dxz, dyz, dz):
        np.fill_diagonal(m, np.inf)
    nxz = (dxz < eps[:, None]).sum(1); nyz = (dyz < eps[:, None]).sum(1); nz = (dz < eps[:, None]).sum(1)
    return digamma(k) - np.mean(digamma(nxz + 1) + digamma(nyz + 1) - digamma(nz + 1))

def dist(a, b, norm):
    diff = np.abs(a[:, None, :] - b[None, :, :])
    return diff.max(2) if norm == "max" else np.sqrt((diff ** 2).sum(2))

def kl_entropy_brute(x, k, norm):
    n, d = x.shape
    dd = dist(x, x, norm)
    np.fill_diagonal(dd, np.inf)
    r = np.sort(dd, axis=1)[:, k - 1]
    logv = d * np.log(2.0) if norm == "max" else (d / 2.0) * np.log(np.pi) - gammaln(d / 2.0 + 1)
    return digamma(n) - digamma(k) + logv + d * np.mean(np.log(r))

def wkv_brute(p, q, k, norm):
    n, d = p.shape
    m = q.shape[0]
    dpp = dist(p, p, norm)
    np.fill_diagonal(dpp, np.inf)
    rho = np.sort(dpp, axis=1)[:, k - 1]
    nu = np.sort(dist(p, q, norm), axis=1)[:, k - 1]
    return d * np.mean(np.log(nu / rho)) + np.log(m / (n - 1.0))

def plugin_mi(a, b, ea, eb):
    c, _, _ = np.histogram2d(a, b, bins=[ea, eb])
    p = c / c.sum()
    px, py = p.sum(1), p.sum(0)
    nz = p > 0
    return float(np.sum(p[nz] * np.log(p[nz] / np.outer(px, py)[nz])))

def hist_entropy(a, e):
    c, _ = np.histogram(a, bins=e)
    p = c / c.sum(); w = np.diff(e)
    nz = p > 0
    return float(-np.sum(p[nz] * np.log(p[nz] / w[nz])))

def copnorm(v):
    r = np.argsort(np.argsort(v)).astype(float) + 1.0
    return ndtri(r / (len(v) + 1.0))

def gaussian_mi(xm, ym, biascorrect):
    """Ince et al. 2017 (gcmi mi_gg) in nats; rows are variables."""
    nx, ny = xm.shape[0], ym.shape[0]
    nxy = nx + ny
    ntrl = xm.shape[1]
    xy = np.vstack((xm, ym))
    xy = xy - xy.mean(axis=1)[:, None]
    c = np.dot(xy, xy.T) / float(ntrl - 1)
    hx = np.sum(np.log(np.diag(np.linalg.cholesky(c[:nx, :nx]))))
    hy = np.sum(np.log(np.diag(np.linalg.cholesky(c[nx:, nx:]))))
    hxy = np.sum(np.log(np.diag(np.linalg.cholesky(c))))
    if biascorrect:
        psiterms = digamma((ntrl - np.arange(1, nxy + 1)).astype(float) / 2.0) / 2.0
        dterm = (np.log(2.0) - np.log(ntrl - 1.0)) / 2.0
        hx = hx - nx * dterm - psiterms[:nx].sum()
        hy = hy - ny * dterm - psiterms[:ny].sum()
        hxy = hxy - nxy * dterm - psiterms[:nxy].sum()
    return hx + hy - hxy

c1 = lambda v: v.reshape(-1, 1)
X2 = np.column_stack((x1, x2)); Y2 = np.column_stack((y1, y2))
print("# sklearn 1.2.1 _compute_mi_cc(x1, y1, k), raw data (nats)")
for k in (1, 3, 5):
    print(f"ksg1_sklearn_raw_k{k} = {_compute_mi_cc(x1, y1, k)!r}")
print("# sklearn 1.2.1 _compute_mi_cc(zs(a), zs(b), k) on numpy z-scored columns (nats)")
for k in (3, 4):
    print(f"ksg1_sklearn_z_x1y1_k{k} = {_compute_mi_cc(zs(x1), zs(y1), k)!r}")
print(f"ksg1_sklearn_z_x2y2_k4 = {_compute_mi_cc(zs(x2), zs(y2), 4)!r}")
print(f"mi_regression_x1y1_k3 = {mutual_info_regression(c1(x1), y1, n_neighbors=3, random_state=0)[0]!r}")
print(f"mi_cd_x1_label_k3 = {_compute_mi_cd(x1, label, 3)!r}")
print("# brute force (nats)")
print(f"ksg1_brute_raw_x1y1_k3 = {ksg1_brute(c1(x1), c1(y1), 3)!r}")
Xz = np.column_stack((zs(x1), zs(x2))); Yz = np.column_stack((zs(y1), zs(y2)))
print(f"ksg1_brute_z_X2Y2_k3 = {ksg1_brute(Xz, Yz, 3)!r}")
print(f"ksg2_brute_z_X2Y2_k3 = {ksg2_brute(Xz, Yz, 3)!r}")
print(f"ksg2_brute_z_x1y1_k4 = {ksg2_brute(c1(zs(x1)), c1(zs(y1)), 4)!r}")
print(f"cmi_brute_z_x1y1_given_z_k3 = {cmi_brute(c1(zs(x1)), c1(zs(y1)), c1(zs(z)), 3)!r}")
print(f"cmi_brute_z_x2y2_given_z_k4 = {cmi_brute(c1(zs(x2)), c1(zs(y2)), c1(zs(z)), 4)!r}")
print(f"kl_entropy_x1_k3_max = {kl_entropy_brute(c1(x1), 3, 'max')!r}")
print(f"kl_entropy_X2_k3_max = {kl_entropy_brute(X2, 3, 'max')!r}")
print(f"kl_entropy_X2_k3_euclid = {kl_entropy_brute(X2, 3, 'euclid')!r}")
P = np.column_stack((x1[:400], x2[:400])); Q = np.column_stack((y1[400:], z[400:]))
print(f"wkv_P_Q_k3_max = {wkv_brute(P, Q, 3, 'max')!r}")
print(f"wkv_P_Q_k3_euclid = {wkv_brute(P, Q, 3, 'euclid')!r}")
print("# numpy.histogram_bin_edges rules, plug-in MI of x1, y1 and histogram entropy of x1 (nats)")
for rule in ("fd", "scott", "sturges"):
    ea, eb = np.histogram_bin_edges(x1, bins=rule), np.histogram_bin_edges(y1, bins=rule)
    print(f"binned_mi_{rule} = {plugin_mi(x1, y1, ea, eb)!r}  # bins {len(ea) - 1} x {len(eb) - 1}")
    print(f"binned_h_{rule} = {hist_entropy(x1, ea)!r}")
ea, eb = np.histogram_bin_edges(x1, bins=10), np.histogram_bin_edges(y1, bins=10)
print(f"binned_mi_equalwidth10 = {plugin_mi(x1, y1, ea, eb)!r}")
print(f"binned_h_equalwidth10 = {hist_entropy(x1, ea)!r}")
print("# Gaussian MI (sample covariance) and Ince et al. 2017 GC-MI with bias correction (nats)")
print(f"gaussian_mi_x1y1 = {gaussian_mi(x1[None, :], y1[None, :], False)!r}")
print(f"gaussian_mi_X2Y2 = {gaussian_mi(X2.T, Y2.T, False)!r}")
print(f"gcmi_x1y1 = {gaussian_mi(copnorm(x1)[None, :], copnorm(y1)[None, :], True)!r}")
print(f"gcmi_X2Y2 = {gaussian_mi(np.vstack((copnorm(x1), copnorm(x2))), np.vstack((copnorm(y1), copnorm(y2))), True)!r}")
