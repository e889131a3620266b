#!/usr/bin/python3
"""Issue 13's real-data figures, from the command a user runs: for scikit-learn's wine, breast cancer and digits
(exported by sklearn_datasets.py to tests/Shannon.Tests/Data), `shannon rank FILE --target target --unit nats --json`
against H(target) and against mutual_info_classif(X, y, random_state=r), r = 0..9 (sklearn_mutual_info.csv):
the largest MI / H(target) ratio, and the top-5 overlap with scikit-learn's mean ranking (with the range of its
own per-seed overlaps, to show which of its ranks are stable). Run from the repository root:
    /usr/bin/python3 tools/reference/real_data_report.py
"""
import csv, json, os, subprocess, sys
from collections import defaultdict

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(root, "tests", "Shannon.Tests", "Data")
entropy = {r["dataset"]: float(r["entropy_nats"]) for r in csv.DictReader(open(os.path.join(data, "target_entropy.csv")))}
sk = defaultdict(lambda: defaultdict(dict))
for r in csv.DictReader(open(os.path.join(data, "sklearn_mutual_info.csv"))):
    sk[r["dataset"]][r["feature"]][int(r["random_state"])] = float(r["mi_nats"])

for name in ["wine", "breast_cancer", "digits"]:
    out = subprocess.run([os.path.join(root, "shannon"), "rank", os.path.join(data, name + ".csv"), "--target", "target", "--unit", "nats", "--json"],
                         capture_output=True, text=True, check=True).stdout
    ranked = json.loads(out)["features"]
    key = "column" if "column" in ranked[0] else "name"
    ours = [f[key] for f in ranked]
    best = max(ranked, key=lambda f: f["value"])
    mean = {f: sum(v.values()) / len(v) for f, v in sk[name].items()}
    theirs = sorted(mean, key=lambda f: -mean[f])[:5]
    per_seed = [len(set(sorted(sk[name], key=lambda f: -sk[name][f][r])[:5]) & set(theirs)) for r in range(10)]
    print(f"{name}: H(target) = {entropy[name]:.4f} nats; max MI/H = {best['value'] / entropy[name]:.4f} ({best[key]}, {best['estimator']}); "
          f"top-5 overlap with scikit-learn's mean ranking {len(set(ours[:5]) & set(theirs))}/5 (scikit-learn per seed: {min(per_seed)}..{max(per_seed)}/5); "
          f"ours {' '.join(ours[:5])}; scikit-learn {' '.join(theirs)}")
