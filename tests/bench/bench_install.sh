#!/bin/sh
# Benchmark: aula-sync install of a 20 MB snapshot (signature check,
# copy into the data directory with fsync, full SQLite integrity check,
# the current-link swap). Builds the region-sized demo content, pads it with
# image assets to about 20 MB, signs N versions and installs them one after
# the other. Prints the time of each install and its parts.
# usage: tests/bench/bench_install.sh [BUILD_DIR] [RUNS] [DATA_PARENT_DIR]
# Target (issue: signed content updates): install <= 1 s.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-5}
pack="$build/kiosk/app/aula-pack"
sync="$build/kiosk/app/aula-sync"
for p in "$pack" "$sync"; do
    [ -x "$p" ] || { echo "build it first: cmake --build $build ($p is missing)"; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 program (Debian package sqlite3)"; exit 1; }
dir=$(mktemp -d "${3:-${TMPDIR:-/tmp}}/aula-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
now=2026-11-23T10:00:00Z
# 1. 20 MiB: the small test content padded with 100 KiB "images".
"$pack" build tests/fixtures/content/minimal -o "$dir/pad.aula" --now $now \
    --content-version 1 >/dev/null 2>&1
have=$(stat -c %s "$dir/pad.aula")
n=$(((20 * 1024 * 1024 - have) / 104000))
sqlite3 "$dir/pad.aula" "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k
    WHERE i < $n) INSERT INTO asset (id, mime, width, height, data)
    SELECT 'bench-' || i, 'image/png', 320, 240, randomblob(102400) FROM k;"
# 2. A whole region's content as it is (many rows and indexes).
python3 tests/bench/gen_region.py "$dir/region-src" >/dev/null
"$pack" build "$dir/region-src" -o "$dir/region.aula" --now $now --content-version 1 \
    >/dev/null 2>&1
"$pack" keygen -s "$dir/bench.key" -p "$dir/bench.pub" >/dev/null
mkdir "$dir/keys"
cp "$dir/bench.pub" "$dir/keys/"
for base in pad region; do
    v=1
    while [ $v -le $((runs + 1)) ]; do
        f="$dir/$base-v$v.aula"
        cp "$dir/$base.aula" "$f"
        sqlite3 "$f" "UPDATE snapshot_meta SET value = '$v' WHERE key = 'content_version'"
        "$pack" sign "$f" -k "$dir/bench.key" >/dev/null
        v=$((v + 1))
    done
done
python3 - "$pack" "$sync" "$dir" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
pack, sync, d, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def run(args):
    t0 = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True)
    dt = time.monotonic() - t0
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit(1)
    return dt
cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")]
fs = subprocess.run(["stat", "-f", "-c", "%T", d], capture_output=True, text=True).stdout.strip()
print(f"machine: {os.cpu_count()} x {cpu[0] if cpu else 'unknown CPU'}; data directory on {fs}")
for base, what in (("pad", "test content padded with images"), ("region", "a whole region")):
    common = ["--config", "/dev/null", "--data-dir", os.path.join(d, "data-" + base),
              "--keys", os.path.join(d, "keys"), "--now", "2026-11-23T12:00:00Z"]
    run([sync] + common + ["install", os.path.join(d, f"{base}-v1.aula")])  # the first one
    times = [run([sync] + common + ["install", os.path.join(d, f"{base}-v{v}.aula")])
             for v in range(2, runs + 2)]
    f = os.path.join(d, f"{base}-v2.aula")
    verify = min(run([pack, "verify", f, "-p", os.path.join(d, "bench.pub")]) for _ in range(3))
    check = min(run(["sqlite3", f, "PRAGMA integrity_check"]) for _ in range(3))
    copy = min(run(["sh", "-c", f"cp {f} {d}/copy && sync {d}/copy && rm {d}/copy"])
               for _ in range(3))
    size = os.path.getsize(f) / (1024.0 * 1024.0)
    print(f"aula-sync install, {size:.1f} MiB snapshot ({what}), {runs} installs:")
    print(f"  install    median {statistics.median(times):.3f} s, best {min(times):.3f} s, "
          f"worst {max(times):.3f} s   (target <= 1 s)")
    print(f"  parts, best of 3: signature check (aula-pack verify) {verify:.3f} s, "
          f"SQLite integrity check {check:.3f} s, cp + sync {copy:.3f} s")
PY
