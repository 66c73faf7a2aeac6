#!/usr/bin/env python3
"""The kiosk under a systemd-like supervisor: it must say READY=1 after its
first frame, ping WATCHDOG=1 at half the watchdog interval while idle,
stop pinging while its loop cannot run (SIGSTOP, as a hang would), resume
after, and say STOPPING=1 when told to stop.

With --x11 the same kiosk runs full screen under a real X server (Xvfb,
SDL's x11 driver): READY=1 and WATCHDOG=1 must arrive and the screen must
show the kiosk (Xvfb's own frame buffer file, decoded here: not one
colour, the header band's colour present).
With --cage it runs under cage, the Wayland kiosk compositor, with its
headless back end: READY=1 and WATCHDOG=1 must arrive (skipped, exit 77,
when cage is not installed).

usage: watchdog_test.py AULA SNAPSHOT [--x11 | --cage]
"""
import os
import shutil
import struct
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


HEADER_RGB = (0x0E, 0x5C, 0x63)  # COL_PRIMARY of kiosk/ui/theme.c: the header band


def read_xwd(path):
    """Width, height and a pixel function of an XWD file (as Xvfb -fbdir
    writes its screen): 32-bit TrueColor only."""
    with open(path, "rb") as f:
        data = f.read()
    fields = struct.unpack(">25I", data[:100])
    header_size, version = fields[0], fields[1]
    depth, width, height = fields[3], fields[4], fields[5]
    byte_order, bpp, stride = fields[7], fields[11], fields[12]
    masks = fields[14:17]
    ncolors = fields[19]
    if version != 7 or bpp != 32 or depth < 24:
        fail("%s: an XWD picture of depth %d, %d bits per pixel: not handled" % (path, depth, bpp))
    start = header_size + ncolors * 12
    fmt = "<I" if byte_order == 0 else ">I"

    def shift_of(mask):
        n = 0
        while mask and not mask & 1:
            mask >>= 1
            n += 1
        return n

    shifts = [shift_of(m) for m in masks]

    def pixel(x, y):
        v = struct.unpack_from(fmt, data, start + y * stride + x * 4)[0]
        return tuple((v & m) >> s for m, s in zip(masks, shifts))

    return width, height, pixel


def check_picture(width, height, pixel, what):
    """The kiosk is on screen: many colours, the header band's among them."""
    colours = {}
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            c = pixel(x, y)
            colours[c] = colours.get(c, 0) + 1
    total = sum(colours.values())
    common, n = max(colours.items(), key=lambda kv: kv[1])
    if len(colours) < 16 or n > total * 0.95:
        fail("%s: %d colours, %.0f%% of it %r: not the kiosk" %
             (what, len(colours), n * 100.0 / total, common))
    header = colours.get(HEADER_RGB, 0)
    if header < total * 0.02:
        fail("%s: the header colour #%02x%02x%02x covers only %d of %d pixels" %
             ((what,) + HEADER_RGB + (header, total)))
    print("%s: %dx%d, %d colours, header colour on %.0f%% of it" %
          (what, width, height, len(colours), header * 100.0 / total))


def expect_ready_and_pings(sock, seconds, what):
    got = [m for _, m in receive(sock, seconds)]
    if not got or got[0] != "READY=1":
        fail("%s: expected READY=1 first, got %r" % (what, got[:3]))
    if got.count("WATCHDOG=1") < 3:
        fail("%s: only %d watchdog pings" % (what, got.count("WATCHDOG=1")))
    print("%s: READY=1, then %d pings" % (what, got.count("WATCHDOG=1")))


def notify_socket(tmp):
    path = os.path.join(tmp, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    return sock, path


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def x11(aula, snapshot):
    """Full screen on a real X server."""
    tmp = tempfile.mkdtemp()
    sock, path = notify_socket(tmp)
    xvfb = kiosk = None
    try:
        # -displayfd: the server picks a free display number and tells it.
        rfd, wfd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(wfd), "-screen", "0", "1280x800x24",
                                 "-fbdir", tmp, "-nolisten", "tcp", "-noreset"],
                                pass_fds=(wfd,), stderr=subprocess.DEVNULL)
        os.close(wfd)
        display = b""
        while not display.endswith(b"\n"):
            chunk = os.read(rfd, 16)
            if not chunk:
                fail("Xvfb did not start")
            display += chunk
        os.close(rfd)
        env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000",
                   SDL_VIDEODRIVER="x11", DISPLAY=":" + display.decode().strip(),
                   XCOMPOSEFILE="/dev/null")
        env.pop("WATCHDOG_PID", None)
        kiosk = subprocess.Popen([aula, "--snapshot", snapshot, "--no-shift"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        expect_ready_and_pings(sock, 3, "x11")
        width, height, pixel = read_xwd(os.path.join(tmp, "Xvfb_screen0"))
        if (width, height) != (1280, 800):
            fail("the X screen is %dx%d" % (width, height))
        check_picture(width, height, pixel, "x11 full screen")
        stop(kiosk)
        if kiosk.returncode != 0:
            fail("aula exited with %d: %s" % (kiosk.returncode, kiosk.stderr.read().decode()))
    finally:
        stop(kiosk)
        stop(xvfb)
        sock.close()
        shutil.rmtree(tmp, ignore_errors=True)


def cage(aula, snapshot):
    """Under cage, the Wayland kiosk compositor, headless. cage refuses to
    run as root: as root the test runs it as nobody."""
    if not shutil.which("cage"):
        print("cage is not installed (Debian: cage, xwayland): skipped")
        sys.exit(77)
    tmp = tempfile.mkdtemp()
    sock, path = notify_socket(tmp)
    os.chmod(path, 0o777)
    run_as = []
    if os.geteuid() == 0:
        os.chown(tmp, 65534, 65534)
        run_as = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    os.chmod(tmp, 0o700)
    proc = None
    try:
        # No GPU here: SDL's Wayland driver needs GL (Mesa's software
        # rasterizer) for a software-rendered window.
        env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000",
                   XDG_RUNTIME_DIR=tmp, WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1",
                   WLR_RENDERER="pixman", SDL_VIDEODRIVER="wayland",
                   SDL_FRAMEBUFFER_ACCELERATION="1")
        for k in ("DISPLAY", "WAYLAND_DISPLAY", "WATCHDOG_PID"):
            env.pop(k, None)
        proc = subprocess.Popen(run_as + ["cage", "--", aula, "--snapshot", snapshot,
                                          "--no-shift"],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        expect_ready_and_pings(sock, 10, "cage")
        if proc.poll() is not None:
            fail("aula under cage stopped: %s" % proc.stderr.read().decode())
        # The picture is not checked here: cage 0.1.4 (wlroots 0.15) with its
        # headless back end and the pixman renderer hands screenshot tools
        # (grim) a black frame whatever the client draws.
    finally:
        stop(proc)
        sock.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    aula, snapshot = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "--x11":
        return x11(aula, snapshot)
    if len(sys.argv) > 3 and sys.argv[3] == "--cage":
        return cage(aula, snapshot)
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
