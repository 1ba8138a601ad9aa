#!/usr/bin/env bash
# Regenerate the four MNIST trace files of the Flow vs Descent lab (see README.md in this folder).
# Two single-threaded, nice-19 processes: LeNet alone (one LeNet step costs ~20x an FC step and ~6x a CNN-sub step)
# and the other three networks one after the other, with the r values of the committed files. Logs go to
# /tmp/mnist-gen-*.log. Needs Debian's python3-torch (use /usr/bin/python3, not a pyenv/venv python) and, for usable
# speed, an optimised BLAS (libopenblas0-pthread; see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
PY=/usr/bin/python3
NOTE="run_all.sh: two nice-19 processes in parallel, [lenet] and [fclin,fcrelu then cnnsub]"
nice -n 19 "$PY" scripts/mnist/generate.py --nets lenet --rs 2 --lockstep --deadline-min 110 \
  --note "$NOTE" >/tmp/mnist-gen-lenet.log 2>&1 &
A=$!
(
  nice -n 19 "$PY" scripts/mnist/generate.py --nets fclin,fcrelu --rs 2,5 --deadline-min 110 --note "$NOTE"
  nice -n 19 "$PY" scripts/mnist/generate.py --nets cnnsub --rs 2 --deadline-min 90 --note "$NOTE"
) >/tmp/mnist-gen-rest.log 2>&1 &
B=$!
wait "$A"; wait "$B"
echo "done: see /tmp/mnist-gen-lenet.log and /tmp/mnist-gen-rest.log"
