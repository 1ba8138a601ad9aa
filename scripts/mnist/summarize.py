#!/usr/bin/env python3
"""Print the trace files' values next to the lab spec's expectations (spec Sec. 5.4, FD-MN-*) as Markdown.

Usage: python3 scripts/mnist/summarize.py   (reads src/labs/flow-vs-descent/data/mnist/<net>.json)
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "src", "labs", "flow-vs-descent", "data", "mnist"))
# spec 5.4, read from the authors' plots (+-0.05)
EXPECTED = {
    "fclin": {"loss": [3.45, 0.52, 0.27, 0.18, 0.085], "distance": [1.20, 1.74, 2.07, 2.62], "drift": "<= 0.02"},
    "fcrelu": {"loss": [2.67, 0.99, 0.40, 0.25, 0.09], "distance": [1.13, 1.97, 2.37, 2.95], "drift": "0.03-0.04"},
    "cnnsub": {"loss": [2.30, 2.12, 0.40, 0.18, 0.04], "distance": [0.40, 1.87, 2.30, 2.88], "drift": "<= 0.05"},
    "lenet": {"loss": [2.32, 0.80, 0.21, 0.11, 0.03], "distance": [1.06, 1.79, 2.09, 2.55], "drift": "<= 0.05"},
}
LOSS_AT = [0, 1000, 3000, 5000, 10000]
DIST_AT = [1000, 3000, 5000, 10000]


def at(d, run, key, it):
    if it not in d["stamps"]:
        return None
    i = d["stamps"].index(it)
    return run[key][i] if i < len(run[key]) else None


def fmt(v):
    return "-" if v is None else f"{v:.3g}"


def main():
    print("| net | quantity | " + " | ".join(str(i) for i in LOSS_AT) + " |")
    print("|---|---|" + "---|" * len(LOSS_AT))
    for net, exp in EXPECTED.items():
        path = os.path.join(DATA_DIR, f"{net}.json")
        if not os.path.exists(path):
            print(f"| {net} | (no file) |" + " |" * len(LOSS_AT))
            continue
        d = json.load(open(path))
        base = next(r for r in d["runs"] if r["r"] == 1)
        print(f"| {net} | loss measured | " + " | ".join(fmt(at(d, base, "loss", i)) for i in LOSS_AT) + " |")
        print(f"| {net} | loss expected | " + " | ".join(fmt(v) for v in exp["loss"]) + " |")
        print(f"| {net} | distance measured | - | " + " | ".join(fmt(at(d, base, "distance", i)) for i in DIST_AT)
              + " |")
        print(f"| {net} | distance expected | - | " + " | ".join(fmt(v) for v in exp["distance"]) + " |")
        for run in d["runs"]:
            if run["r"] == 1:
                continue
            print(f"| {net} | drift r={run['r']} | " + " | ".join(fmt(at(d, run, "drift", i)) for i in LOSS_AT)
                  + f" |")
        print(f"| {net} | drift expected (r up to 20) | {exp['drift']} | | | | |")
    print()
    for net in EXPECTED:
        path = os.path.join(DATA_DIR, f"{net}.json")
        if not os.path.exists(path):
            continue
        d = json.load(open(path))
        m = d["meta"]
        maxd = {r["r"]: max(r["drift"]) for r in d["runs"] if r["r"] > 1}
        lossgap = {r["r"]: max(abs(a - b) for a, b in zip(r["loss"], d["runs"][0]["loss"])) for r in d["runs"]
                   if r["r"] > 1}
        print(f"- {net}: rs {d['rs']}, {len(d['stamps'])} stamps, dtype {m['dtype']}, wall {m['wallSeconds'] / 60:.1f} "
              f"min (runs {m['runSeconds']}), max drift {maxd}, max |loss - loss(r=1)| {lossgap}, "
              f"max drift / final distance {max(maxd.values(), default=0) / max(d['runs'][0]['distance'][-1], 1e-300):.2%}; "
              f"skipped {[s['r'] for s in m['skipped']]}; partial {[(p['r'], p['stampsDone']) for p in m['partialRuns']]}")


if __name__ == "__main__":
    main()
