#!/usr/bin/python3
"""Exports scikit-learn's bundled wine data set to docs/data/wine.csv and prints reference values for it.

Run with Debian's python3 (python3-sklearn 1.2.1, numpy 1.24, pandas 1.5):
    /usr/bin/python3 tools/reference/export_wine.py
The data: sklearn.datasets.load_wine() (UCI Wine, Forina et al.; 178 wines, 13 chemical measurements, 3
cultivars, shipped inside scikit-learn under its BSD licence). The column `od280/od315_of_diluted_wines` is
renamed `od280_od315` so that it can be named on a command line; the label column is `class` (0, 1, 2).
Values are written as scikit-learn holds them (repr of each float), so the CSV round-trips exactly.

Reference values printed (used by docs/ and tests/Shannon.ML.Tests):
- sklearn.feature_selection.mutual_info_classif(X, y, n_neighbors=3, random_state=0): Ross's mixed k-NN
  estimator in nats, after scikit-learn's own scaling and 1e-10 noise (so not bit-identical to Shannon's).
- sklearn.metrics.mutual_info_score(y, y) = H(class) in nats, plug-in.
"""
import os

import numpy as np
from sklearn.datasets import load_wine
from sklearn.feature_selection import mutual_info_classif
from sklearn.metrics import mutual_info_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "docs", "data", "wine.csv")


def main():
    data = load_wine()
    names = [n.replace("od280/od315_of_diluted_wines", "od280_od315") for n in data.feature_names]
    X, y = data.data, data.target
    with open(OUT, "w", newline="\n") as f:
        f.write(",".join(names + ["class"]) + "\n")
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in row) + f",{int(label)}\n")
    print(f"wrote {os.path.normpath(OUT)}: {X.shape[0]} rows, {X.shape[1]} features + class")
    print(f"class counts: {np.bincount(y).tolist()}")
    print(f"H(class) plug-in = {mutual_info_score(y, y)!r} nats")
    mi = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
    order = np.argsort(-mi)
    print("mutual_info_classif(X, y, n_neighbors=3, random_state=0), nats, largest first:")
    for i in order:
        print(f"  {names[i]:<22} {mi[i]!r}")


if __name__ == "__main__":
    main()
