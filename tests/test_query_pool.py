"""The query pool's workers are stopped once, whichever threads stop them: a query thread that
replaces a timed-out worker and the server's shutdown closing the pool may do so at the same moment."""

from __future__ import annotations

import multiprocessing
import threading

from opendata.query.pool import _Worker


def _never_answers(job):  # pragma: no cover - the worker never loads a publication here
    return job


def test_a_worker_stopped_by_many_threads_at_once_stops_once_without_an_error(tmp_path):
    context = multiprocessing.get_context("spawn")
    for _ in range(5):
        worker = _Worker(context, tmp_path / "no-publication", _never_answers, None)
        start, errors = threading.Barrier(8), []

        def stop(worker=worker, start=start, errors=errors) -> None:
            start.wait()
            try:
                worker.stop()
            except OSError as error:  # EBADF: the pipe closed twice
                errors.append(error)

        threads = [threading.Thread(target=stop) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert not worker.process.is_alive() and worker.conn.closed
        worker.stop()  # and again: nothing happens
