"""Reference values for the character Kneser-Ney tests (tests/Shannon.Lab.Tests/Language/KneserNeyTests.cs).

An independent, dictionary-based implementation of interpolated modified Kneser-Ney (Chen & Goodman 1998,
eqs. 17 and 26) with the conventions of Shannon's CharacterLanguageModel:
  - raw counts of n-grams at every position where the whole n-gram fits in the text;
  - continuation count of an n-gram hw = number of distinct characters v with c(v h w) > 0 (from the (n+1)-grams);
  - the highest order uses raw counts, lower orders continuation counts; each order has its own D1, D2, D3+ from
    its count-of-counts; order 0 is uniform over the alphabet + 1 "other" symbol;
  - an unseen context passes the lower order through unchanged.
Run: /usr/bin/python3 tools/reference/language_kneser_ney.py   (Python 3.11, standard library only)
"""
from collections import Counter, defaultdict
import math

TEXT = ("the cat sat on the mat. the cat ate the rat. a bat sat on a hat; the rat ran at the cat. "
        "that hat is the cat's hat, and that mat is the rat's mat. the bat and the cat sat, the rat ran.")
ORDER = 3


def raw_counts(text, n):
    return Counter(text[i - n + 1:i + 1] for i in range(n - 1, len(text)))


def continuation_counts(text, n):
    higher = raw_counts(text, n + 1)
    cont = Counter()
    for g in higher:
        cont[g[1:]] += 1
    return cont


def discounts(counts):
    n = [sum(1 for c in counts.values() if c == k) for k in (1, 2, 3, 4)]
    y = n[0] / (n[0] + 2 * n[1])
    return n, (1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2])


def disc(d, c):
    return 0 if c == 0 else d[min(c, 3) - 1]


def prob(text, order, history, w, alphabet_size):
    p = 1.0 / (alphabet_size + 1)
    for n in range(1, order + 1):
        k = n - 1
        if k > len(history):
            break
        h = history[len(history) - k:] if k > 0 else ""
        counts = raw_counts(text, n) if n == order else continuation_counts(text, n)
        _, d = discounts(counts)
        children = {g[-1]: c for g, c in counts.items() if g[:-1] == h and c > 0}
        if h not in {g[:-1] for g in raw_counts(text, n)}:
            break
        total = sum(children.values())
        if total == 0:
            continue
        gamma = sum(disc(d, c) for c in children.values()) / total
        c = children.get(w, 0)
        p = (c - disc(d, c)) / total + gamma * p
    return p


if __name__ == "__main__":
    alphabet = sorted(set(TEXT))
    print("text length", len(TEXT), "alphabet", len(alphabet))
    for n in range(1, ORDER + 1):
        nn, d = discounts(raw_counts(TEXT, n))
        print(f"raw  order {n}: n1..n4 = {nn}, D = {d[0]!r}, {d[1]!r}, {d[2]!r}")
        if n < ORDER:
            nn, d = discounts(continuation_counts(TEXT, n))
            print(f"cont order {n}: n1..n4 = {nn}, D = {d[0]!r}, {d[1]!r}, {d[2]!r}")
    for history, w in [("th", "e"), ("ca", "t"), ("e ", "c"), ("at", "!"), ("xq", "a"), ("", "t"), ("ra", "n")]:
        print(f"p({w!r} | {history!r}) = {prob(TEXT, ORDER, history, w, len(alphabet))!r}")
