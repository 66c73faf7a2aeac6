#!/bin/sh
# Benchmark: from the swap of the data directory's `current` link (as
# aula-sync makes it: a new symlink renamed over the old) to the first
# frame of the new content presented by a running kiosk. The kiosk runs
# headless (software renderer, 1920x1080) with --watch; its inotify watch
# wakes the event loop, the new snapshot is opened and checked, every
# screen's view model is rebuilt and the frame drawn. Each run swaps
# between two snapshot files; the kiosk prints CLOCK_MONOTONIC right after
# presenting (script command `clock`) and the figure is that minus the
# moment of the rename. Run on the demo content and on a region-sized one.
# usage: tests/bench/bench_reload.sh [BUILD_DIR] [RUNS]
# Target (content-update banner): <= 1 s.
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-10}
pack="$build/kiosk/app/aula-pack"
aula="$build/kiosk/app/aula"
for p in "$pack" "$aula"; do
    [ -x "$p" ] || { echo "build it first: cmake --build $build ($p is missing)"; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/aula-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
now=2026-11-23T10:00:00Z
"$pack" build content/demo -o "$dir/demo-a.aula" --now $now --content-version 1 >/dev/null 2>&1
"$pack" build content/demo -o "$dir/demo-b.aula" --now $now --content-version 2 >/dev/null 2>&1
python3 tests/bench/gen_region.py "$dir/region-src" >/dev/null
"$pack" build "$dir/region-src" -o "$dir/region-a.aula" --now $now --content-version 1 \
    >/dev/null 2>&1
"$pack" build "$dir/region-src" -o "$dir/region-b.aula" --now $now --content-version 2 \
    >/dev/null 2>&1
SDL_VIDEODRIVER=dummy python3 - "$aula" "$dir" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
aula, d, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")]
print(f"machine: {os.cpu_count()} x {cpu[0] if cpu else 'unknown CPU'}")

def swap(data, name):
    tmp = os.path.join(data, ".current.tmp")
    os.symlink(name, tmp)
    t0 = time.monotonic() * 1000.0
    os.replace(tmp, os.path.join(data, "current"))
    return t0

for base in ("demo", "region"):
    data = os.path.join(d, "data-" + base)
    os.mkdir(data)
    for v in "ab":
        os.link(os.path.join(d, f"{base}-{v}.aula"), os.path.join(data, f"{base}-{v}.aula"))
    os.symlink(f"{base}-a.aula", os.path.join(data, "current"))
    script = "; ".join(["wait-content:30; clock"] * runs)
    p = subprocess.Popen([aula, "--headless", "--watch", "--snapshot",
                          os.path.join(data, "current"), "--size", "1920x1080",
                          "--now", "2026-11-24T10:15", "--idle", "0", "--lang", "fi",
                          "--script", script], stderr=subprocess.PIPE, text=True)
    line = ""
    while "watching" not in line or "current" not in line:
        line = p.stderr.readline()
        if not line:
            sys.exit(f"aula ended before watching: {p.wait()}")
    time.sleep(0.3)
    got = []
    for i in range(runs):
        t0 = swap(data, f"{base}-{'b' if i % 2 == 0 else 'a'}.aula")
        while True:
            line = p.stderr.readline()
            if not line:
                sys.exit("aula ended early")
            if line.startswith("clock: "):
                got.append(float(line.split()[1]) - t0)
                break
        time.sleep(0.2)
    p.wait()
    size = os.path.getsize(os.path.join(d, f"{base}-a.aula")) / 1e6
    print(f"{base} ({size:.1f} MB): link swap to first frame of the new content: "
          f"median {statistics.median(got):.0f} ms, max {max(got):.0f} ms "
          f"({runs} runs: {', '.join(f'{x:.0f}' for x in got)})")
PY
