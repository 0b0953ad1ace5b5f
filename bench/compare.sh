#!/usr/bin/env bash
# Readable engine, fast path and the numpy peer, side by side on this machine, in one run:
# steps per second for each (medians) and their ratios. Needs Debian's numpy:
#   apt-get install -y python3-numpy python3-threadpoolctl libopenblas0-pthread
# The peer runs with /usr/bin/python3 and OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset (in that
# command only), once with the system's BLAS (OpenBLAS once installed) and once with Debian's
# reference BLAS. Extra arguments go to the compare mode, e.g. --seconds 1 --rounds 9.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Backprop.Benchmarks -v q -nologo > /dev/null
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Backprop.Benchmarks/bin/Release/net10.0/Backprop.Benchmarks.dll compare \
  --python /usr/bin/python3 --reference-blas /usr/lib/x86_64-linux-gnu/blas "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
