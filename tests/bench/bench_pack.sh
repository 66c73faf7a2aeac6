#!/bin/sh
# Benchmark: aula-pack build on a region-sized content folder.
# Prints wall time and peak resident memory of the build (best of N runs).
# usage: tests/bench/bench_pack.sh [BUILD_DIR] [RUNS]
# Targets (issue: content snapshot v1): <= 2 s and <= 64 MiB on a 2-core machine.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-5}
pack="$build/kiosk/app/aula-pack"
[ -x "$pack" ] || { echo "build aula-pack first (cmake --build $build)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/bench/gen_region.py "$dir/region"
python3 - "$pack" "$dir" "$runs" <<'PY'
import resource, subprocess, sys, time, os
pack, d, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
best = None
for i in range(runs):
    out = os.path.join(d, f"region-{i}.aula")
    t0 = time.monotonic()
    r = subprocess.run([pack, "build", os.path.join(d, "region"), "-o", out,
                        "--now", "2026-11-23T10:00:00Z"], capture_output=True, text=True)
    dt = time.monotonic() - t0
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(1)
    best = dt if best is None else min(best, dt)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
size = os.path.getsize(out) / (1024.0 * 1024.0)
occ = subprocess.run([pack, "info", out], capture_output=True, text=True).stdout
occ = [l for l in occ.splitlines() if "occurrences" in l][0].split()[-1]
print(f"aula-pack build, region (5000 services, 500 organisations, 2000 activities, "
      f"{occ} occurrences):")
print(f"  wall time  best of {runs}: {best:.2f} s   (target <= 2 s)")
print(f"  peak RSS   max of {runs}: {rss:.1f} MiB   (target <= 64 MiB)")
print(f"  snapshot   {size:.1f} MiB")
PY
