"""Wordle feedback patterns for the lab's reference tests (issue 18).

An independent implementation of the game's rule, written for this project from the rule as the game states it
(greens first; then, left to right, a letter is yellow while the answer still has an unmatched copy of it).
It is our own script, not an outside tool: the hand-derived cases in the test comments check it too.
Run: /usr/bin/python3 tools/reference/wordle_feedback.py   (Debian python3)
"""
from collections import Counter
import math

def feedback(guess, answer):
    out = ['-'] * 5
    left = Counter(a for g, a in zip(guess, answer) if g != a)
    for i, (g, a) in enumerate(zip(guess, answer)):
        if g == a:
            out[i] = 'G'
    for i, g in enumerate(guess):
        if out[i] == '-' and left[g] > 0:
            out[i] = 'Y'
            left[g] -= 1
    return ''.join(out)

for g, a in [("speed", "abide"), ("crane", "crane"), ("llama", "hello"), ("erase", "speed"), ("robot", "floor"),
             ("geese", "eerie"), ("abcde", "edcba"), ("sassy", "asses")]:
    print(g, a, feedback(g, a))
print("H(1/4,1/4,1/2) bits:", repr(-(0.25 * math.log2(0.25) * 2 + 0.5 * math.log2(0.5))))
