"""Reference values for the Miller-Madow MI of a sparse count table (tests/Shannon.Lab.Tests/Language/EmbeddingAndProbeTests.cs;
the language experiment computes it with DiscreteInformation.MutualInformation and MillerMadowEntropyEstimator).

Miller-Madow entropy H_MM = H_plugin + (m - 1) / (2 N) nats (m = occupied bins), and
I(A;B) = H_MM(A) + H_MM(B) - H_MM(A,B), H(B|A) = H_MM(A,B) - H_MM(A), from a small (a, b) count table.
Run: /usr/bin/python3 tools/reference/language_miller_madow.py   (numpy 1.24, scipy 1.10)
"""
import numpy as np
from scipy.stats import entropy

# rows a = 0..2, columns b = 0..3
COUNTS = np.array([[30, 5, 0, 1],
                   [2, 40, 7, 0],
                   [0, 3, 9, 25]], dtype=float)


def mm(counts):
    counts = counts[counts > 0]
    n = counts.sum()
    return entropy(counts) + (len(counts) - 1) / (2 * n)


ha = mm(COUNTS.sum(axis=1))
hb = mm(COUNTS.sum(axis=0))
hab = mm(COUNTS.ravel())
print("I_MM(A;B) =", repr(ha + hb - hab))
print("H_MM(B)   =", repr(hb))
print("H_MM(B|A) =", repr(hab - ha))
