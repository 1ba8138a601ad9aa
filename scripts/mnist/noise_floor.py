#!/usr/bin/env python3
"""Round-off floor of the drift curves: the eta0 run repeated with the 1000 images in another order.

Mathematically the two runs are identical (the loss is a mean over the batch); numerically only the summation order
differs, so their distance at each stamp is what round-off alone contributes to a drift curve in the file's dtype.
Writes meta.roundoffFloor into the network's JSON (values at every 10th stamp) and prints it.

Usage: OPENBLAS_NUM_THREADS=1 nice -n 19 /usr/bin/python3 scripts/mnist/noise_floor.py [--iters N] [--vs reversed|float64] cnnsub [...]
(--vs float64: compare with the same run in float64 instead, for the float32 files)
(--iters N: stop after N eta0-iterations, a shorter horizon for the slow LeNet; run it after generate.py, which
rewrites the files without this field)
"""
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate as G  # noqa: E402


def main():
    torch.set_num_threads(1)
    args = sys.argv[1:]
    iters, out_dir, mode = G.ITERS, G.DATA_DIR, "reversed"
    while args and args[0].startswith("--"):
        if args[0] == "--iters":
            iters = int(args[1])
        elif args[0] == "--vs":
            mode = args[1]
            assert mode in ("reversed", "float64"), mode
        elif args[0] == "--out":
            out_dir = args[1]
        else:
            sys.exit(f"unknown option {args[0]}")
        args = args[2:]
    for kind in args:
        path = os.path.join(out_dir, f"{kind}.json")
        with open(path) as f:
            d = json.load(f)
        dtype = getattr(torch, d["meta"]["dtype"])
        x, y, _ = G.load_subset(dtype)
        perm = torch.arange(x.shape[0] - 1, -1, -1)  # reversed order
        init = G.build_init(kind)
        names = [nm for nm, _ in init]
        if mode == "reversed":
            data = [(x, y), (x[perm].contiguous(), y[perm].contiguous())]
            dts = [dtype, dtype]
        else:
            data = [(x, y), (x.to(torch.float64), y)]
            dts = [dtype, torch.float64]
        runs = [[t.to(dt).clone().requires_grad_(True) for _, t in init] for dt in dts]
        out = []
        t0 = time.time()
        for k in range(iters + 1):
            if k % (10 * G.STAMP_EVERY) == 0:
                w = [G.flat_weights(names, ps).to(torch.float64) for ps in runs]
                out.append(float(f"{torch.linalg.vector_norm(w[0] - w[1]).item():.3g}"))
                print(f"{kind} eta0-iteration {k}: {out[-1]:.3e} ({time.time() - t0:.0f}s)", flush=True)
            if k == iters:
                break
            for ps, (xx, yy) in zip(runs, data):
                loss = F.cross_entropy(G.forward(kind, dict(zip(names, ps)), xx), yy)
                grads = torch.autograd.grad(loss, ps)
                with torch.no_grad():
                    for q, g in zip(ps, grads):
                        q.sub_(G.ETA0 * g)
        d["meta"]["roundoffFloor"] = {
            "what": ("||theta_k - theta'_k|| between the eta0 run and the same run with the images in reversed "
                     "order (identical in exact arithmetic)" if mode == "reversed" else
                     f"||theta_k - theta'_k|| between the eta0 run in {d['meta']['dtype']} and the same run in "
                     "float64") + "; drift values of this size are round-off, not step size",
            "method": mode,
            "dtype": d["meta"]["dtype"],
            "stamps": list(range(0, iters + 1, 10 * G.STAMP_EVERY)),
            "values": out,
            "seconds": round(time.time() - t0, 1),
        }
        with open(path + ".tmp", "w") as f:
            json.dump(d, f, separators=(",", ":"))
            f.write("\n")
        os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
