"""Reference values for Shannon's RLHF KL tools (tests/Shannon.Tests/Alignment/*).

Run: /usr/bin/python3 tools/reference/alignment_kl.py   (Debian python3, numpy 1.24.2, scipy 1.10.1)

1. Exact per-token KL between softmax(policy logits) and softmax(reference logits), forward D(pi||ref) and
   reverse D(ref||pi), with scipy.special.log_softmax.
2. The adaptive KL controller of Ziegler et al. (2019), as in their lm-human-preferences code (and TRL):
   e = clip(KL / target - 1, -0.2, 0.2); beta *= 1 + e * n / horizon.
3. The VAE KL term 1/2 sum(mu^2 + sigma^2 - 1 - ln sigma^2) for one fixed input.
"""
import numpy as np
from scipy.special import log_softmax

policy = np.array([[2.0, 1.0, 0.0, -1.0, 0.5],
                   [0.0, 0.0, 0.0, 0.0, 0.0],
                   [10.0, -10.0, 3.0, 3.0, -2.5]])
reference = np.array([[1.0, 1.0, 1.0, 0.0, 0.0],
                      [3.0, -1.0, 0.25, 0.0, 1.5],
                      [0.0, 1.0, 2.0, 3.0, 4.0]])
lp, lr = log_softmax(policy, axis=1), log_softmax(reference, axis=1)
forward = (np.exp(lp) * (lp - lr)).sum(axis=1)
reverse = (np.exp(lr) * (lr - lp)).sum(axis=1)
print("forward", [repr(x) for x in forward])
print("reverse", [repr(x) for x in reverse])

beta = 0.2
betas = []
for kl in [9.0, 3.0, 6.6, 6.0, -1.0]:
    e = np.clip(kl / 6.0 - 1, -0.2, 0.2)
    beta *= 1 + e * 512 / 10000
    betas.append(beta)
print("betas", [repr(b) for b in betas])

mu = np.array([0.5, -1.0, 0.0])
logvar = np.array([0.0, np.log(4.0), -1.0])
vae = 0.5 * (mu ** 2 + np.exp(logvar) - 1 - logvar).sum()
print("vae", repr(vae))
