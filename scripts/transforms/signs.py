"""Warning signs, written once in docs/_data/warning-signs.yml, rendered wherever a page asks for them.

STUB: the interface other modules rely on. Syntax in Markdown:
- a line of its own `{{ signs: TOKEN, TOKEN }}` (TOKEN = a topic or a sign id; `all` = the three full cards)
- inline `{{ act: ID }}`: what to do for that sign, in its tier's words ("call 999 now").
"""

from __future__ import annotations

from pathlib import Path


def expand(markdown: str, clinic: dict, docs_dir: Path, kiosk: bool = False) -> str:
    """Replace `{{ signs: ... }}` lines and `{{ act: ID }}` with the signs from the data file."""
    return markdown
