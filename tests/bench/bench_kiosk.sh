#!/bin/sh
# Benchmark of the kiosk (aula) on the demo content at 1920x1080 with the
# software renderer. Prints:
#   - process start to first frame presented (headless, median of RUNS; the
#     clock starts before exec, so loading the program counts),
#   - peak resident memory of those runs,
#   - each screen's redraw time (bench_redraw: median and max),
#   - peak resident memory in use: every language, screen and accessibility
#     mode in one visit, all fonts loaded,
#   - idle behaviour: a windowed kiosk under Xvfb left alone for IDLE
#     seconds (default 60): redraws and wake-ups of its event loop, CPU time.
# Targets: first frame <= 50 ms, peak RSS <= 32 MiB (at start and in use),
# any screen redrawn in <= 8 ms, 0 redraws and < 1 wake-up per second when
# idle.
# usage: tests/bench/bench_kiosk.sh [BUILD_DIR] [RUNS] [IDLE_SECONDS]
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-20}
idle=${3:-60}
aula=$build/kiosk/app/aula
pack=$build/kiosk/app/aula-pack
redraw=$build/tests/golden/bench_redraw
for p in "$aula" "$pack" "$redraw"; do
    [ -x "$p" ] || { echo "build first: $p is missing (cmake --build $build)"; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$pack" build content/demo -o "$dir/demo.aula" --now 2026-11-23T10:00:00Z >/dev/null

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "content: demo ($(du -k "$dir/demo.aula" | cut -f1) KiB snapshot)"
echo

python3 - "$aula" "$dir" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
aula, d, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
env = dict(os.environ, SDL_VIDEODRIVER="dummy")
firsts, cpus, rss = [], [], []
for i in range(runs + 1):
    t0 = time.clock_gettime(time.CLOCK_MONOTONIC) * 1000.0
    env["AULA_T0_MS"] = "%.3f" % t0
    p = subprocess.run([aula, "--headless", "--snapshot", os.path.join(d, "demo.aula"),
                        "--size", "1920x1080", "--now", "2026-11-24T10:15", "--stats",
                        "--screenshot", os.path.join(d, "first.png")],
                       env=env, capture_output=True, text=True)
    line = [l for l in p.stderr.splitlines() if "stats:" in l]
    if p.returncode or not line:
        sys.exit("aula failed: " + p.stderr)
    f = dict(kv.split("=") for kv in line[0].split("stats: ")[1].split())
    if i == 0:
        continue  # the first run warms the page cache
    firsts.append(float(f["first_frame_ms"]))
    cpus.append(float(f["first_frame_cpu_ms"]))
    rss.append(int(f["max_rss_kib"]))
print("start to first frame (headless, %d runs): median %.1f ms, min %.1f, max %.1f"
      % (runs, statistics.median(firsts), min(firsts), max(firsts)))
print("  CPU time to first frame (the same runs; what load on the machine does not change):"
      " median %.1f ms" % statistics.median(cpus))
print("peak RSS: %.1f MiB (max of the runs)" % (max(rss) / 1024.0))
PY
echo
"$redraw" "$dir/demo.aula" 50
echo

# Memory in use: one visitor goes through every shipped language (home, a
# category, a service, the calendar, the organisations), then the same in
# large text, high contrast and both, so that every font (Noto Sans and
# Noto Sans Arabic, regular and bold) is loaded at every size.
tour() { # [picker]: in large text the languages are behind one button
    for l in fi sv en ar so ru uk; do
        printf '%s' "${1:+tap:languages;} tap:lang:$l; tap:category:raskaus-vauva;
            tap:service:aitiysneuvola; tap:home; tap:calendar; tap:home; tap:orgs; tap:home;"
    done
}
all="$(tour) a11y:large; $(tour picker) a11y:contrast; $(tour) a11y:large,contrast;
    $(tour picker) a11y:none; $(tour)"
SDL_VIDEODRIVER=dummy "$aula" --headless --snapshot "$dir/demo.aula" --size 1920x1080 \
    --now 2026-11-24T10:15 --stats --script "$all" 2>"$dir/tour.log" ||
    { cat "$dir/tour.log"; exit 1; }
python3 - "$dir/tour.log" <<'PY'
import sys
line = [l for l in open(sys.argv[1]).read().splitlines() if "stats:" in l][0]
f = dict(kv.split("=") for kv in line.split("stats: ")[1].split())
print("peak RSS in use: %.1f MiB (7 languages x 5 screens x 4 accessibility modes, %s frames;"
      " target <= 32 MiB)" % (int(f["max_rss_kib"]) / 1024.0, f["frames"]))
PY
echo

if command -v xvfb-run >/dev/null 2>&1; then
    log=$dir/idle.log
    # A real event loop on an X server (Xvfb): a window of 1920x1080.
    xvfb-run -a -s "-screen 0 1920x1080x24" sh -c "
        XCOMPOSEFILE=/dev/null '$aula' --window --software --size 1920x1080 \
            --snapshot '$dir/demo.aula' --stats 2>'$log' &
        pid=\$!
        sleep $idle
        kill -TERM \$pid
        wait \$pid" || true
    python3 - "$log" "$idle" <<'PY'
import sys
log, idle = sys.argv[1], float(sys.argv[2])
line = [l for l in open(log).read().splitlines() if "stats:" in l]
if not line:
    sys.exit("no stats from the idle run:\n" + open(log).read())
f = dict(kv.split("=") for kv in line[0].split("stats: ")[1].split())
frames, wakeups, run = int(f["frames"]), int(f["wakeups"]), float(f["run_s"])
print("idle for %.0f s (Xvfb window, software renderer):" % run)
print("  redraws after the first frames: %d (frames in all: %d)" % (max(frames - 2, 0), frames))
print("  event-loop wake-ups: %d (%.3f per second)" % (wakeups, wakeups / run))
print("  CPU time of the whole run, start-up included: %s ms; voluntary context switches: %s"
      % (f["cpu_ms"], f["vcsw"]))
PY
else
    echo "idle: skipped (xvfb-run not found; Debian: xvfb)"
fi
