"""Reference values for tests/Shannon.Lab.Tests (analytic formulas evaluated with numpy/scipy).

Run: /usr/bin/python3 tools/reference/lab_experiments.py   (Debian python3, numpy 1.24, scipy 1.10)
"""
import numpy as np
from scipy.stats import entropy

def h2(p):
    return entropy([p, 1 - p], base=2)

print("uniform 100:", repr(np.log2(100)))
print("coin 0.1:", repr(h2(0.1)))
print("coin 0.99:", repr(h2(0.99)))
print("die:", repr(np.log2(6)))
print("card:", repr(np.log2(52)))
# KL between N(0,1) and N(1,2^2): ln(s2/s1) + (s1^2 + (m1-m2)^2)/(2 s2^2) - 1/2
kl = lambda m1, s1, m2, s2: np.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5
print("D(N(0,1)||N(1,4)) nats:", repr(kl(0, 1, 1, 2)))
print("D(N(1,4)||N(0,1)) nats:", repr(kl(1, 2, 0, 1)))
print("moment-matched sigma sqrt(0.6^2 + 2^2):", repr(np.sqrt(0.36 + 4)))
# Common cause: X, Y copies of a fair Z flipped w.p. 0.1 -> agree w.p. 0.82; I(X;Y) = 1 - h(0.18)
print("common cause I(X;Y) bits:", repr(1 - h2(0.18)))
# Venn table p(weather, umbrella)
p = np.array([[0.40, 0.05], [0.15, 0.10], [0.05, 0.25]])
hx = entropy(p.sum(1), base=2); hy = entropy(p.sum(0), base=2); hxy = entropy(p.ravel(), base=2)
print("venn H(X), H(Y), H(X,Y), I:", repr(hx), repr(hy), repr(hxy), repr(hx + hy - hxy))
# Key exercise: 3.2 nats
print("3.2 nats in bits:", repr(3.2 / np.log(2)))
print("perplexity e^3.2:", repr(np.exp(3.2)))
print("e^-3.2:", repr(np.exp(-3.2)))
print("bits per char at 4 chars/token:", repr(3.2 / np.log(2) / 4))
# Key exercise, the answer: room 3.2 - c nats per token at 1.0 nat per character
for c in range(1, 7):
    print("room at", c, "chars/token (nats, bits):", repr(3.2 - c), repr((3.2 - c) / np.log(2)))
# Surprise: Laplace's sunrise, rule of succession after n = 5000 * 365.25 sunrises
n = 5000 * 365.25
print("sunrise surprise bits:", repr(-np.log2((n + 1) / (n + 2))))
