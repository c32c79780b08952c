"""Worker processes that run SPARQL queries for the endpoint, each with the publication loaded.

pyoxigraph evaluates a query in Rust without checking for Python signals, so a thread cannot stop
it. A query therefore runs in a worker process; when it outlasts the timeout the worker is killed
and a fresh one takes its place, while the other workers go on answering.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

QUEUE_WAIT = 30.0  # seconds a request may wait for a free worker (or the timeout, if longer)
Answer = Callable[[Any, Any], Any]  # (store, job) -> reply, run inside a worker


@dataclass(frozen=True)
class Failure:
    """Why the pool gave no reply: 'timeout', 'busy' or 'crashed'."""

    reason: str
    message: str


def _worker_main(dist: str, answer: Answer, conn) -> None:
    """A worker's life: load the store, say ready, then answer jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    from .query import load_store

    try:
        store = load_store(Path(dist))
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(answer(store, job))


class _Worker:
    def __init__(self, context, dist: Path, answer: Answer):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(str(dist), answer, child), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        status, detail = self.conn.recv()
        if status != "ready":
            self.stop()
            raise RuntimeError(f"query worker could not load the publication: {detail}")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """`size` worker processes; `ask(job)` gives the worker's reply or a Failure."""

    def __init__(self, dist: Path, answer: Answer, size: int = 2, timeout: float = 30.0):
        self.dist, self.answer, self.timeout = dist, answer, timeout
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        started = [self._start() for _ in range(max(size, 1))]
        try:
            for worker in started:
                worker.wait_ready()
        except Exception:
            self.close()
            raise
        for worker in started:
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.dist, self.answer)
        with self._lock:
            self._workers.add(worker)
        return worker

    def ask(self, job) -> Any:
        waited = max(self.timeout, QUEUE_WAIT)
        try:
            worker = self._idle.get(timeout=waited)
        except queue.Empty:
            return Failure("busy", f"every query worker stayed busy for {waited:g} s; try again later")
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                return Failure("timeout", f"the query was stopped after {self.timeout:g} s, this endpoint's time limit")
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            return Failure("crashed", "the query worker stopped unexpectedly; it has been replaced")
        self._idle.put(worker)
        return reply

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
            print(f"opendata serve: could not start a query worker: {exc}", file=sys.stderr)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.put(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            try:
                worker.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            worker.process.join(timeout=2)
            worker.stop()
