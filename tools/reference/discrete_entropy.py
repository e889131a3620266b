#!/usr/bin/python3
"""Reference values for Shannon's discrete entropy estimators, written from the papers' formulas and R's `entropy`
package conventions (version 1.3.1: K counts empty bins), independently of the C# code.

Run with Debian's python3 (numpy 1.24, scipy 1.10):  /usr/bin/python3 tools/reference/discrete_entropy.py
Prints, for each count vector, each estimator's value in nats (repr, 17 significant digits).
"""
import numpy as np
from scipy.special import digamma, polygamma, gammaln
from scipy.integrate import quad
from scipy.optimize import brentq

VECTORS = {
    "singletons": [1] * 10,
    "single_bin": [10, 0, 0, 0],
    "many_zeros": [3, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1],
    "zipf": [1000 // r for r in range(1, 31)],
}


def plugin(y):  # R entropy.empirical / entropy.plugin
    y = np.asarray(y, float); p = y[y > 0] / y.sum()
    return -np.sum(p * np.log(p))


def miller_madow(y):  # R entropy.MillerMadow: H_ML + (m - 1)/(2n), m = occupied bins
    y = np.asarray(y, float)
    return plugin(y) + (np.sum(y > 0) - 1) / (2 * y.sum())


def chao_shen(y):  # R entropy.ChaoShen (Chao & Shen 2003)
    y = np.asarray(y, float); yx = y[y > 0]; n = yx.sum(); p = yx / n
    f1 = np.sum(yx == 1)
    if f1 == n:
        f1 = n - 1
    C = 1 - f1 / n
    pa = C * p
    la = 1 - (1 - pa) ** n
    return -np.sum(pa * np.log(pa) / la)


def james_stein(y):  # R entropy.shrink / freqs.shrink (Hausser & Strimmer 2009, eq. 5), target 1/length(y)
    y = np.asarray(y, float); n = y.sum(); u = y / n; t = 1 / len(y)
    if n in (0, 1):
        lam = 1.0
    else:
        varu = u * (1 - u) / (n - 1)
        msp = np.sum((u - t) ** 2)
        lam = 1.0 if msp == 0 else min(1.0, max(0.0, varu.sum() / msp))
    ps = lam * t + (1 - lam) * u
    ps = ps[ps > 0]
    return -np.sum(ps * np.log(ps)), lam


def dirichlet(y, a):  # R entropy.Dirichlet: plug-in of (y + a)/(n + K a)
    y = np.asarray(y, float); ya = y + a
    return plugin(ya)


def grassberger(y):  # Grassberger 2003, eq. 35
    y = np.asarray(y, float); yx = y[y > 0]; n = yx.sum()
    G = digamma(yx) + 0.5 * (-1.0) ** yx * (digamma((yx + 1) / 2) - digamma(yx / 2))
    return np.log(n) - np.sum(yx * G) / n


def nsb(y):
    """NSB (Nemenman, Shafee & Bialek 2002): integrate over xi = E[H | beta] in (0, ln K) with a uniform prior,
    beta(xi) found by root finding (the C# code integrates over ln beta instead). Returns (mean, std) in nats.
    E[H^2 | n, beta] is computed with an explicit double loop over i != k (Wolpert & Wolf 1995)."""
    y = np.asarray(y, float); K = len(y); N = y.sum()

    def xi(b):
        return digamma(K * b + 1) - digamma(b + 1)

    def beta_of(x):
        f = lambda t: xi(np.exp(t)) - x
        if f(40.0) <= 0:  # xi within rounding of ln K: beta beyond e^40 (negligible posterior weight)
            return np.exp(40.0)
        if f(-60.0) >= 0:
            return np.exp(-60.0)
        return np.exp(brentq(f, -60, 40, xtol=1e-14, rtol=1e-15))

    def loglik(b):
        return gammaln(K * b) - gammaln(N + K * b) + np.sum(gammaln(y + b) - gammaln(b))

    def moments(b):
        a = y + b; kap = N + K * b
        m1 = digamma(kap + 1) - np.sum(a / kap * digamma(a + 1))
        J = digamma(a + 1) - digamma(kap + 2)
        s = 0.0
        for i in range(K):
            for k in range(K):
                if i != k:
                    s += a[i] * a[k] * (J[i] * J[k] - polygamma(1, kap + 2))
        s += np.sum(a * (a + 1) * ((digamma(a + 2) - digamma(kap + 2)) ** 2 + polygamma(1, a + 2) - polygamma(1, kap + 2)))
        return m1, s / (kap * (kap + 1))

    hmax = np.log(K)
    grid = np.linspace(1e-9, hmax - 1e-9, 2001)
    ll = np.array([loglik(beta_of(x)) for x in grid])
    lmax = ll.max()
    peak = grid[np.argmax(ll)]

    def integrand(x, which):
        b = beta_of(x)
        w = np.exp(loglik(b) - lmax)
        if which == 0:
            return w
        m1, m2 = moments(b)
        return w * (m1 if which == 1 else m2)

    pts = [peak]
    parts = [quad(integrand, 0, hmax, args=(j,), points=pts, limit=2000, epsabs=0, epsrel=1e-13)[0] for j in range(3)]
    mean = parts[1] / parts[0]
    return mean, np.sqrt(parts[2] / parts[0] - mean ** 2)


def check_second_moment_by_monte_carlo():
    """Sanity check of the E[H^2 | n, beta] formula: sample Dirichlet(n + beta) and compare."""
    rng = np.random.default_rng(1)
    y = np.array([3, 0, 1, 5, 2.0]); b = 0.7
    p = rng.dirichlet(y + b, size=400000)
    h = -np.sum(np.where(p > 0, p * np.log(p), 0), axis=1)
    a = y + b; kap = a.sum(); K = len(y)
    J = digamma(a + 1) - digamma(kap + 2)
    s = sum(a[i] * a[k] * (J[i] * J[k] - polygamma(1, kap + 2)) for i in range(K) for k in range(K) if i != k)
    s += np.sum(a * (a + 1) * ((digamma(a + 2) - digamma(kap + 2)) ** 2 + polygamma(1, a + 2) - polygamma(1, kap + 2)))
    s /= kap * (kap + 1)
    assert abs(np.mean(h ** 2) - s) < 5 * np.std(h ** 2) / np.sqrt(len(h)), (np.mean(h ** 2), s)


if __name__ == "__main__":
    check_second_moment_by_monte_carlo()
    for name, y in VECTORS.items():
        K = len(y); N = sum(y)
        js, lam = james_stein(y)
        m, sd = nsb(y)
        print(f"{name}: K={K} N={N}")
        print(f"  plugin       {plugin(y)!r}")
        print(f"  miller-madow {miller_madow(y)!r}")
        print(f"  chao-shen    {chao_shen(y)!r}")
        print(f"  james-stein  {js!r} lambda {lam!r}")
        print(f"  grassberger  {grassberger(y)!r}")
        print(f"  jeffreys     {dirichlet(y, 0.5)!r}")
        print(f"  laplace      {dirichlet(y, 1.0)!r}")
        print(f"  perks        {dirichlet(y, 1.0 / K)!r}")
        print(f"  minimax      {dirichlet(y, np.sqrt(N) / K)!r}")
        print(f"  nsb          {m!r} std {sd!r}")
