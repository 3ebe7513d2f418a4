"""Clinic settings: `{{ clinic.NAME }}` in a page becomes the value set once in mkdocs.yml extra.clinic.

Which names exist is checked by scripts/checks/placeholders.py before anything renders.
"""

from __future__ import annotations

import html

from scripts.model.signs import CLINIC as PLACEHOLDER  # `{{ clinic.NAME }}`: page syntax of the content model


def escaped(clinic: dict) -> dict:
    """The settings as text that is safe in Markdown and in HTML (`<` stays a character)."""
    return {name: "" if value is None else html.escape(str(value)) for name, value in clinic.items()}


def fill(text: str, clinic: dict) -> str:
    """Replace each placeholder with its setting, HTML-escaped: the text may be Markdown or raw
    HTML (care cards), and an escaped value reads the same in both."""
    return PLACEHOLDER.sub(lambda m: html.escape(str(clinic.get(m.group(1), m.group(0)))), text)
