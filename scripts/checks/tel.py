"""A tap-to-call link dials the number it shows.

`[Call 111](tel:999)` shows one number and dials another: in pages, snippets and data text
(datatext.py), with {{ clinic.NAME }} settings filled in. (The Call buttons the transforms make
from extra.clinic.emergency_number and urgent_number dial the setting's own digits; the settings
check lets only a phone number be set there: scripts/model/settings.py.)
Spaces, dashes, dots and brackets do not count, nor does the form of the country code:
0161 496 0000, +44 161 496 0000, +44 (0)161 496 0000 and 0044 161 496 0000 are one number.
A link whose words show no number at all ("Call the clinic") is not compared.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from scripts.checks.links import links
from scripts.problems import Problem
from scripts.sources import Source

# A run of digit groups as a number is written: "+44 (0)161 496-0000", "111".
NUMBER = re.compile(r"\+?\d+(?:[ \t\u00a0.\-/]*(?:\(\d+\)|\d+))*")
GROUP = re.compile(r"\(\d+\)|\d+")
CLINIC = re.compile(r"\{\{\s*clinic\.(\w+)\s*\}\}")
FIX = "show the number the link dials, e.g. [Call 111](tel:111)"


def _national(digits: str) -> str:
    return digits.removeprefix("0")


def same_number(shown: str, dialled: str) -> bool:
    """Two numbers as digits (an international one starting with '+' or '00'), the same line?"""
    shown, dialled = shown.replace("(0)", ""), dialled.replace("(0)", "")
    a, b = (re.sub(r"[^\d+]", "", n) for n in (shown, dialled))
    a, b = (("+" + n[2:]) if n.startswith("00") else n for n in (a, b))
    if a.lstrip("+") == b.lstrip("+") and a.startswith("+") == b.startswith("+"):
        return True
    if a.startswith("+") != b.startswith("+"):  # one international, one national: a country code of 1 to 3 digits
        international, national = (a, b) if a.startswith("+") else (b, a)
        rest = _national(national)
        return bool(rest) and international[1:].endswith(rest) and 1 <= len(international) - 1 - len(rest) <= 3
    return False


def shows(words: str, dialled: str) -> bool | None:
    """None when the words show no number; else whether some run of their digit groups is `dialled`."""
    numbers = NUMBER.findall(words)
    if not numbers:
        return None
    for number in numbers:
        groups = [(m.start(), m.end()) for m in GROUP.finditer(number)]
        plus = number.startswith("+")
        for first in range(len(groups)):
            for last in range(first, len(groups)):
                part = ("+" if plus and first == 0 else "") + number[groups[first][0]:groups[last][1]]
                if same_number(part, dialled):
                    return True
    return False


def dialled_number(target: str) -> str | None:
    """The number a tel: address dials (its parameters after ';' dropped), or None if it is no tel: link."""
    target = unquote(target.strip())
    if target[:4].lower() != "tel:":
        return None
    return target[4:].split(";")[0].strip()


def link_problems(source: Source, clinic: dict) -> list[Problem]:
    problems = []

    def fill(text: str) -> str:
        return CLINIC.sub(lambda m: str(clinic.get(m.group(1), m.group(0))), text or "")

    for link in links(source):
        dialled = dialled_number(fill(link.target))
        if dialled is None:
            continue
        words = fill(link.text)
        if not re.search(r"\d", dialled):
            problems.append(Problem(source.shown, link.line, f"the phone link '{link.target}' has no number to dial", FIX))
        elif shows(words, dialled) is False:
            problems.append(Problem(source.shown, link.line,
                                    f"the phone link shows '{words.strip()}' but dials {dialled}", FIX))
    return problems

