#!/bin/sh
# Benchmark: aula-pack import ptv + build on a region-sized PTV export
# (5,000 services, 500 organisations, 1,500 service locations; see
# gen_ptv.py). Prints wall time of each step (best of N runs) and the peak
# resident memory of any step.
# usage: tests/bench/bench_import_ptv.sh [BUILD_DIR] [RUNS]
# Target (issue 9): import + build <= 5 s and <= 128 MiB.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-3}
pack="$build/kiosk/app/aula-pack"
[ -x "$pack" ] || { echo "build aula-pack first (cmake --build $build)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 tests/bench/gen_ptv.py "$dir/ptv" 5000
python3 - "$pack" "$dir" "$runs" <<'PY'
import glob, os, resource, subprocess, sys, time
pack, d, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(os.path.join(d, "ptv", "*.json")))
mb = sum(os.path.getsize(f) for f in files) / (1024.0 * 1024.0)
best_imp = best_build = best_total = None
for i in range(runs):
    out = os.path.join(d, f"content-{i}")
    snap = os.path.join(d, f"region-{i}.aula")
    t0 = time.monotonic()
    r = subprocess.run([pack, "import", "ptv", *files, "-o", out, "--site", "alue"],
                       capture_output=True, text=True)
    t1 = time.monotonic()
    if r.returncode != 0:
        sys.stderr.write(r.stderr); sys.exit(1)
    r = subprocess.run([pack, "build", out, "-o", snap, "--now", "2026-11-23T10:00:00Z"],
                       capture_output=True, text=True)
    t2 = time.monotonic()
    if r.returncode != 0:
        sys.stderr.write(r.stderr[-3000:]); sys.exit(1)
    best_imp = min(best_imp or 1e9, t1 - t0)
    best_build = min(best_build or 1e9, t2 - t1)
    best_total = min(best_total or 1e9, t2 - t0)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
info = subprocess.run([pack, "info", snap], capture_output=True, text=True).stdout
count = lambda label: [l for l in info.splitlines() if l.strip().startswith(label)][0].split()[-1]
print(f"aula-pack import ptv + build: {len(files)} PTV pages ({mb:.1f} MiB JSON), "
      f"{count('services')} services, {count('organisations')} organisations, "
      f"{count('locations')} locations")
print(f"  import     best of {runs}: {best_imp:.2f} s")
print(f"  build      best of {runs}: {best_build:.2f} s")
print(f"  total      best of {runs}: {best_total:.2f} s   (target <= 5 s)")
print(f"  peak RSS   max of any step: {rss:.1f} MiB   (target <= 128 MiB)")
print(f"  snapshot   {os.path.getsize(snap) / (1024.0 * 1024.0):.1f} MiB")
PY
