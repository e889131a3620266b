#!/usr/bin/python3
"""Reference for tests/Shannon.Cli.Tests/DataCommandTests.cs: KsgDefaultForRealColumnsMatchesScikitLearn.

Data: i = 0..399, x_i = sin(0.37 i) + 0.01 i, y_i = x_i + 0.5 cos(1.3 i) (no ties). Shannon's ksg1 z-scores each
column (population SD) and adds no noise, so the matching scikit-learn 1.2.1 call is the private, noise-free
_compute_mi_cc on z-scored columns, k = 3. Run: /usr/bin/python3 tools/reference/cli_ksg.py
"""
import numpy as np
from sklearn.feature_selection._mutual_info import _compute_mi_cc

i = np.arange(400)
x = np.sin(0.37 * i) + 0.01 * i
y = x + 0.5 * np.cos(1.3 * i)
z = lambda v: (v - v.mean()) / v.std()
nats = _compute_mi_cc(z(x), z(y), 3)
print("nats", repr(nats), "bits", repr(nats / np.log(2)))
