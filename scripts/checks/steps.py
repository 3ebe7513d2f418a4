"""The step-by-step check "What should I do now?": its token and its data (docs/_data/steps.yml).

scripts/transforms/steps.py builds the check from the warning signs where a page has `{{ steps }}`
on a line of its own. Here, before anything renders: that line stands alone, and the groups name
only signs that exist and have the words the screens need (FILE:LINE for each problem).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.model.signs import load
from scripts.model.steps import TOKEN, read
from scripts.problems import Problem
from scripts.sources import Source

USE = re.compile(r"\{\{\s*steps\s*\}\}")


def check(sources: list[Source], docs_dir: Path) -> list[Problem]:
    problems, used = [], False
    for source in sources:
        for number, line in source.body_lines():
            if "{{" not in line or not USE.search(line):
                continue
            if TOKEN.match(line):
                used = True
            else:
                problems.append(Problem(source.shown, number, "'{{ steps }}' must be on a line of its own",
                                        "put '{{ steps }}' alone on its line, with blank lines around it"))
    if not used:
        return problems
    try:
        sign_ids = {sign.id for sign in load(docs_dir)}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return problems  # the signs check reports a broken warning-signs file
    return problems + read(docs_dir, sign_ids)[1]
