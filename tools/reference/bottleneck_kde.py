"""Reference values for the KDE upper bound of Kolchinsky & Tracey (2017, eq. 10) on a fixed synthetic layer.

A layer T with noise T + N(0, s2 I): H(T+N) <= -mean_i log mean_j exp(-|t_i - t_j|^2 / (2 s2)) + (d/2) log(2 pi e s2),
and H(T+N | X) = (d/2) log(2 pi e s2), so I(X; T+N) <= -mean_i log mean_j K_ij; I(T+N; Y) is bounded the same way as
H(T+N) - sum_y p(y) H(T+N | y), each entropy over its class. Results in bits, computed in double precision with
scipy.special.logsumexp. The data: n = 300 samples, d = 3 units, t[u][i] = 0.05 sin(0.37 (u + 1) i + u),
labels 1 where t[0][i] > 0, else 0; s2 = 1e-3 (Saxe et al. 2018).

Run: /usr/bin/python3 tools/reference/bottleneck_kde.py   (Debian python3, numpy 1.24, scipy 1.10)
"""
import numpy as np
from scipy.special import logsumexp

n, d, s2 = 300, 3, 1e-3
i = np.arange(n)
t = np.stack([0.05 * np.sin(0.37 * (u + 1) * i + u) for u in range(d)], axis=1)
y = (t[:, 0] > 0).astype(int)
d2 = ((t[:, None, :] - t[None, :, :]) ** 2).sum(axis=2)
logk = -d2 / (2 * s2)


def bound(rows, cols):
    return -np.mean(logsumexp(logk[np.ix_(rows, cols)], axis=1) - np.log(len(cols)))


h_t = bound(i, i)
h_t_given_y = sum(np.sum(y == c) / n * bound(i[y == c], i[y == c]) for c in (0, 1))
print("I(X;T) bits =", repr(h_t / np.log(2)))
print("I(T;Y) bits =", repr((h_t - h_t_given_y) / np.log(2)))
