#!/usr/bin/env python3
"""Precomputed MNIST traces for the Flow vs Descent lab (paper 001, Sec. 6 / App. H, Figs. 1 and 3).

Follows the defaults of the authors' repository cont_disc_opt_dnn as summarised in the lab spec (Sec. 5.4):
full-batch plain GD on the bundled 1000-image subset, inputs (x/255 - 0.1307)/0.3081, mean cross-entropy,
eta0 = 1e-3 for 10,000 steps, eta0/r for r*10,000 steps from the same initial weights, 101 stamps (every 100
eta0-iterations = every 100 r steps of the eta0/r run), torch.manual_seed(1) before building each network, layers
built in the repository's order (conv layers, then linear layers, then xavier_uniform_ on the linear weights), so
conv weights and all biases keep PyTorch's default U(+-1/sqrt(fan_in)).

Usage: see README.md in this folder. Typical:
    nice -n 19 /usr/bin/python3 scripts/mnist/generate.py --budget-min 60
    /usr/bin/python3 scripts/mnist/generate.py --bench 200      # time one step of each network and exit
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "src", "labs", "flow-vs-descent", "data", "mnist"))
NETS = ["fclin", "fcrelu", "cnnsub", "lenet"]
NET_LABEL = {
    "fclin": "FC-lin 784-50-50-10, identity activation, no biases",
    "fcrelu": "FC-ReLU 784-50-50-10, ReLU, no biases",
    "cnnsub": "CNN-sub: pad 2, conv 1->6 5x5 stride 2, ReLU, conv 6->16 5x5 stride 2, ReLU, FC 400-120-84-10 "
              "(ReLU), no biases",
    "lenet": "LeNet: pad 2, conv 1->6 5x5 (+bias), ReLU, maxpool 2, conv 6->16 5x5 (+bias), ReLU, maxpool 2, "
             "FC 400-120-84-10 with biases and ReLU",
}
R_ORDER = [2, 5, 10, 20]
# float64 where affordable. Float64 convolutions have no oneDNN path in this build (CNN-sub ~80, LeNet ~400 ms/step
# here against ~17 and ~120 in float32), so the two CNNs run in
# float32; README.md gives the float32 round-off floor measured on FC-ReLU.
DEFAULT_DTYPE = {"fclin": "float64", "fcrelu": "float64", "cnnsub": "float32", "lenet": "float32"}
SEED = 1
ETA0 = 1e-3
ITERS = 10_000
STAMP_EVERY = 100
VERSION = 1
OUT_DIR = DATA_DIR


# ---------------------------------------------------------------------------------------------------------------
# data

def load_subset(dtype):
    with open(os.path.join(DATA_DIR, "subset.json")) as f:
        meta = json.load(f)
    with open(os.path.join(DATA_DIR, meta["pixelFile"]), "rb") as f:
        pixels = f.read()
    sha = hashlib.sha256(pixels).hexdigest()
    if sha != meta["sha256"]["pixels"]:
        sys.exit(f"subset.u8 hash mismatch: {sha} != {meta['sha256']['pixels']}")
    n = meta["count"]
    x = torch.frombuffer(bytearray(pixels), dtype=torch.uint8).to(torch.float64).reshape(n, 1, 28, 28)
    x = ((x / 255.0 - 0.1307) / 0.3081).to(dtype)
    y = torch.tensor(meta["labels"], dtype=torch.long)
    return x, y, meta


# ---------------------------------------------------------------------------------------------------------------
# networks (built like the repository's Network class, then used functionally)

def build_init(kind):
    """Initial parameters as an ordered list of (name, float32 tensor). Same RNG consumption as the repository."""
    torch.manual_seed(SEED)
    mods = []
    if kind in ("cnnsub", "lenet"):
        bias = kind == "lenet"
        stride = 2 if kind == "cnnsub" else 1
        mods.append(("conv1", nn.Conv2d(1, 6, 5, stride=stride, bias=bias)))
        mods.append(("conv2", nn.Conv2d(6, 16, 5, stride=stride, bias=bias)))
        sizes = [400, 120, 84, 10]
    else:
        sizes = [784, 50, 50, 10]
    lin = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        m = nn.Linear(a, b, bias=(kind == "lenet"))
        lin.append(m)
        mods.append((f"fc{i + 1}", m))
    with torch.no_grad():
        for m in lin:
            nn.init.xavier_uniform_(m.weight)
    params = []
    for name, m in mods:
        params.append((f"{name}.weight", m.weight.detach().clone()))
        if m.bias is not None:
            params.append((f"{name}.bias", m.bias.detach().clone()))
    return params


def forward(kind, p, x):
    """p: dict name -> tensor. Returns logits."""
    n = x.shape[0]
    if kind in ("fclin", "fcrelu"):
        h = x.reshape(n, -1)
        h = F.linear(h, p["fc1.weight"])
        if kind == "fcrelu":
            h = F.relu(h)
        h = F.linear(h, p["fc2.weight"])
        if kind == "fcrelu":
            h = F.relu(h)
        return F.linear(h, p["fc3.weight"])
    h = F.pad(x, (2, 2, 2, 2))  # zero padding of the normalised image, as nn.ZeroPad2d(2) in the repository
    if kind == "cnnsub":
        h = F.relu(F.conv2d(h, p["conv1.weight"], stride=2))
        h = F.relu(F.conv2d(h, p["conv2.weight"], stride=2))
    else:
        # relu(maxpool(z)) == maxpool(relu(z)) (relu is monotone), with the same gradient except where a whole
        # 2x2 window is exactly 0; pooling first makes the ReLU 4x cheaper
        h = F.relu(F.max_pool2d(F.conv2d(h, p["conv1.weight"], p["conv1.bias"]), 2, 2))
        h = F.relu(F.max_pool2d(F.conv2d(h, p["conv2.weight"], p["conv2.bias"]), 2, 2))
    h = h.reshape(n, -1)
    h = F.relu(F.linear(h, p["fc1.weight"], p.get("fc1.bias")))
    h = F.relu(F.linear(h, p["fc2.weight"], p.get("fc2.bias")))
    return F.linear(h, p["fc3.weight"], p.get("fc3.bias"))


def init_sha256(params):
    h = hashlib.sha256()
    for _, t in params:
        h.update(t.contiguous().to(torch.float32).numpy().astype("<f4").tobytes())
    return h.hexdigest()


def flat_weights(names, tensors):
    """All weights (conv + linear), biases excluded, in the repository's weights_tensor() order."""
    return torch.cat([t.detach().reshape(-1) for nm, t in zip(names, tensors) if nm.endswith(".weight")])


# ---------------------------------------------------------------------------------------------------------------
# one GD run

class Deadline(Exception):
    def __init__(self, partial):
        super().__init__("deadline")
        self.partial = partial


def gd_run(kind, init, x, y, dtype, r, ref=None, deadline=None, log=None):
    """eta = ETA0/r for r*ITERS steps. Returns (loss, distance, drift or None, stamp weights if ref is None)."""
    names = [nm for nm, _ in init]
    ps = [t.to(dtype).clone().requires_grad_(True) for _, t in init]
    w0 = flat_weights(names, ps).clone()
    lr = ETA0 / r
    n_steps = r * ITERS
    every = r * STAMP_EVERY
    loss_l, dist_l, drift_l, stamps_w = [], [], [], []
    t0 = time.time()
    for k in range(n_steps + 1):
        p = dict(zip(names, ps))
        loss = F.cross_entropy(forward(kind, p, x), y)
        if k % every == 0:
            j = k // every
            w = flat_weights(names, ps)
            loss_l.append(loss.item())  # f(theta_k): the loss of the weights recorded at this stamp
            dist_l.append(torch.linalg.vector_norm(w - w0).item())
            if ref is None:
                stamps_w.append(w.clone())
            else:
                drift_l.append(torch.linalg.vector_norm(w - ref[j]).item())
            if not math.isfinite(loss_l[-1]):
                raise RuntimeError(f"{kind} r={r}: non-finite loss at step {k}")
            if log and j % 10 == 0:
                el = time.time() - t0
                log(f"  {kind} r={r} stamp {j}/100 loss {loss_l[-1]:.5f} dist {dist_l[-1]:.4f}"
                    + (f" drift {drift_l[-1]:.3e}" if ref is not None else "") + f" ({el:.0f}s)")
            if deadline is not None and time.time() > deadline and k < n_steps:
                raise Deadline({"r": r, "stampsDone": len(loss_l), "loss": loss_l, "distance": dist_l,
                                "drift": drift_l if ref is not None else [0.0] * len(loss_l)})
        if k == n_steps:
            break
        grads = torch.autograd.grad(loss, ps)
        with torch.no_grad():
            for q, g in zip(ps, grads):
                q.sub_(lr * g)
    return loss_l, dist_l, (drift_l if ref is not None else None), stamps_w, time.time() - t0


def gd_lockstep(kind, init, x, y, dtype, rs, deadline=None, log=None, on_stamp=None):
    """All runs of one network advanced together, one eta0-stamp interval at a time (run r takes 100 r steps per
    interval), drift computed on the fly against the r = 1 run. If the deadline passes, every run stops at the same
    stamp, so the file always holds a consistent (possibly shorter) horizon. Returns (runs, stamps_done)."""
    names = [nm for nm, _ in init]
    state = {}
    for r in rs:
        ps = [t.to(dtype).clone().requires_grad_(True) for _, t in init]
        state[r] = {"ps": ps, "loss": [], "distance": [], "drift": [], "seconds": 0.0}
    w0 = flat_weights(names, state[1]["ps"]).clone()
    n_stamps = ITERS // STAMP_EVERY + 1
    for j in range(n_stamps):
        for r in rs:
            st = state[r]
            t0 = time.time()
            steps = 0 if j == 0 else r * STAMP_EVERY
            for i in range(steps + 1):
                loss = F.cross_entropy(forward(kind, dict(zip(names, st["ps"])), x), y)
                if i == steps:
                    break
                grads = torch.autograd.grad(loss, st["ps"])
                with torch.no_grad():
                    for q, g in zip(st["ps"], grads):
                        q.sub_((ETA0 / r) * g)
            # (the loss of the stamp's weights is recomputed at the start of the next interval: one extra forward
            # pass per 100 r steps)
            st["loss"].append(loss.item())
            st["w"] = flat_weights(names, st["ps"])
            st["distance"].append(torch.linalg.vector_norm(st["w"] - w0).item())
            st["seconds"] += time.time() - t0
            if not math.isfinite(st["loss"][-1]):
                raise RuntimeError(f"{kind} r={r}: non-finite loss at stamp {j}")
        for r in rs:
            state[r]["drift"].append(torch.linalg.vector_norm(state[r]["w"] - state[1]["w"]).item() if r > 1 else 0.0)
        if log and j % 5 == 0:
            log(f"  {kind} lockstep stamp {j}/{n_stamps - 1}: " + ", ".join(
                f"r={r} loss {state[r]['loss'][-1]:.5f} dist {state[r]['distance'][-1]:.4f} drift "
                f"{state[r]['drift'][-1]:.3e}" for r in rs))
        if on_stamp and (j % 5 == 0 or j == n_stamps - 1):
            on_stamp(state, j + 1)
        if deadline is not None and time.time() > deadline and j < n_stamps - 1:
            return state, j + 1
    return state, n_stamps


# ---------------------------------------------------------------------------------------------------------------
# output

def deb_version(pkg):
    try:
        import subprocess
        v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True).stdout
        return f"Debian {pkg} {v}" if v else ""
    except OSError:
        return ""


def sig6(v):
    return float(f"{v:.6g}")


def write_json(kind, state, meta_common):
    runs = sorted(state["runs"], key=lambda rr: rr["r"])
    n = min([len(rr["loss"]) for rr in runs] or [ITERS // STAMP_EVERY + 1])
    out = {
        "version": VERSION,
        "network": kind,
        "eta0": ETA0,
        "iterations": ITERS,
        "rs": [rr["r"] for rr in runs],
        "stamps": list(range(0, ITERS + 1, STAMP_EVERY))[:n],
        "runs": [{"r": rr["r"], "loss": [sig6(v) for v in rr["loss"][:n]],
                  "distance": [sig6(v) for v in rr["distance"][:n]],
                  "drift": [sig6(v) for v in rr["drift"][:n]]} for rr in runs],
        "meta": dict(meta_common, **{
            "description": NET_LABEL[kind],
            "weightCount": state["weightCount"],
            "biasCount": state["biasCount"],
            "initSha256": state["initSha256"],
            "initParams": state["initParams"],
            "dtype": state["dtype"],
            "runSeconds": {str(rr["r"]): round(rr["seconds"], 1) for rr in runs},
            "wallSeconds": round(sum(rr["seconds"] for rr in runs), 1),
            "skipped": state["skipped"],
            "previousGenerations": state.get("previous", []),
            "horizon": state.get("horizon", "complete: all runs reach 10,000 eta0-iterations (t = 10)"),
            "partialRuns": [{"r": pr["r"], "stampsDone": pr["stampsDone"],
                             "loss": [sig6(v) for v in pr["loss"]], "distance": [sig6(v) for v in pr["distance"]],
                             "drift": [sig6(v) for v in pr["drift"]]} for pr in state["partial"]],
        }),
    }
    path = os.path.join(OUT_DIR, f"{kind}.json")
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------------------------

def bench(nets, steps, dtypes):
    """dtypes: list of dtypes (each net timed in each) or dict net -> dtype."""
    x32, y, _ = load_subset(torch.float32)
    res = {}
    pairs = [(dt, k) for dt in dtypes for k in nets] if isinstance(dtypes, list) else [(dtypes[k], k) for k in nets]
    for dt, kind in pairs:
        x = x32.to(dt)
        if True:
            init = build_init(kind)
            names = [nm for nm, _ in init]
            ps = [t.to(dt).clone().requires_grad_(True) for _, t in init]
            for k in range(steps + 3):
                if k == 3:
                    t0 = time.time()
                loss = F.cross_entropy(forward(kind, dict(zip(names, ps)), x), y)
                grads = torch.autograd.grad(loss, ps)
                with torch.no_grad():
                    for q, g in zip(ps, grads):
                        q.sub_(ETA0 * g)
            ms = (time.time() - t0) / steps * 1000
            res[(kind, str(dt))] = ms
            print(f"{kind:7s} {str(dt):14s} {ms:8.3f} ms/step  -> r=1 run {ms * ITERS / 60000:6.2f} min, "
                  f"all r (38 x 10k steps) {ms * 38 * ITERS / 60000:7.1f} min, loss after {steps} steps "
                  f"{loss.item():.5f}", flush=True)
    return res


def plan(nets, ms_per_step, budget_s):
    """Largest prefix of R_ORDER (shared by all networks) whose total cost fits the budget; the networks that are
    cheap enough then take further r values in order while the budget lasts."""
    cost = lambda kind, r: ms_per_step[kind] * r * ITERS / 1000.0
    # r = 2 is always run: without one comparison run there is no drift to show
    chosen = {k: [1, 2] for k in nets}
    total = sum(cost(k, 1) + cost(k, 2) for k in nets)
    for r in R_ORDER[1:]:
        extra = sum(cost(k, r) for k in nets)
        if total + extra <= budget_s:
            for k in nets:
                chosen[k].append(r)
            total += extra
        else:
            break
    # per-network extension, cheapest network first, r values strictly in order
    for k in sorted(nets, key=lambda k: ms_per_step[k]):
        for r in R_ORDER:
            if r in chosen[k]:
                continue
            if total + cost(k, r) <= budget_s:
                chosen[k].append(r)
                total += cost(k, r)
            else:
                break
    return chosen, total


def main():
    global ITERS, STAMP_EVERY, OUT_DIR
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nets", default=",".join(NETS))
    ap.add_argument("--dtype", choices=["float64", "float32"], default=None,
                    help="for all networks; default: float64 except LeNet (float32)")
    ap.add_argument("--rs", default=None, help="comma-separated r values to run (besides r=1); default: planned "
                                                "from --budget-min")
    ap.add_argument("--budget-min", type=float, default=60.0, help="planned total wall time for all networks")
    ap.add_argument("--deadline-min", type=float, default=110.0, help="hard stop: runs not finished by then are "
                                                                      "dropped and recorded as skipped")
    ap.add_argument("--bench", type=int, default=0, help="time this many steps per network and exit")
    ap.add_argument("--bench-steps-for-plan", type=int, default=20)
    ap.add_argument("--note", default="", help="free text appended to meta.plan")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--add", action="store_true",
                    help="add the --rs runs to the existing files (r = 1 is recomputed as the drift reference and "
                         "checked against the stored one)")
    ap.add_argument("--lockstep", action="store_true",
                    help="advance all runs of a network together (for networks too slow to finish every run in "
                         "turn: at the deadline all runs stop at the same stamp)")
    ap.add_argument("--iters", type=int, default=ITERS, help="eta0-iterations (smoke tests only; 10000 for the lab)")
    ap.add_argument("--out", default=DATA_DIR, help="output folder (default: the lab's data folder)")
    args = ap.parse_args()
    ITERS, STAMP_EVERY, OUT_DIR = args.iters, args.iters // 100, args.out
    os.makedirs(OUT_DIR, exist_ok=True)

    torch.set_num_threads(args.threads)
    if args.add and args.lockstep:
        sys.exit("--add and --lockstep cannot be combined")
    nets = [n for n in args.nets.split(",") if n]
    for n in nets:
        assert n in NETS, n
    dtype_name = {k: (args.dtype or DEFAULT_DTYPE[k]) for k in nets}
    dtypes = {k: getattr(torch, dtype_name[k]) for k in nets}

    if args.bench:
        bench(nets, args.bench, [torch.float32, torch.float64])
        return

    t_start = time.time()
    deadline = t_start + args.deadline_min * 60
    log = lambda s: print(f"[{time.time() - t_start:7.0f}s] {s}", flush=True)

    res = bench(nets, args.bench_steps_for_plan, dtypes)
    ms = {k: res[(k, str(dtypes[k]))] for k in nets}
    timing = ", ".join(f"{k} {ms[k]:.1f} ms/step ({dtype_name[k]})" for k in nets)
    if args.rs is not None:
        rs = [int(v) for v in args.rs.split(",") if v]
        chosen = {k: [1] + rs for k in nets}
        est = sum(ms[k] * r * ITERS / 1000 for k in nets for r in chosen[k])
        plan_note = (f"r values given on the command line ({rs}); {args.bench_steps_for_plan}-step timing: {timing}; "
                     f"estimate {est / 60:.0f} min")
    else:
        # the timing above already counts towards the budget
        budget_s = args.budget_min * 60 - (time.time() - t_start)
        chosen, est = plan(nets, ms, budget_s)
        plan_note = (f"planned for a budget of {args.budget_min:g} min from a {args.bench_steps_for_plan}-step timing "
                     f"({timing}); estimate {est / 60:.0f} min")
    if args.note:
        plan_note += "; " + args.note
    log(f"plan: {chosen}; {plan_note}")

    xs = {}
    for k in nets:
        xs[k], y, subset_meta = load_subset(dtypes[k])
    meta_common = {
        "framework": f"PyTorch {torch.__version__} ({deb_version('python3-torch')}), CPU, {args.threads} "
                     f"thread(s), BLAS {deb_version('libopenblas0-pthread') or 'reference'}",
        "python": platform.python_version(),
        "device": "cpu",
        "seed": SEED,
        "subset": {
            "file": "subset.u8 + subset.json",
            "sha256": subset_meta["sha256"]["subset"],
            "pixelsSha256": subset_meta["sha256"]["pixels"],
            "source": subset_meta["source"]["package"],
            "selection": subset_meta["source"]["selection"],
            "differsFromPaper": True,
        },
        "protocol": "full-batch GD on 1000 images, inputs (x/255-0.1307)/0.3081, mean cross-entropy, eta0=1e-3 for "
                    "10,000 steps, eta0/r for r*10,000 steps from the same initial weights, stamps every 100 eta0-"
                    "iterations (every 100 r steps of the eta0/r run)",
        "init": "torch.manual_seed(1); layers built in the repository's order (conv, then linear); xavier_uniform_ "
                "on linear weights; conv weights and all biases keep the PyTorch default U(+-1/sqrt(fan_in)); drawn "
                "in float32, then cast to the run dtype",
        "lossConvention": "loss[j] = f(theta_k) at the stamp's own weights (k = 100 r j). The authors' repository "
                          "logs f(theta_{k-1}) (the loss computed before the last step) next to theta_k "
                          "(spec erratum 8.6); the difference is one step of size eta0/r",
        "distanceConvention": "||theta_k - theta_0|| over all weights (conv + linear), biases excluded (LeNet)",
        "driftConvention": "||theta^{eta0/r}_{r k} - theta^{eta0}_k|| over the same weights at the same flow time "
                           "(0 for r = 1)",
        "plan": plan_note,
        "generatedAt": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "command": "nice -n 19 /usr/bin/python3 scripts/mnist/generate.py " + " ".join(sys.argv[1:]),
    }

    states = {}
    refs = {}
    for kind in nets:
        init = build_init(kind)
        states[kind] = {
            "init": init,
            "dtype": dtype_name[kind],
            "runs": [],
            "skipped": [],
            "partial": [],
            "initSha256": init_sha256(init),
            "initParams": [[nm, list(t.shape)] for nm, t in init],
            "weightCount": sum(t.numel() for nm, t in init if nm.endswith(".weight")),
            "biasCount": sum(t.numel() for nm, t in init if nm.endswith(".bias")),
        }
        log(f"{kind}: {states[kind]['weightCount']} weights, {states[kind]['biasCount']} biases, init sha256 "
            f"{states[kind]['initSha256'][:16]}...")
        if args.add:
            # keep the runs already in the file; r = 1 is recomputed (it is the drift reference) and must agree
            with open(os.path.join(OUT_DIR, f"{kind}.json")) as f:
                old = json.load(f)
            om = old["meta"]
            if om["initSha256"] != states[kind]["initSha256"] or om["dtype"] != dtype_name[kind]:
                sys.exit(f"{kind}: --add needs the same init and dtype as the existing file")
            states[kind]["old_r1"] = next(rr for rr in old["runs"] if rr["r"] == 1)
            states[kind]["runs"] = [dict(rr, seconds=om["runSeconds"][str(rr["r"])]) for rr in old["runs"]
                                    if rr["r"] != 1 and rr["r"] not in chosen[kind]]
            states[kind]["old_skipped"] = {sk["r"]: sk["reason"] for sk in om["skipped"]}
            states[kind]["previous"] = [dict((k, om[k]) for k in ("command", "plan", "generatedAt",
                                                                  "totalWallSeconds") if k in om)]
            states[kind]["previous"] = om.get("previous", []) + states[kind]["previous"]
            states[kind]["previous"][-1]["runs"] = sorted(rr["r"] for rr in old["runs"])

    if args.lockstep:
        for kind in nets:
            st = states[kind]
            rs_k = sorted(chosen[kind])
            for r in R_ORDER:
                if r not in rs_k:
                    st["skipped"].append({"r": r, "reason": f"left out: this run alone would take about "
                                                           f"{ms[kind] * r * ITERS / 60000:.0f} min ({ms[kind]:.1f} ms "
                                                           f"per step, {dtype_name[kind]}, 1 thread, shared 2-core "
                                                           f"CPU); the budget was about 60 min of wall time for all "
                                                           f"four networks (r = 2, 5, 10, 20 taken in that order)"})
            log(f"start {kind} lockstep r={rs_k}")

            def on_stamp(ls, done, kind=kind, st=st, rs_k=rs_k):
                st["runs"] = [{"r": r, "loss": ls[r]["loss"], "distance": ls[r]["distance"], "drift": ls[r]["drift"],
                               "seconds": ls[r]["seconds"]} for r in rs_k]
                n_all = ITERS // STAMP_EVERY + 1
                if done < n_all:
                    st["horizon"] = (f"in progress or cut by the hard deadline of {args.deadline_min:g} min: stamps "
                                     f"0..{done - 1} (eta0-iterations 0..{(done - 1) * STAMP_EVERY}) of all runs")
                else:
                    st.pop("horizon", None)
                meta_common["totalWallSecondsSoFar"] = round(time.time() - t_start, 1)
                write_json(kind, st, meta_common)

            ls, done = gd_lockstep(kind, st["init"], xs[kind], y, dtypes[kind], rs_k, deadline=deadline, log=log,
                                   on_stamp=on_stamp)
            on_stamp(ls, done)
            log(f"done {kind} lockstep: {done} stamps")
    for r in ([] if args.lockstep else [1] + R_ORDER):
        for kind in nets:
            st = states[kind]
            if r not in chosen[kind]:
                if any(rr["r"] == r for rr in st["runs"]):
                    continue
                if r in st.get("old_skipped", {}):
                    st["skipped"].append({"r": r, "reason": st["old_skipped"][r]})
                    continue
                if not any(s["r"] == r for s in st["skipped"]):
                    st["skipped"].append({"r": r, "reason": f"left out: this run alone would take about "
                                                           f"{ms[kind] * r * ITERS / 60000:.0f} min ({ms[kind]:.1f} ms "
                                                           f"per step, {dtype_name[kind]}, 1 thread, shared 2-core CPU); the "
                                                           f"budget was about 60 min of wall time for all four "
                                                           f"networks (r = 2, 5, 10, 20 taken in that order)"})
                continue
            if r > 1 and kind not in refs:
                st["skipped"].append({"r": r, "reason": "the eta0 run is missing"})
                continue
            if time.time() > deadline:
                st["skipped"].append({"r": r, "reason": f"not started: the hard deadline of {args.deadline_min:g} "
                                                       f"min had passed"})
                write_json(kind, st, meta_common)
                continue
            log(f"start {kind} r={r} ({r * ITERS} steps, eta={ETA0 / r:g})")
            try:
                loss, dist, drift, stamps_w, secs = gd_run(kind, st["init"], xs[kind], y, dtypes[kind], r,
                                                           ref=refs.get(kind) if r > 1 else None,
                                                           deadline=deadline, log=log)
            except Deadline as e:
                log(f"deadline reached during {kind} r={r} after {e.partial['stampsDone']} stamps; run dropped")
                st["skipped"].append({"r": r, "reason": f"not finished by the hard deadline of "
                                                       f"{args.deadline_min:g} min (the stamps it reached are in "
                                                       f"meta.partialRuns)"})
                st["partial"].append(e.partial)
                write_json(kind, st, meta_common)
                continue
            if r == 1:
                refs[kind] = stamps_w
                drift = [0.0] * len(loss)
                if "old_r1" in st:
                    same = all([sig6(v) for v in a] == b for a, b in ((loss, st["old_r1"]["loss"]),
                                                                      (dist, st["old_r1"]["distance"])))
                    log(f"{kind} r=1 recomputed: {'identical to' if same else 'DIFFERS from'} the stored run")
                    if not same:
                        sys.exit(f"{kind}: recomputed r=1 run differs from the stored one; not adding runs")
            st["runs"].append({"r": r, "loss": loss, "distance": dist, "drift": drift, "seconds": secs})
            log(f"done {kind} r={r} in {secs:.0f}s: loss {loss[0]:.4f} -> {loss[-1]:.4f}, dist {dist[-1]:.4f}, "
                f"max drift {max(drift):.4g}")
            meta_common["totalWallSecondsSoFar"] = round(time.time() - t_start, 1)
            write_json(kind, st, meta_common)
    meta_common["totalWallSeconds"] = round(time.time() - t_start, 1)
    meta_common.pop("totalWallSecondsSoFar", None)
    for kind in nets:
        write_json(kind, states[kind], meta_common)
    log("all done")


if __name__ == "__main__":
    main()
