"""Reference for LabTools.EqualWidthBins + Measures.MutualInformation (the lab's binned MI estimator).

Run: /usr/bin/python3 tools/reference/lab_binned_mi.py   (Debian python3, numpy 1.24, scikit-learn 1.2.1)
np.histogram2d(x, y, bins=B) uses B equal-width bins over [min, max] with the maximum in the last bin, as the lab does.
"""
import numpy as np
from sklearn.metrics import mutual_info_score

x = np.array([0.1, 0.5, 1.3, 2.2, 2.9, 3.7, 4.4, 5.0, 5.5, 6.1, 7.3, 8.0])
y = np.array([1.0, 0.2, 1.9, 2.5, 2.0, 3.9, 3.1, 4.8, 6.0, 5.2, 6.6, 7.7])
for bins in (2, 3, 4):
    counts, _, _ = np.histogram2d(x, y, bins=bins)
    mi_nats = mutual_info_score(None, None, contingency=counts)
    print(bins, repr(mi_nats / np.log(2)), counts.astype(int).tolist())
