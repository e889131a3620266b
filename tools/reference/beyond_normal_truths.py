"""Closed-form and Monte Carlo truths of the Beyond-Normal tasks (Czyz et al., NeurIPS 2023).

Run with Debian's python: /usr/bin/python3 tools/reference/beyond_normal_truths.py
(numpy 1.24, scipy 1.10.1). The test MutualInformationTaskTests quotes the printed values.

- Gaussian: I = 1/2 (ln det C_XX + ln det C_YY - ln det C), numpy.linalg.slogdet.
- Student-t (identity dispersion): the closed form of Arellano-Valle et al. 2013 via scipy.special, and an
  independent Monte Carlo check E[ln p(x,y) - ln p(x) - ln p(y)] with scipy.stats.multivariate_t.logpdf.
- Additive uniform: h(Y) - ln(2 eps) with h(Y) by scipy.integrate.quad over the trapezoidal density.
"""
import numpy as np
from scipy import integrate, special, stats


def gauss(c, dx):
    s = lambda m: np.linalg.slogdet(m)[1]
    return 0.5 * (s(c[:dx, :dx]) + s(c[dx:, dx:]) - s(c))


def dense(dx, dy, r):
    d = dx + dy
    return np.eye(d) * (1 - r) + r


def sparse(dx, dy, k=2, r=0.8):
    c = np.eye(dx + dy)
    for i in range(k):
        c[i, dx + i] = c[dx + i, i] = r
    return c


def t_closed(nu, dx, dy):
    c = lambda d: special.gammaln(nu / 2) - special.gammaln((nu + d) / 2) + (nu + d) / 2 * (special.digamma((nu + d) / 2) - special.digamma(nu / 2))
    return c(dx) + c(dy) - c(dx + dy)


def t_monte_carlo(nu, dx, dy, n=400000, seed=1):
    rng = np.random.default_rng(seed)
    d = dx + dy
    joint = stats.multivariate_t(loc=np.zeros(d), shape=np.eye(d), df=nu)
    z = joint.rvs(size=n, random_state=rng).reshape(n, d)
    px = stats.multivariate_t(loc=np.zeros(dx), shape=np.eye(dx), df=nu)
    py = stats.multivariate_t(loc=np.zeros(dy), shape=np.eye(dy), df=nu)
    v = joint.logpdf(z) - px.logpdf(z[:, :dx]) - py.logpdf(z[:, dx:])
    return v.mean(), v.std() / np.sqrt(n)


def additive(eps):
    def p(y):
        return (min(y + eps, 1.0) - max(y - eps, 0.0)) / (2 * eps) if -eps < y < 1 + eps else 0.0
    pts = sorted({-eps, eps, 1 - eps, 1 + eps})
    h = sum(integrate.quad(lambda y: -p(y) * np.log(p(y)) if p(y) > 0 else 0.0, a, b, limit=200)[0] for a, b in zip(pts, pts[1:]))
    return h - np.log(2 * eps)


print("normal-dense 1x1 rho .75", gauss(dense(1, 1, 0.75), 1))
for d in (2, 5, 25):
    print(f"normal-dense {d}x{d} r .5", gauss(dense(d, d, 0.5), d))
for d in (3, 5, 25):
    print(f"normal-sparse {d}x{d}", gauss(sparse(d, d), d))
for d, nu in ((1, 1), (2, 2), (3, 2), (5, 2)):
    print(f"student-t {d}x{d} nu={nu} closed", t_closed(nu, d, d), "monte carlo", t_monte_carlo(nu, d, d))
for eps in (0.1, 0.75):
    print(f"additive eps={eps}", additive(eps))
