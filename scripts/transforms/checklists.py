"""Checklists (pymdownx.tasklist): name each tick box by its own words.

The extension writes `<label class="task-list-control"><input …></label> words`, so the box has no
accessible name (axe: "Form elements must have labels"). Moving the words inside the label names
the box for screen readers and lets a tap on the words tick it, with or without JavaScript.
"""

from __future__ import annotations

import re

# The label, then the item's words up to a nested list or the end of the item.
UNLABELLED = re.compile(r'(<label class="task-list-control">.*?)</label>((?:(?!<ul|<ol|</li>).)*)', re.DOTALL)


def label_tick_boxes(page_html: str) -> str:
    if '<label class="task-list-control">' not in page_html:
        return page_html  # no checklist: the pattern cannot match (a plain test is far cheaper)
    return UNLABELLED.sub(r"\1\2</label>", page_html)
