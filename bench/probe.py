"""One in-process MkDocs build with our code timed: `python -m bench.probe CONFIG` (run by bench/speed.py).

Run from the project's folder (a generated copy). Prints one JSON line: the build's seconds, the
checks' seconds (every event of our hook, i.e. scripts.check.run before the build), the page
transforms' seconds (every processor and extension set-up in scripts.transforms, whatever its
classes are called) and the number of Markdown pages. A process of its own, so nothing is cached
from an earlier build, as in `make build`.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import sys
import tempfile
import time
from pathlib import Path

HOOK_NAME = "scripts/hook.py"


def _timer(total: list[float], method):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            total[0] += time.perf_counter() - start
    wrapper.__wrapped__ = method
    return wrapper


def time_transforms(total: list[float]) -> None:
    """Wrap the page transforms' entry points: processors' run() and the extension's set-up."""
    from markdown.extensions import Extension
    from markdown.util import Processor

    from scripts import transforms

    for _, cls in inspect.getmembers(transforms, inspect.isclass):
        if cls.__module__ != transforms.__name__:
            continue
        if issubclass(cls, Processor) and "run" in vars(cls):
            cls.run = _timer(total, cls.run)
        elif issubclass(cls, Extension):
            cls.__init__ = _timer(total, cls.__init__)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    config_file = Path(argv[0]).resolve()
    sys.path.insert(0, str(config_file.parent))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from bench.sites import quiet

    checks, transforms = [0.0], [0.0]
    time_transforms(transforms)
    with tempfile.TemporaryDirectory(prefix="bench-probe-") as out, quiet(), contextlib.chdir(config_file.parent):
        config = load_config(str(config_file), site_dir=str(Path(out) / "site"), strict=True)
        plugins = config.plugins
        for methods in plugins.events.values():
            for index, method in enumerate(methods):
                if plugins._event_origins.get(method) == HOOK_NAME:
                    methods[index] = _timer(checks, method)
        start = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - start
    pages = sum(1 for p in Path(config["docs_dir"]).rglob("*.md") if not p.relative_to(config["docs_dir"]).parts[0].startswith("_"))
    print(json.dumps({"build": seconds, "checks": checks[0], "transforms": transforms[0], "pages": pages}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
