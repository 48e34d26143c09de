#!/usr/bin/env python3
"""wait_ready.py URL PID [TIMEOUT_S]: returns (status 0) as soon as URL answers 2xx, 1 when PID has
exited first, 2 at the timeout. bench/run times a start with it instead of a shell loop of curl and
sleep processes: on a 2-core machine that loop (two process starts every 50 ms) took a third of a
core, 2 s of CPU over a 6 s start that is itself CPU-bound, and so measured its own cost as start
time. One process polling every 20 ms costs almost nothing."""
import http.client
import os
import sys
import time
import urllib.parse

url = urllib.parse.urlsplit(sys.argv[1])
pid = int(sys.argv[2])
deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) > 3 else 300)
path = (url.path or "/") + ("?" + url.query if url.query else "")
while time.monotonic() < deadline:
    try:
        connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=5)
        connection.request("GET", path)
        if 200 <= connection.getresponse().status < 300:
            sys.exit(0)
    except OSError:
        pass
    finally:
        connection.close()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(1)
    time.sleep(0.02)
sys.exit(2)
