"""Worker processes that run SPARQL queries for the endpoint, each with the publication loaded.

pyoxigraph evaluates a query in Rust without checking for Python signals, so a thread cannot stop
it. A query therefore runs in a worker process; when it outlasts the timeout the worker is killed
and a fresh one takes its place, while the other workers go on answering. Each worker first cuts
itself off the network and bounds its own memory (sandbox.py): a query that needs more than the
bound makes the allocator fail, the worker dies alone, and the pool reports that and replaces it.
A pool serves one build of the publication; `retire()` lets its queries finish, then closes it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opendata.query import sandbox
from opendata.query.store import load_store

QUEUE_WAIT = 30.0  # seconds a request may wait for a free worker (or the timeout, if longer)
Answer = Callable[[Any, Any], Any]  # (store, job) -> reply, run inside a worker


@dataclass(frozen=True)
class Failure:
    """Why the pool gave no reply: 'timeout', 'busy', 'memory', 'closed' or 'crashed'."""

    reason: str
    message: str


MEMORY_DEATHS = (
    -signal.SIGABRT,
    -signal.SIGKILL,
)  # Rust aborts when an allocation fails; the kernel's OOM killer


def _worker_main(dist: str, answer: Answer, conn, max_memory: int | None = None) -> None:
    """A worker's life: cut the network, bound memory, load the store, say ready, answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    os.environ["RUST_BACKTRACE"] = "0"  # an allocation failure ends the worker with one line, not a backtrace
    network = sandbox.cut_off_network()  # first: the kernel allows it only while the process has one thread
    try:
        if max_memory:
            sandbox.limit_memory(max_memory)
        store = load_store(Path(dist))
    except MemoryError:
        conn.send(
            (
                "failed",
                f"the publication does not fit in the memory limit of {(max_memory or 0) >> 20} MB (--max-memory)",
            )
        )
        return
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", network))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(answer(store, job))


class WorkerFailed(RuntimeError):
    """A worker could not start: it could not load the publication (the message says why)."""


class _Worker:
    def __init__(self, context, dist: Path, answer: Answer, max_memory: int | None):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(str(dist), answer, child, max_memory), daemon=True
        )
        self.process.start()
        child.close()
        self._stopping = (
            threading.Lock()
        )  # a query thread's _replace and the pool's close may stop it at once
        self._stopped = False
        self.network: str | None = (
            None  # why the worker could not cut itself off the network, if it could not
        )

    def wait_ready(self) -> None:
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            status, detail = "failed", f"the worker stopped while loading (exit code {self.process.exitcode})"
        if status != "ready":
            self.stop()
            raise WorkerFailed(f"query worker could not load the publication: {detail}")
        self.network = detail

    def died_of_memory(self) -> bool:
        self.process.join(timeout=5)
        return self.process.exitcode in MEMORY_DEATHS

    def stop(self) -> None:
        """Kill the process and close its pipe, once: a second call, from any thread, does nothing
        (two threads closing one pipe at once gave EBADF, and `serve` exited 1 on SIGTERM)."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.conn.close()


class QueryPool:
    """`size` worker processes; `ask(job)` gives the worker's reply or a Failure."""

    def __init__(
        self, dist: Path, answer: Answer, size: int = 2, timeout: float = 30.0, max_memory: int | None = None
    ):
        self.dist, self.answer, self.timeout, self.max_memory = dist, answer, timeout, max_memory
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = self._retired = False
        self._asking = 0  # queries under way, so that a retired pool closes only when they are answered
        started = [self._start() for _ in range(max(size, 1))]
        try:
            for worker in started:
                worker.wait_ready()
        except Exception:
            self.close()
            raise
        self.network = started[0].network  # None: the workers are cut off the network
        for worker in started:
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.dist, self.answer, self.max_memory)
        with self._lock:
            self._workers.add(worker)
        return worker

    def ask(self, job) -> Any:
        with self._lock:
            if self._closed:
                return Failure("closed", "the publication changed while the query waited; send it again")
            self._asking += 1
        try:
            return self._ask(job)
        finally:
            with self._lock:
                self._asking -= 1
                drained = self._retired and self._asking == 0
            if drained:
                self.close()

    def _ask(self, job) -> Any:
        waited = max(self.timeout, QUEUE_WAIT)
        try:
            worker = self._idle.get(timeout=waited)
        except queue.Empty:
            return Failure("busy", f"every query worker stayed busy for {waited:g} s; try again later")
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                return Failure(
                    "timeout", f"the query was stopped after {self.timeout:g} s, this endpoint's time limit"
                )
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            memory = worker.died_of_memory()
            self._replace(worker)
            if memory:
                limit = f" of {self.max_memory >> 20} MB" if self.max_memory else ""
                return Failure(
                    "memory",
                    f"the query needed more memory than this endpoint's limit{limit} "
                    "per query worker and was stopped; narrow it (LIMIT, fewer joins)",
                )
            return Failure("crashed", "the query worker stopped unexpectedly; it has been replaced")
        self._idle.put(worker)
        return reply

    def retire(self) -> None:
        """No new queries: close once those under way are answered (a newer publication replaces this one)."""
        with self._lock:
            self._retired = True
            idle = self._asking == 0
        if idle:
            self.close()

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start its successor in the background (loading takes a moment)."""
        with self._lock:
            self._workers.discard(worker)
        worker.stop()
        threading.Thread(target=self._restock, daemon=True).start()

    def _restock(self) -> None:
        if self._closed:
            return
        try:
            worker = self._start()
            worker.wait_ready()
        except Exception as exc:
            if not self._closed:  # a retired pool's last replacement may find its build gone: not news
                print(f"opendata serve: could not start a query worker: {exc}", file=sys.stderr)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.put(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            with contextlib.suppress(OSError, BrokenPipeError):
                worker.conn.send(None)
            worker.process.join(timeout=2)
            worker.stop()
