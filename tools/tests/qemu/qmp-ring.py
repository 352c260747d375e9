#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Read the hypervisor's console ring out of a QEMU guest that has powered
# off, for runs whose serial line shows nothing (no console was started).
#
#   qmp-ring.py SOCKET XEN_SYMS TIMEOUT OUT
#
# QEMU must run with "-action shutdown=pause -qmp unix:SOCKET,server=on,
# wait=off". This waits (at most TIMEOUT seconds) for the guest to power
# off, saves the ring (the symbols conring and conring_prod of XEN_SYMS;
# the image must sit where it is linked, with the MMU's identity map, as
# on QEMU virt) with pmemsave, writes its text, oldest byte first, to OUT
# and quits QEMU. Exit status 0, or 124 if the guest did not power off in
# time (QEMU is left to the caller then).
import json
import os
import socket
import subprocess
import sys
import tempfile
import time


def symbols(path, names):
    out = subprocess.run(["readelf", "-sW", path], check=True,
                         capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 8 and f[7] in names:
            found[f[7]] = (int(f[1], 16), int(f[2], 0))
    missing = [n for n in names if n not in found]
    if missing:
        sys.exit("qmp-ring.py: %s: no symbol %s" % (path, ", ".join(missing)))
    return found


class Qmp:
    def __init__(self, path, deadline):
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    sys.exit(124)
                time.sleep(0.05)
        self.buf = b""
        self.deadline = deadline
        self.events = []
        self.read()  # the greeting
        self.command("qmp_capabilities")

    def read(self):
        while b"\n" not in self.buf:
            left = self.deadline - time.monotonic()
            if left <= 0:
                sys.exit(124)
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                sys.exit(124)
            if not data:
                sys.exit("qmp-ring.py: QEMU closed the QMP socket")
            self.buf += data
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self.read()
            if "event" in reply:
                self.events.append(reply["event"])
            elif "error" in reply:
                sys.exit("qmp-ring.py: %s: %s" % (name, reply["error"]))
            else:
                return reply

    def wait_event(self, name):
        while name not in self.events:
            reply = self.read()
            if "event" in reply:
                self.events.append(reply["event"])


def main():
    sock, syms, timeout, out = sys.argv[1:5]
    deadline = time.monotonic() + float(timeout)
    sym = symbols(syms, ["conring", "conring_prod"])
    qmp = Qmp(sock, deadline)
    qmp.wait_event("SHUTDOWN")

    with tempfile.TemporaryDirectory() as tmp:
        saved = {}
        for name, (addr, size) in sym.items():
            path = os.path.join(tmp, name)
            qmp.command("pmemsave", val=addr, size=size, filename=path)
            with open(path, "rb") as f:
                saved[name] = f.read()
    qmp.command("quit")

    ring = saved["conring"]
    prod = int.from_bytes(saved["conring_prod"], "little")
    if prod <= len(ring):
        text = ring[:prod]
    else:
        cut = prod % len(ring)
        text = ring[cut:] + ring[:cut]
    with open(out, "wb") as f:
        f.write(text)


if __name__ == "__main__":
    main()
