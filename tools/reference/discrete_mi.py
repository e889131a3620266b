#!/usr/bin/python3
"""Reference values for Shannon's label-column MI, NMI, AMI, joint-entropy MI with every estimator, and CMI.

Run with Debian's python3 (python3-sklearn 1.2.1, numpy 1.24, scipy 1.10):
    /usr/bin/python3 tools/reference/discrete_mi.py
scikit-learn calls: mutual_info_score(x, y) (nats), normalized_mutual_info_score(x, y, average_method=M),
adjusted_mutual_info_score(x, y, average_method=M). "joint" NMI is mutual_info_score / plug-in H(X,Y) (not in sklearn).
MI with estimator E is H_E(X) + H_E(Y) - H_E(X,Y) where the joint alphabet is the full kx*ky contingency table
(empty cells included), with the entropy functions of discrete_entropy.py (written from the papers).
"""
import numpy as np
from sklearn.metrics import mutual_info_score, normalized_mutual_info_score, adjusted_mutual_info_score
from discrete_entropy import plugin, miller_madow, chao_shen, james_stein, grassberger, dirichlet, nsb


def labels():
    i = np.arange(60)
    fx = (i * 7 + 3) % 5
    fy = (fx + (i * i) % 3) % 4
    j = np.arange(200)
    return {
        "formula": (fx, fy),
        "identical": (np.array([0, 0, 1, 1, 2, 2, 3, 3]), np.array([0, 0, 1, 1, 2, 2, 3, 3])),
        "singletons": (np.arange(10), np.arange(10) % 2),
        "constant_x": (np.zeros(8, int), np.arange(8) % 4),
        "zipf": (np.floor(np.log2(j + 1)).astype(int), j % 3),
    }


ESTIMATORS = {
    "plugin": plugin,
    "miller-madow": miller_madow,
    "chao-shen": chao_shen,
    "james-stein": lambda y: james_stein(y)[0],
    "grassberger": grassberger,
    "jeffreys": lambda y: dirichlet(y, 0.5),
    "laplace": lambda y: dirichlet(y, 1.0),
    "perks": lambda y: dirichlet(y, 1.0 / len(y)),
    "minimax": lambda y: dirichlet(y, np.sqrt(np.sum(y)) / len(y)),
    "nsb": lambda y: nsb(y)[0],
}


def table(*cols):
    """Dense count table over the observed levels of each column (empty combinations included), flattened."""
    codes = [np.unique(c, return_inverse=True) for c in cols]
    shape = [len(u) for u, _ in codes]
    t = np.zeros(shape, int)
    np.add.at(t, tuple(inv for _, inv in codes), 1)
    return t


def mi_with(h, x, y):
    t = table(x, y)
    return h(t.sum(axis=1)) + h(t.sum(axis=0)) - h(t.ravel())


def cmi_with(h, x, y, z):
    t = table(x, y, z)
    return h(t.sum(axis=1).ravel()) + h(t.sum(axis=0).ravel()) - h(t.ravel()) - h(t.sum(axis=(0, 1)))


if __name__ == "__main__":
    for name, (x, y) in labels().items():
        print(f"{name}:")
        print(f"  mutual_info_score {mutual_info_score(x, y)!r}")
        for m in ["arithmetic", "geometric", "min", "max"]:
            print(f"  nmi {m} {normalized_mutual_info_score(x, y, average_method=m)!r}")
        t = table(x, y).ravel()
        mi = mutual_info_score(x, y)
        print(f"  nmi joint {(1.0 if len(np.unique(x)) == len(np.unique(y)) == 1 else (0.0 if mi == 0 else mi / plugin(t)))!r}")
        for m in ["arithmetic", "geometric", "min", "max"]:
            print(f"  ami {m} {adjusted_mutual_info_score(x, y, average_method=m)!r}")
    x, y = labels()["formula"]
    z = (np.arange(60) // 7) % 3
    for e, h in ESTIMATORS.items():
        print(f"formula mi {e} {mi_with(h, x, y)!r}")
        print(f"formula cmi {e} {cmi_with(h, x, y, z)!r}")
