#!/usr/bin/python3
"""Sampling spread of the k-NN estimators, for the tolerances of the analytic-truth tests.

Run with Debian's python3 (numpy 1.24.2, scipy 1.10.1):
    /usr/bin/python3 tools/reference/continuous_spread.py

For each case it draws R = 40 independent data sets (numpy.random.RandomState(1000 + seed)), applies the
brute-force estimators of continuous_reference.py (independent of the C# code) and prints the mean, the
standard deviation SD over the seeds and the bias mean - truth. The C# tests average their own R_cs seeds and
accept |mean_cs - truth| <= |bias| + 4 SD / sqrt(R_cs) + 4 SD / sqrt(R) (the second term: the uncertainty of the
bias estimate itself).
"""
import numpy as np
from continuous_reference import ksg1_brute, ksg2_brute, cmi_brute, kl_entropy_brute, zs

R = 40
def c1(v):
    return v.reshape(-1, 1)

def report(name, truth, values):
    v = np.array(values)
    print(f"{name}: truth={truth!r} mean={v.mean()!r} sd={v.std(ddof=1)!r} bias={v.mean() - truth!r}")

for rho in (0.0, 0.3, 0.6, 0.9, 0.99):
    truth = -0.5 * np.log(1 - rho ** 2)
    v1, v2 = [], []
    for s in range(R):
        r = np.random.RandomState(1000 + s)
        a = r.standard_normal(2000); b = rho * a + np.sqrt(1 - rho ** 2) * r.standard_normal(2000)
        v1.append(ksg1_brute(c1(zs(a)), c1(zs(b)), 3))
        v2.append(ksg2_brute(c1(zs(a)), c1(zs(b)), 3))
    report(f"ksg1 N=2000 k=3 rho={rho}", truth, v1)
    report(f"ksg2 N=2000 k=3 rho={rho}", truth, v2)

# Trivariate Gaussian: Z ~ N(0,1), X = Z + e1, Y = Z + 0.5 X + e2 with unit-variance noises.
# Cov: var X = 2, cov(X,Z) = 1; Y = 1.5 Z + 0.5 e1 + e2: var Y = 2.25 + 0.25 + 1 = 3.5, cov(X,Y) = 1.5 + 0.5 = 2, cov(Y,Z) = 1.5.
# Partial correlation of X, Y given Z: residuals X|Z = e1 (var 1), Y|Z = 0.5 e1 + e2 (var 1.25), cov 0.5.
rho_p = 0.5 / np.sqrt(1.25)
truth = -0.5 * np.log(1 - rho_p ** 2)
vals = []
for s in range(R):
    r = np.random.RandomState(1000 + s)
    zz = r.standard_normal(1500); x = zz + r.standard_normal(1500); y = zz + 0.5 * x + r.standard_normal(1500)
    vals.append(cmi_brute(c1(zs(x)), c1(zs(y)), c1(zs(zz)), 3))
report("cmi N=1500 k=3 trivariate", truth, vals)

for norm in ("max", "euclid"):
    u, g, g2 = [], [], []
    for s in range(R):
        r = np.random.RandomState(1000 + s)
        u.append(kl_entropy_brute(c1(r.uniform(size=1000)), 3, norm))
        g.append(kl_entropy_brute(c1(r.standard_normal(1000)), 3, norm))
        g2.append(kl_entropy_brute(r.standard_normal((1000, 2)), 3, norm))
    report(f"kl uniform N=1000 k=3 {norm}", 0.0, u)
    report(f"kl gaussian N=1000 k=3 {norm}", 0.5 * np.log(2 * np.pi * np.e), g)
    report(f"kl gaussian2d N=1000 k=3 {norm}", np.log(2 * np.pi * np.e), g2)
