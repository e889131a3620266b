"""Thin-lens reference areas for VennGeometry.LensArea (tests/Shannon.Lab.Tests/VennGeometryTests.cs).

Two unit discs whose centres are d = 2 - delta apart overlap in a lens of area 2 (theta - sin(theta) cos(theta)), with
cos(theta) = d / 2, i.e. theta = 2 asin(sqrt(delta / 4)). Evaluated here with Python's decimal module at 60 digits by
Taylor series (asin, sin, cos), so the reference does not share the double-precision formula under test.
Run: /usr/bin/python3 tools/reference/venn_thin_lens.py
"""
from decimal import Decimal, getcontext

getcontext().prec = 60


def asin(x):
    # asin x = sum (2n)! / (4^n (n!)^2 (2n+1)) x^(2n+1), fast for the small x used here
    term, total, n = x, x, 0
    while True:
        n += 1
        term = term * x * x * (2 * n - 1) * (2 * n - 1) / ((2 * n) * (2 * n + 1))
        if abs(term) < Decimal(10) ** -70:
            return total + term
        total += term


def sin_cos(x):
    s, c, term, n = Decimal(0), Decimal(0), Decimal(1), 0
    while abs(term) > Decimal(10) ** -70 or n < 4:
        if n % 4 == 0:
            c += term
        elif n % 4 == 1:
            s += term
        elif n % 4 == 2:
            c -= term
        else:
            s -= term
        n += 1
        term = term * x / n
    return s, c


# delta = 2^-k, so that d = 2 - delta is exact in double precision and the test passes the same d.
for k in [7, 20, 34, 40]:
    delta = Decimal(2) ** -k
    theta = 2 * asin((delta / 4).sqrt())
    s, c = sin_cos(theta)
    area = 2 * (theta - s * c)
    print(f"delta=2^-{k}: lens area = {float(area)!r}")
