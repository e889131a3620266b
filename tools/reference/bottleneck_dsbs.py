"""Reference values for the information bottleneck on the doubly symmetric binary source (DSBS).

X ~ Bernoulli(1/2), Y = X xor Bernoulli(p). The IB curve (Mrs. Gerber's lemma; Witsenhausen & Wyner 1975;
Tishby, Pereira & Bialek 1999) is I(T;Y) = 1 - h(p * h^-1(1 - I(X;T))) bits, a * b = a(1-b) + b(1-a), reached
by T = X xor Bernoulli(q). The critical beta is 1/(1-2p)^2, I(X;Y) = 1 - h(p).

Run: /usr/bin/python3 tools/reference/bottleneck_dsbs.py   (Debian python3, scipy 1.10)
"""
import numpy as np
from scipy.optimize import brentq

p = 0.1
h = lambda q: 0.0 if q in (0.0, 1.0) else -q * np.log2(q) - (1 - q) * np.log2(1 - q)
hinv = lambda v: 0.0 if v <= 0 else (0.5 if v >= 1 else brentq(lambda q: h(q) - v, 0.0, 0.5, xtol=1e-15))
star = lambda a, b: a * (1 - b) + b * (1 - a)
curve = lambda ixt: 1 - h(star(p, hinv(1 - ixt)))
print("critical beta 1/(1-2p)^2 =", repr(1 / (1 - 2 * p) ** 2))
print("I(X;Y) = 1 - h(p) =", repr(1 - h(p)))
for ixt in (0.1, 0.25, 0.5, 0.75, 0.9):
    print(f"I(X;T) = {ixt}: I(T;Y) = {curve(ixt)!r}")
