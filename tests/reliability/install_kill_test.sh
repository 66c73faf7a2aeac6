#!/bin/sh
# Power loss during a real content install: the real aula-sync installs a
# signed snapshot of a few MB and is killed with SIGKILL after a random
# delay, from 0 to a bit more than such a run takes (measured, and adapted
# to the machine's load as the rounds go), ROUNDS times. Each round
# switches to the content that is not current: A (version 1) to B
# (version 2) by "install", back by "install --allow-older" or "rollback".
# A third of the forward rounds start from a copy of the data directory as
# it was with only A installed (a screen that never had B), so that a plain
# "install" keeps the copy under its final name again (signature, link,
# switch); the others install B with --allow-older, over a kept copy when
# there is one.
# After every round:
#   - current names snapshot-1.aula or snapshot-2.aula, byte for byte the
#     signed source, passing PRAGMA quick_check with the right
#     content_version; every kept snapshot and signature is complete too;
#   - temporary files, in the data directory and beside the Prometheus
#     file, are those of one run killed since the last one that finished
#     (each run removes what killed runs left before it makes its own), at
#     most 3; none after a run that finished;
#   - the state file parses line by line, status.json is valid JSON;
#   - a run that finished before the kill succeeded; a run killed after
#     the new copy was kept but before the switch is finished by the next
#     run, uninterrupted.
# Finally one uninterrupted install of B must succeed and show B.
# Prints where the kills landed. The seed (AULA_KILL_SEED) replays the
# choices and the kill points as fractions of a run; the number of rounds
# is AULA_KILL_ROUNDS (default ROUNDS).
#   install_kill_test.sh AULA_PACK AULA_SYNC OUTDIR ROUNDS
set -u
pack=$1 sync=$2 out=$3
case $out in *\'*) echo "FAIL: $out: the test cannot work in a path with a quote"; exit 1 ;; esac
rounds=${AULA_KILL_ROUNDS:-$4}
seed=${AULA_KILL_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
fix=$(cd "$(dirname "$0")/../fixtures/content/minimal" && pwd)
now=2026-11-23T12:00:00Z
rm -rf "$out"
mkdir -p "$out/src" "$out/keys" "$out/prom"
src=$out/src data=$out/data log=$out/log

fail() {
    echo "FAIL (seed $seed, round ${round:-0}): $*"
    [ -s "$log" ] && { echo "--- aula-sync said:"; cat "$log"; }
    [ -d "$data" ] && { echo "--- data directory:"; ls -la "$data"; }
    exit 1
}
command -v sqlite3 >/dev/null || fail "sqlite3 is not installed (Debian package sqlite3)"

# --- content A and B: the minimal fixture, padded to a few MB with random
# text so that a kill can land in the middle of the copy -----------------
"$pack" keygen -s "$out/test.key" -p "$out/keys/test.pub" >/dev/null || fail "keygen"
pad() { # FILE BYTES/2
    sqlite3 -bail "$1" "UPDATE service_i18n SET description = hex(randomblob($2))
        WHERE (id, lang) = (SELECT id, lang FROM service_i18n ORDER BY id, lang LIMIT 1);" || fail "sqlite3 padding $1"
}
"$pack" build "$fix" -o "$src/A.aula" --now 2026-11-23T10:00:00Z --content-version 1 \
    >/dev/null || fail "build A"
"$pack" build "$fix" -o "$src/B.aula" --now 2026-11-23T10:00:00Z --content-version 2 \
    >/dev/null || fail "build B"
pad "$src/A.aula" 1500000
pad "$src/B.aula" 2000000
for f in A B; do
    "$pack" sign "$src/$f.aula" -k "$out/test.key" >/dev/null || fail "sign $f"
done
cat >"$out/aula.conf" <<EOF
# install_kill_test settings
prometheus_file = $out/prom/aula.prom
keep = 2
EOF

run_sync() { # ARGS...: aula-sync on the data directory, output in $log
    "$sync" --config "$out/aula.conf" --data-dir "$data" --keys "$out/keys" --now $now "$@" \
        >"$log" 2>&1
}
# The same in the background, $pid set to aula-sync's own process id.
start_sync() {
    "$sync" --config "$out/aula.conf" --data-dir "$data" --keys "$out/keys" --now $now "$@" \
        >"$log" 2>&1 &
    pid=$!
}
src_of() { # snapshot-N.aula -> the source it must equal
    case $1 in
    snapshot-1.aula) echo "$src/A.aula" ;;
    snapshot-2.aula) echo "$src/B.aula" ;;
    *) echo "" ;;
    esac
}
state_value() { # KEY: a number from the state file (0 if none)
    v=$(sed -n "s/^$1 = \\([0-9-]*\\)\$/\\1/p" "$data/state" 2>/dev/null)
    echo "${v:-0}"
}
now_ns() { date +%s%N; }

# A temporary file (".incoming-PID-N.tmp", ".PID-N.tmp", ...) may be left
# only by a run killed since the last one that finished ($2: their pids),
# and all by the same run: each run removes the earlier ones before it
# makes its own.
temp_ok() { # PATH PIDS
    [ -n "$2" ] || fail "a run that finished left $1"
    x=${1%-*}
    p=${x##*[.-]}
    case " $2 " in
    *" $p "*) ;;
    *) fail "$1 was left by an earlier run and not removed" ;;
    esac
    [ -z "$temp_pid" ] || [ "$temp_pid" = "$p" ] ||
        fail "temporary files of two runs: $p and $temp_pid (not removed by the later one)"
    temp_pid=$p
}

# What the kiosk would see, and everything else in the data directory.
# $1: the pids of the runs killed since the last one that finished (their
# temporary files may remain), or "" if the last run finished. One sqlite3 does the checks it can: process starts are
# what costs on a loaded machine.
check_data() {
    cur=$(readlink "$data/current") || fail "current is not a link"
    want=$(src_of "$cur")
    [ -n "$want" ] || fail "current names \"$cur\", neither A nor B"
    cv=${cur#snapshot-}
    set -- "${1:-}" "PRAGMA quick_check;" \
        "SELECT 'version', value FROM snapshot_meta WHERE key = 'content_version';"
    expected="ok
version|${cv%.aula}"
    ntemp=0 temp_pid=''
    for f in "$out"/prom/.[!.]*; do
        [ -e "$f" ] || continue
        b=${f##*/}
        ntemp=$((ntemp + 1))
        temp_ok "$f" "$1"
    done
    for f in "$data"/* "$data"/.[!.]*; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        b=${f##*/}
        case $b in
        current | .lock | state) ;;
        status.json)
            set -- "$@" "SELECT '$b', json_valid(readfile('$f'));"
            expected="$expected
$b|1"
            ;;
        snapshot-[12].aula)
            cmp -s "$f" "$(src_of "$b")" || fail "$b is kept but differs from its signed source"
            ;;
        snapshot-[12].aula.minisig)
            cmp -s "$f" "$(src_of "${b%.minisig}").minisig" ||
                fail "$b is kept but differs from its source"
            ;;
        .*.tmp)
            ntemp=$((ntemp + 1))
            temp_ok "$f" "$1"
            ;;
        *) fail "unexpected file $b" ;;
        esac
    done
    [ "$ntemp" -le 3 ] || fail "$ntemp temporary files"
    shift
    got=$(sqlite3 -readonly "$data/current" "$@" 2>&1)
    [ "$got" = "$expected" ] || fail "current's quick_check and content_version, status.json's
validity (1) gave
$got
instead of
$expected"
    if [ -e "$data/state" ]; then
        bad=$(grep -v -E '^(#.*|[a-z_]+ = (-?[0-9]+|"[^"]*"))$' "$data/state")
        [ -z "$bad" ] || fail "state file has a bad line: $bad"
    fi
}

# --- A installed; how long a whole install takes -------------------------
run_sync install "$src/A.aula" || fail "installing A"
cp -a "$data" "$out/fresh"
# How long each kind of run takes, in microseconds: the middle one of
# three. fresh: B over A on a screen that never had B; over: B or A over
# the other with the target kept (--allow-older); back: rollback.
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
timed() { # ARGS...: runs aula-sync, sets t
    t0=$(now_ns)
    run_sync "$@" || fail "timing run: aula-sync $*"
    t=$((($(now_ns) - t0) / 1000))
}
f1='' o1='' b1=''
for _ in 1 2 3; do
    rm -rf "$data" && cp -a "$out/fresh" "$data" || fail "cannot copy $out/fresh"
    timed install "$src/B.aula"
    f1="$f1 $t"
    timed rollback --to 1
    b1="$b1 $t"
    timed install "$src/B.aula" --allow-older
    o1="$o1 $t"
done
# shellcheck disable=SC2086
t_fresh=$(median3 $f1) t_over=$(median3 $o1) t_back=$(median3 $b1)
check_data ""
echo "install_kill: $rounds rounds, seed $seed; a whole run takes $((t_fresh / 1000)) ms" \
    "(install of B on a screen that never had it), $((t_over / 1000)) ms (install over a kept" \
    "copy), $((t_back / 1000)) ms (rollback)"
echo "install_kill: A $(wc -c <"$src/A.aula") bytes, B $(wc -c <"$src/B.aula") bytes"

# --- the rounds ------------------------------------------------------------
# A kill lands after a fraction of its kind of run's time (in thousandths,
# the time adapting to the machine's load as the rounds go): every
# other one anywhere from 0 to 1.2, the others from 0.3 to 0.9, around the
# copy being checked, kept and switched to (the rest of a run prunes and
# writes the state and reports).
awk -v s="$seed" -v n="$rounds" 'BEGIN {
    srand(s)
    for (i = 0; i < n; i++)
        printf "%d %d\n", 1000 * (i % 2 ? 0.3 + 0.6 * rand() : 1.2 * rand()), rand() * 6
}' >"$out/plan"
t_start=$(date +%s)
before=0 kept=0 after=0 unsaved=0 finished=0 fwd=0 back=0 recovered=0
round=0 killed_pids=''
while read -r frac pick; do
    round=$((round + 1))
    pre=$(readlink "$data/current")
    pre_installs=$(state_value installs_total)
    if [ "$pre" = snapshot-1.aula ]; then
        target=snapshot-2.aula
        fwd=$((fwd + 1))
        if [ "$pick" -lt 2 ]; then
            rm -rf "$data" && cp -a "$out/fresh" "$data" || fail "cannot copy $out/fresh"
            set -- install "$src/B.aula"
            kind=fresh
        else
            set -- install "$src/B.aula" --allow-older
            kind=over
        fi
    else
        target=snapshot-1.aula
        back=$((back + 1))
        if [ "$pick" -lt 2 ]; then
            set -- rollback --to 1
            kind=back
        else
            set -- install "$src/A.aula" --allow-older
            kind=over
        fi
    fi
    had_target=0
    [ -e "$data/$target" ] && had_target=1
    eval "t=\$t_$kind"
    [ "$t" -ge 1000 ] || t=1000
    delay=$((t * frac / 1000))
    start_sync "$@"
    sleep "$((delay / 1000000)).$(printf %06d $((delay % 1000000)))"
    kill -9 $pid 2>/dev/null
    { wait $pid; } 2>/dev/null
    rc=$?
    if [ $rc -ne 137 ]; then
        [ $rc -eq 0 ] || fail "aula-sync $* finished with status $rc"
        killed_pids=''
        check_data ""
        [ "$(readlink "$data/current")" = "$target" ] ||
            fail "aula-sync $* succeeded, current is $(readlink "$data/current")"
        finished=$((finished + 1))
        # The machine is faster than measured (or less loaded now): a
        # tenth less for this kind of run.
        eval "t_$kind=$((t * 9 / 10))"
        continue
    fi
    # Slower than measured: 3 % more. Balanced, about one run in five
    # finishes before its kill.
    eval "t_$kind=$((t * 103 / 100))"
    killed_pids="$killed_pids $pid"
    check_data "$killed_pids"
    cur=$(readlink "$data/current")
    if [ "$cur" = "$pre" ]; then
        before=$((before + 1))
        if [ $had_target = 0 ] && [ -e "$data/$target" ]; then
            # Killed after the copy was kept, before the switch: the next
            # run must finish the install.
            kept=$((kept + 1))
            run_sync "$@" || fail "after a kill between keeping the copy and the switch," \
                "aula-sync $* did not finish the install"
            killed_pids=''
            check_data ""
            [ "$(readlink "$data/current")" = "$target" ] || fail "the next run did not switch"
            recovered=$((recovered + 1))
        fi
    else
        after=$((after + 1))
        # It switched, so it got past removing what earlier runs left.
        killed_pids=" $pid"
        [ "$(state_value installs_total)" = "$pre_installs" ] && unsaved=$((unsaved + 1))
    fi
done <"$out/plan"
killed=$((before + after))
echo "install_kill: run times at the end: $((t_fresh / 1000)) ms, $((t_over / 1000)) ms," \
    "$((t_back / 1000)) ms; $(($(date +%s) - t_start)) s in all"
echo "install_kill: $fwd rounds to B, $back back to A; $killed killed, $finished finished before the kill"
echo "install_kill: killed before the switch: $before (the new copy already kept: $kept," \
    "finished by the next run: $recovered); after the switch: $after (before the state was" \
    "written: $unsaved)"

# --- one uninterrupted install of B ------------------------------------------
round=final
if [ "$(readlink "$data/current")" = snapshot-2.aula ]; then
    run_sync rollback --to 1 || fail "rollback to A"
fi
# B after a rollback from it needs --allow-older (staff going forward again).
if [ "$(state_value high_water)" -ge 2 ]; then set -- --allow-older; else set --; fi
run_sync install "$src/B.aula" "$@" || fail "the uninterrupted install of B"
check_data ""
[ "$(readlink "$data/current")" = snapshot-2.aula ] || fail "current is not B after the install"
[ "$killed" -gt 0 ] || fail "no run was killed"
[ "$before" -gt 0 ] && [ "$after" -gt 0 ] || fail "kills did not land on both sides of the switch"
echo "install_kill: pass"
