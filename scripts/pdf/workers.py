"""Make the PDFs in parallel: a few forked worker processes, each with its own WeasyPrint fonts and parsed
stylesheets (made once per worker), take the documents from a queue, longest first (the booklet), and
send back each one's page count or what went wrong.

Bounded: at most one worker per core this process may use (and at most MAX_WORKERS), and all of them
together at most `timeout` seconds. Any failure -- a page that cannot be printed, an exception, a worker
that dies or runs out of time -- stops the others and is raised as one RenderError naming the document,
never a traceback. Where there is one core, or no fork(), the documents are made one after another here.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait

from scripts.pdf.pagehtml import RenderError

MAX_WORKERS = 8
TIMEOUT = 900.0  # seconds for all the PDFs of one edition; a build that takes longer is stuck
# WeasyPrint makes millions of small objects that live until the PDF is written: Python's default cycle
# collection (every 700 new objects, the oldest generation every 100 of those) spent about 3 s scanning
# them for the booklet and handouts; these thresholds make it about 0.9 s, for about the same memory.
GC_THRESHOLDS = (50_000, 20, 100)


@contextlib.contextmanager
def fewer_collections():
    """Collect cycles less often while making PDFs (GC_THRESHOLDS), as before afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class Job:
    name: str  # the PDF's file name, the key of the result
    what: str  # names the document in messages
    run: Callable[[object], int]  # tools -> number of pages


def cores() -> int:
    """The cores this process may run on (its CPU affinity, which a container may limit), else os.cpu_count()."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(jobs: int, wanted: int | None = None) -> int:
    """How many workers: PDF_WORKERS or `wanted` if set, else one per core; never more than the jobs or MAX_WORKERS."""
    setting = os.environ.get("PDF_WORKERS", "")
    chosen = int(setting) if setting.isdigit() and int(setting) > 0 else (wanted or cores())
    return max(1, min(chosen, jobs, MAX_WORKERS))


def run(jobs: list[Job], make_tools: Callable[[], object], workers: int | None = None,
        timeout: float = TIMEOUT) -> dict[str, int]:
    """Run every job; returns {name: pages}. Raises RenderError for the first failure."""
    count = worker_count(len(jobs), workers)
    if count == 1 or "fork" not in multiprocessing.get_all_start_methods():
        with fewer_collections():
            tools = make_tools()
            return {job.name: job.run(tools) for job in jobs}
    context = multiprocessing.get_context("fork")
    tasks = context.SimpleQueue()
    for index in range(len(jobs)):
        tasks.put(index)
    for _ in range(count):
        tasks.put(None)
    processes, inbox = [], {}  # inbox: the end of each worker's pipe this process reads -> worker number
    for n in range(count):
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(jobs, make_tools, tasks, send, n), daemon=True, name=f"pdf-worker-{n}")
        process.start()
        send.close()
        processes.append(process)
        inbox[receive] = n
    pages: dict[str, int] = {}
    doing: dict[int, int] = {}  # worker -> index of the job it is making
    deadline = time.monotonic() + timeout
    try:
        while len(pages) < len(jobs):
            left = deadline - time.monotonic()
            if left <= 0:
                unfinished = ", ".join(job.what for job in jobs if job.name not in pages)
                raise RenderError(f"not made within {timeout:.0f} s: {unfinished}")
            for receive in wait(list(inbox), timeout=left):
                n = inbox[receive]
                try:
                    kind, index, value = receive.recv()
                except EOFError:  # the worker is gone: fine once it has no job, else its job is lost
                    del inbox[receive]
                    if n in doing:
                        processes[n].join(timeout=5)
                        raise RenderError(f"{jobs[doing[n]].what}: its worker process stopped (exit code "
                                          f"{processes[n].exitcode}) without making it") from None
                    continue
                if kind == "start":
                    doing[n] = index
                elif kind == "done":
                    doing.pop(n, None)
                    pages[jobs[index].name] = value
                else:
                    raise RenderError(value)
            if not inbox and len(pages) < len(jobs):
                raise RenderError("the PDF workers stopped before making every PDF")
    finally:
        for process in processes:
            if process.is_alive() and len(pages) < len(jobs):
                process.kill()  # a document failed: the build stops, the others are not wanted
            process.join(timeout=5)
        for receive in inbox:
            receive.close()
    return pages


def _work(jobs: list[Job], make_tools, tasks, send, n: int) -> None:
    """A worker: jobs from `tasks` until None; sends ("start" | "done" | "error", job, value) back."""
    gc.set_threshold(*GC_THRESHOLDS)  # this process only makes PDFs, then ends
    tools = None
    while (index := tasks.get()) is not None:
        send.send(("start", index, None))
        try:
            tools = tools or make_tools()
            send.send(("done", index, jobs[index].run(tools)))
        except RenderError as error:
            send.send(("error", index, str(error)))
        except Exception as error:  # noqa: BLE001 -- reported by the parent as the build's error, not a traceback
            send.send(("error", index, f"{jobs[index].what}: {type(error).__name__}: {error}"))
    send.close()
