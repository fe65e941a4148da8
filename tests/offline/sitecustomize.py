"""Block network access for the course's offline test (loaded by Python at start-up).

When ``COURSE_OFFLINE=1`` and this folder is on ``PYTHONPATH``, every Python process (the test
kernels included) may connect only to loopback addresses and local sockets. Any other
connection or name lookup raises ``OSError`` naming this guard, so a notebook that needs the
internet fails its test instead of silently working only online. Kernel messaging (ZeroMQ over
127.0.0.1) is not affected.
"""

import ipaddress
import os
import socket
import sys

BLOCKED = "network access is blocked: the course must work offline (tests/offline/sitecustomize.py)"
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def is_local(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def guard(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo" and not is_local(args[0]):
        raise socket.gaierror(socket.EAI_NONAME, f"{BLOCKED}: lookup of {args[0]!r}")
    if event in ("socket.connect", "socket.sendto") and isinstance(args[1], tuple) and not is_local(args[1][0]):
        raise OSError(f"{BLOCKED}: connection to {args[1][0]!r}")


if os.environ.get("COURSE_OFFLINE") == "1":
    sys.addaudithook(guard)
