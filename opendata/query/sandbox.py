"""Limits a query process puts on itself: no network at all, and a memory ceiling.

pyoxigraph's Store.query has no switch to turn federation off: its SERVICE support opens HTTP
connections itself. The query parser (query_guard.py) refuses SERVICE, but a second line must not
depend on two parsers agreeing. So a process that runs queries moves itself into a new, empty
network namespace (Linux `unshare`): it then has only a loopback device that is down, and every
connect fails in the kernel, whatever the query says. Memory is bounded with RLIMIT_AS, so a query
that builds a huge result fails in its own process instead of exhausting the machine.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import socket

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_STATE = {"offline": False}


def cut_off_network() -> str | None:
    """Move this process into an empty network namespace; None when done, else why it could not be.

    Must run while the process has one thread (the kernel refuses a new user namespace otherwise).
    Root with CAP_SYS_ADMIN needs only a new network namespace; anyone else gets one inside a new
    user namespace (allowed for unprivileged users on most Linux systems).
    """
    if _STATE["offline"]:
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as exc:  # not Linux/glibc
        return f"no C library to call unshare: {exc}"
    unshare = getattr(libc, "unshare", None)
    if unshare is None:
        return "this system has no unshare()"
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if unshare(flags) == 0:
            _STATE["offline"] = True
            return None
        reason = os.strerror(ctypes.get_errno() or errno.EPERM)
    return f"unshare(CLONE_NEWNET) failed: {reason}"


def is_offline() -> bool:
    """True when this process has cut itself off the network (see cut_off_network)."""
    return _STATE["offline"]


def can_connect(host: str, port: int) -> bool:
    """Whether a TCP connection can be opened from this process (used to prove the cut-off)."""
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def limit_memory(max_bytes: int) -> None:
    """Bound this process's address space: allocations beyond it fail (MemoryError, or a Rust abort)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def address_space_bytes() -> int:
    """This process's current virtual size (VmSize), to tell how much room a limit leaves."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def default_memory_limit(workers: int) -> int:
    """A sane share of the machine for one query worker: half the RAM spread over the workers, ≥ 512 MiB."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (OSError, ValueError):
        total = 4 << 30
    return max(512 << 20, total // 2 // max(workers, 1))
