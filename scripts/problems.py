"""One shape for every content problem, so all checks report alike (ruff-style `path:line:`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # said on every build, never counted: strict builds stop on warnings, not on notes


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.path}:{self.line}: {prefix}{self.message}; {self.fix}"


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to where they stand, if it can be."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def summary(problems: list[Problem]) -> str:
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    return f"Found {errors} error(s) and {warnings} warning(s)."
