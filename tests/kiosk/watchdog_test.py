#!/usr/bin/env python3
"""The kiosk under a systemd-like supervisor: it must say READY=1 after its
first frame, ping WATCHDOG=1 at half the watchdog interval while idle,
stop pinging while its loop cannot run (SIGSTOP, as a hang would), resume
after, and say STOPPING=1 when told to stop.

usage: watchdog_test.py AULA SNAPSHOT
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def receive(sock, seconds):
    """Messages received within the given time, with their arrival times."""
    got = []
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return got
        sock.settimeout(left)
        try:
            data = sock.recv(4096)
        except socket.timeout:
            return got
        got.append((time.monotonic(), data.decode()))


def main():
    aula, snapshot = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="400000",
               SDL_VIDEODRIVER="dummy")
    env.pop("WATCHDOG_PID", None)
    proc = subprocess.Popen([aula, "--window", "--size", "800x480", "--snapshot", snapshot],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        first = receive(sock, 10)
        msgs = [m for _, m in first]
        if not msgs or msgs[0] != "READY=1":
            fail("expected READY=1 first, got %r" % msgs[:3])
        pings = [t for t, m in first if m == "WATCHDOG=1"]
        # 10 s at a 200 ms interval: about 50 pings; idle must not stop them.
        if len(pings) < 30:
            fail("only %d watchdog pings in 10 s (interval 200 ms)" % len(pings))
        gaps = [b - a for a, b in zip(pings, pings[1:])]
        if max(gaps) > 0.35:
            fail("a gap of %.0f ms between pings (interval 200 ms)" % (max(gaps) * 1000))
        print("READY=1, then %d pings, gaps %.0f-%.0f ms" %
              (len(pings), min(gaps) * 1000, max(gaps) * 1000))

        proc.send_signal(signal.SIGSTOP)  # a hung loop
        receive(sock, 0.3)  # drain what was already sent
        hung = receive(sock, 1.0)
        if hung:
            fail("pings while the loop could not run: %r" % hung)
        proc.send_signal(signal.SIGCONT)
        back = [m for _, m in receive(sock, 1.0)]
        if "WATCHDOG=1" not in back:
            fail("no ping after the loop ran again")
        print("no pings while stopped; pings again after")

        proc.send_signal(signal.SIGTERM)
        rest = [m for _, m in receive(sock, 5)]
        if "STOPPING=1" not in rest:
            fail("no STOPPING=1 after SIGTERM (got %r)" % rest[-3:])
        proc.wait(timeout=5)
        print("STOPPING=1 on SIGTERM; exit status %d" % proc.returncode)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        sock.close()
        os.unlink(path)
        os.rmdir(tmp)


if __name__ == "__main__":
    main()
