#!/usr/bin/python3
"""Real-data checks for issue 13: scikit-learn's bundled data sets exported to CSV, with scikit-learn's own MI.

Run with Debian's python (python3-sklearn 1.2.1, numpy 1.24.2, scipy 1.10.1):
    /usr/bin/python3 tools/reference/sklearn_datasets.py

Writes, under tests/Shannon.Tests/Data/:
- wine.csv, breast_cancer.csv, digits.csv: sklearn.datasets.load_wine(), load_breast_cancer(), load_digits();
  the feature columns under their sklearn names (digits: pixel_0_0 ... pixel_7_7) and a last column `target`.
  Values printed with repr, so the doubles round-trip exactly.
- sklearn_mutual_info.csv: dataset,feature,random_state,mi_nats for
  sklearn.feature_selection.mutual_info_classif(X, y, random_state=r) with r = 0..9 (default n_neighbors=3,
  discrete_features='auto' = False for dense X: every feature is treated as continuous, with its noise).
- digits_plugin.csv: feature,mi_nats with sklearn.metrics.mutual_info_score(y, X[:, j]) (the plug-in MI of the
  integer pixel value 0..16 with the digit), and the plug-in entropy of each target (target_entropy rows).
"""
import csv
import os

import numpy as np
import scipy.stats
import sklearn
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.feature_selection import mutual_info_classif
from sklearn.metrics import mutual_info_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "tests", "Shannon.Tests", "Data")


def names(bunch, X):
    if getattr(bunch, "feature_names", None) is not None and len(bunch.feature_names) == X.shape[1]:
        return [str(n).replace(" ", "_").replace("/", "_") for n in bunch.feature_names]
    return [f"f{j}" for j in range(X.shape[1])]


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    entropies = []
    for name, loader in [("wine", load_wine), ("breast_cancer", load_breast_cancer), ("digits", load_digits)]:
        bunch = loader()
        X, y = bunch.data, bunch.target
        cols = names(bunch, X)
        with open(os.path.join(OUT, f"{name}.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols + ["target"])
            for i in range(X.shape[0]):
                cells = [repr(float(v)) if name != "digits" else str(int(v)) for v in X[i]]
                w.writerow(cells + [str(int(y[i]))])
        for r in range(10):
            mi = mutual_info_classif(X, y, random_state=r)
            for j, c in enumerate(cols):
                rows.append((name, c, r, repr(float(mi[j]))))
        _, counts = np.unique(y, return_counts=True)
        entropies.append((name, repr(float(scipy.stats.entropy(counts)))))
        if name == "digits":
            with open(os.path.join(OUT, "digits_plugin.csv"), "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["feature", "mi_nats"])
                for j, c in enumerate(cols):
                    w.writerow([c, repr(float(mutual_info_score(y, X[:, j].astype(int))))])
    with open(os.path.join(OUT, "sklearn_mutual_info.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "feature", "random_state", "mi_nats"])
        w.writerows(rows)
    with open(os.path.join(OUT, "target_entropy.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "entropy_nats"])
        w.writerows(entropies)
    print("sklearn", sklearn.__version__, "numpy", np.__version__)
    for name, h in entropies:
        print(name, "H(target) =", h, "nats")


if __name__ == "__main__":
    main()
