"""Reference value for tests/Shannon.Tests/Discrete/PluginEntropyAccuracyTests.cs: the plug-in entropy of the counts
(10^12 - 1, 1), H = (1/N) ln N + ((N - 1)/N) ln(N / (N - 1)) with N = 10^12, in 60-digit decimal arithmetic
(Python's standard decimal module, no floating point), so the expected value does not come from the code under test.
Run: /usr/bin/python3 tools/reference/plugin_entropy_accuracy.py   (Python 3.11)
"""
from decimal import Decimal as D, getcontext

getcontext().prec = 60
N = D(10**12)
h = (D(1) / N) * N.ln() + ((N - 1) / N) * (N / (N - 1)).ln()
print("H(10^12 - 1, 1) nats =", h)
