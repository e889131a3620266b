#!/usr/bin/python3
"""Reference values for the foundation's exact measures (tests/Shannon.Tests/Measures/ReferenceTests.cs).

Run with Debian's python3 (bookworm: numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1):
    /usr/bin/python3 tools/reference/foundation.py
Each line prints the exact call and its value with repr() precision; the tests copy the literals.
"""
import numpy as np
import scipy
import sklearn
from scipy.stats import entropy, multivariate_normal
from scipy.spatial.distance import jensenshannon
from scipy.special import softmax, logsumexp, log_softmax
from sklearn.metrics import mutual_info_score

print("scipy", scipy.__version__, "numpy", np.__version__, "sklearn", sklearn.__version__)

def show(call):
    print(f"{call} = {eval(call)!r}")

# Divergences and entropies (scipy.stats.entropy: H(p) or D(p||q); no silent renormalisation needed: inputs sum to 1).
show("entropy([0.5, 0.5], [0.9, 0.1], base=2)")
show("entropy([0.5, 0.5], [0.9, 0.1])")
show("entropy([0.9, 0.1], [0.5, 0.5], base=2)")
show("entropy([0.1, 0.2, 0.3, 0.4])")
show("entropy([0.1, 0.2, 0.3, 0.4], base=10)")
show("entropy([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.25, 0.25])")
show("entropy([0.2, 0.0, 0.5, 0.3]) + entropy([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.25, 0.25])")
show("jensenshannon([1.0, 0.0], [0.5, 0.5], base=2)")
show("jensenshannon([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.25, 0.25])")
show("jensenshannon([0.2, 0.0, 0.5, 0.3], [0.1, 0.4, 0.25, 0.25])**2")

# Mutual information of a contingency table, in nats (sklearn normalises the table itself).
table = "np.array([[10, 5, 0], [2, 8, 4], [1, 1, 9]])"
show(f"mutual_info_score(None, None, contingency={table})")

# Softmax / log-sum-exp with temperature.
show("softmax(np.array([2.0, 1.0, 0.1]) / 0.7).tolist()")
show("log_softmax(np.array([2.0, 1.0, 0.1]) / 0.7).tolist()")
show("logsumexp(np.array([1000.0, 1000.0, 999.0]))")
show("entropy(softmax(np.array([2.0, 1.0, 0.1]) / 0.7))")
show("entropy(softmax(np.array([3.0, -1.0, 0.5, 2.0]) / 2.5), base=2)")

# Gaussian closed forms.
cov = "np.array([[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]])"
show(f"multivariate_normal(mean=[0, 0, 0], cov={cov}).entropy()")
show("multivariate_normal(mean=0, cov=4.0).entropy()")

def kl_mvn(m0, S0, m1, S1):
    # 1/2 [tr(S1^-1 S0) + (m1-m0)^T S1^-1 (m1-m0) - d + ln det S1 - ln det S0], with numpy.linalg (not Cholesky).
    m0, m1, S0, S1 = map(np.asarray, (m0, m1, S0, S1))
    S1i = np.linalg.inv(S1)
    d = len(m0)
    dm = m1 - m0
    return 0.5 * (np.trace(S1i @ S0) + dm @ S1i @ dm - d + np.log(np.linalg.det(S1)) - np.log(np.linalg.det(S0)))

print("kl_mvn([0,0],[[1,0.5],[0.5,2]],[1,-1],[[2,0.3],[0.3,1]]) =",
      repr(kl_mvn([0, 0], [[1, 0.5], [0.5, 2]], [1, -1], [[2, 0.3], [0.3, 1]])))

# Gaussian MI from a covariance: 1/2 ln(det Sxx det Syy / det S), numpy determinants.
S = np.array([[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]])
mi = 0.5 * np.log(np.linalg.det(S[:1, :1]) * np.linalg.det(S[1:, 1:]) / np.linalg.det(S))
print("gaussian MI, X = {0}, Y = {1, 2} of cov above =", repr(mi))
