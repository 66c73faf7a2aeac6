#!/usr/bin/env python3
"""A tiny HTTP server on 127.0.0.1 for what nginx will not do on purpose.

  /die/NAME    sends the headers of the whole file and half its body, then
               closes the connection (a server dying mid-download)
  /slow/NAME   sends the headers, then one byte a second (a stalled server)
  /flaky/NAME  answers 503 to the first request for NAME, then serves it
Files are served from ROOT. Every request is appended to ROOT/requests.log.
Usage: test_server.py ROOT PORTFILE  (writes the port it listens on)
"""
import http.server
import os
import sys
import time

ROOT = sys.argv[1]
seen = set()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        with open(os.path.join(ROOT, "requests.log"), "a") as f:
            f.write("%s %s\n" % (self.path, self.headers.get("User-Agent", "")))
        parts = self.path.strip("/").split("/", 1)
        if len(parts) != 2 or "/" in parts[1] or parts[1].startswith("."):
            self.send_error(404)
            return
        mode, name = parts
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            self.send_error(404)
            return
        data = open(path, "rb").read()
        if mode == "flaky" and self.path not in seen:
            seen.add(self.path)
            self.send_error(503)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if mode == "die":
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
        elif mode == "slow":
            for b in data:
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(1)
        else:
            self.wfile.write(data)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
with open(sys.argv[2] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(sys.argv[2] + ".tmp", sys.argv[2])
server.serve_forever()
