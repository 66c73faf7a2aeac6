#!/usr/bin/env python3
"""An HTTPS server on 127.0.0.1 that takes POSTs, for aula-sync upload-stats.

  /stats   saves the body to ROOT/body.json and its Content-Type to
           ROOT/type.txt, answers 204
  /fail    answers 500
  /slow    reads the body, then answers nothing for 30 s (a stalled server)
Every request is appended to ROOT/requests.log.
Usage: upload_server.py ROOT CERT KEY PORTFILE  (writes the port it listens on)
"""
import http.server
import os
import ssl
import sys
import time

ROOT, CERT, KEY, PORTFILE = sys.argv[1:5]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def do_POST(self):
        with open(os.path.join(ROOT, "requests.log"), "a") as f:
            f.write("%s %s %s\n" % (self.command, self.path, self.headers.get("User-Agent", "")))
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        if self.path == "/stats":
            with open(os.path.join(ROOT, "body.json"), "wb") as f:
                f.write(body)
            with open(os.path.join(ROOT, "type.txt"), "w") as f:
                f.write(self.headers.get("Content-Type", ""))
            self.send_response(204)
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(30)
        else:
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(CERT, KEY)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
with open(PORTFILE + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(PORTFILE + ".tmp", PORTFILE)
srv.serve_forever()
