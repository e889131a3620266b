"""Reference for the information-plane data set (Shannon.Lab.Models.InformationPlaneData).

12 bits on the 12 vertices of an icosahedron, vertex order: for a in (-1, 1), for b in (-phi, phi):
(0, a, b), (a, b, 0), (b, 0, a); bit i of the pattern n (x_i = (n >> i) & 1) sits on vertex i; s_i = 2 x_i - 1.
Q(s) = sum_{i<j} s_i s_j [P1(c_ij) + P2(c_ij)], c_ij = cos(angle between vertices i and j), P1(c) = c,
P2(c) = (3c^2 - 1)/2. Label y = 1 iff Q(s) > -0.1.

Run: /usr/bin/python3 tools/reference/bottleneck_labels.py   (Debian python3, numpy 1.24)
"""
import itertools
import numpy as np

phi = (1 + 5 ** 0.5) / 2
V = []
for a in (-1, 1):
    for b in (-phi, phi):
        V += [(0, a, b), (a, b, 0), (b, 0, a)]
V = np.array(V, float)
V /= np.linalg.norm(V, axis=1)[:, None]
C = V @ V.T
W = C + (3 * C ** 2 - 1) / 2
np.fill_diagonal(W, 0)
n = np.arange(4096)
X = (n[:, None] >> np.arange(12)[None, :]) & 1
S = 2 * X - 1
Q = np.einsum("ni,ij,nj->n", S, W, S) / 2
y = (Q > -0.1).astype(int)
print("positives:", int(y.sum()), "of 4096")
print("labels of patterns 0..15:", y[:16].tolist())
print("labels of patterns 4080..4095:", y[4080:].tolist())
# H(Y) in bits
p = y.mean()
print("H(Y) bits:", repr(-(p * np.log2(p) + (1 - p) * np.log2(1 - p))))
