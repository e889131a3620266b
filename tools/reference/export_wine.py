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
Also writes docs/data/wine-predictions.csv: out-of-fold class probabilities p0, p1, p2 of a logistic regression on
one feature, rounded to 6 decimals with p2 = 1 - p0 - p1 so that rows sum to 1 (LogisticRegression(max_iter=1000) on standardised `hue`, cross_val_predict with StratifiedKFold(5,
shuffle=True, random_state=0), method="predict_proba") and the true `label`: a real, imperfect model for
`shannon calibration`; it prints sklearn's log_loss of those predictions.
"""
import os

import numpy as np
from sklearn.datasets import load_wine
from sklearn.feature_selection import mutual_info_classif
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, mutual_info_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "docs", "data", "wine.csv")
PREDICTIONS = os.path.join(HERE, "..", "..", "docs", "data", "wine-predictions.csv")


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
    hue = X[:, [names.index("hue")]]
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    proba = cross_val_predict(model, hue, y, cv=folds, method="predict_proba")
    with open(PREDICTIONS, "w", newline="\n") as f:
        f.write("p0,p1,p2,label\n")
        for row, label in zip(proba, y):
            p0, p1 = round(row[0], 6), round(row[1], 6)
            f.write(f"{p0:.6f},{p1:.6f},{1 - p0 - p1:.6f},{int(label)}\n")
    rounded = np.loadtxt(PREDICTIONS, delimiter=",", skiprows=1, usecols=(0, 1, 2))
    print(f"wrote {os.path.normpath(PREDICTIONS)}; log_loss (of the rounded values) = {log_loss(y, rounded)!r} nats")


if __name__ == "__main__":
    main()
