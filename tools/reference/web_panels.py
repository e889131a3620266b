"""Reference values for the explorer's API tests (tests/Shannon.Web.Tests/ApiReferenceTests.cs).

Run with Debian's python3 (numpy 1.24, scipy 1.10):  /usr/bin/python3 tools/reference/web_panels.py
"""
import numpy as np
from scipy import integrate, special, stats

# Panel 1, coin p = 0.3: H(p) and the surprisals, in bits.
p = 0.3
print("coin H(0.3) bits", repr(stats.entropy([p, 1 - p], base=2)))
print("coin -log2 0.3", repr(-np.log2(p)), "-log2 0.7", repr(-np.log2(1 - p)))

# Panel 2: D(P||Q), D(Q||P) for P = N(0, 1), Q = N(1.5, 2^2), in bits, by numerical integration (scipy.integrate.quad).
P, Q = stats.norm(0, 1), stats.norm(1.5, 2)
kl = lambda a, b: integrate.quad(lambda x: a.pdf(x) * (a.logpdf(x) - b.logpdf(x)), -40, 40, epsabs=1e-13, epsrel=1e-13, limit=200)[0] / np.log(2)
print("gauss D(P||Q) bits", repr(kl(P, Q)), "D(Q||P) bits", repr(kl(Q, P)))

# Panel 3: I(X;Y) of a bivariate normal with rho = 0.6, in bits.
print("corr I(0.6) bits", repr(-0.5 * np.log2(1 - 0.6 ** 2)))

# Panel 4: entropy of softmax(z / T) of the panel's logits, in bits, T = 1 and T = 0.5.
z = np.array([3, 2, 1.5, 1, 0.5, 0, -0.5, -1])
for t in (1.0, 0.5):
    print("temp T", t, "H bits", repr(stats.entropy(special.softmax(z / t), base=2)))

# Panel 6: a 3x3 table of weights (normalised): H(X), H(Y), H(X,Y), I(X;Y) in bits.
w = np.array([[2, 1, 0], [1, 3, 1], [0, 1, 4]], dtype=float)
pxy = w / w.sum()
hx, hy, hxy = stats.entropy(pxy.sum(1), base=2), stats.entropy(pxy.sum(0), base=2), stats.entropy(pxy.ravel(), base=2)
print("venn3 H(X)", repr(hx), "H(Y)", repr(hy), "H(X,Y)", repr(hxy), "I", repr(hx + hy - hxy))

# Venn layout: two unit circles one radius apart overlap in a lens of area 2*pi/3 - sqrt(3)/2.
print("lens r=1 d=1", repr(2 * np.pi / 3 - np.sqrt(3) / 2))
