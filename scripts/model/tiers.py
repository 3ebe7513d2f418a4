"""What each tier tells the reader to do (brief §8 "Tiers"), with the clinic's numbers filled in.

The ONE table of tier words: cards, `{{ act: }}`, `{{ sign: }}`, the urgent-help sections, the
step-by-step check and the drift check's messages all read it. The numbers and services come from
the settings (extra.clinic), never from the data file or a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from scripts.model.settings import WORDS, WORDS_OPTIONAL
from scripts.model.signs import CLINIC


@dataclass(frozen=True)
class TierWords:
    """What a tier tells the reader to do, with {setting} names from extra.clinic filled in."""

    title: str  # the card's title
    action: str  # words that fit inside a sentence: "call 999 now"
    lead: str  # the card's first sentence: what the number is for ("" when the title says it all)


# The words come from the settings (extra.words, in the edition's language); the transforms get them
# in their settings mapping as "words.NAME" (scripts/transforms/__init__.py). English when not set.
WORD = "words."
ENGLISH = {name: english for name, (english, _) in {**WORDS, **WORDS_OPTIONAL}.items()}
TIER_WORDS = {tier: TierWords(ENGLISH[f"{tier}_title"], ENGLISH[f"{tier}_action"], ENGLISH.get(f"{tier}_lead", ""))
              for tier in ("emergency", "today", "soon")}


def with_words(clinic: dict, words: dict) -> dict:
    """The settings mapping the transforms use: extra.clinic and, as "words.NAME", extra.words."""
    return {**clinic, **{WORD + name: value for name, value in words.items() if isinstance(value, (str, list))}}


def word(clinic: dict, name: str) -> str:
    """One of the edition's words (extra.words.NAME), English when the settings have none."""
    value = clinic.get(WORD + name)
    return value if isinstance(value, str) else ENGLISH[name]


class _Settings:
    """The settings as `str.format_map` reads them: each asked-for name as text, "" when missing (the
    settings check reports a missing one). Looked up by name, not copied: a template names one or two."""

    __slots__ = ("clinic",)

    def __init__(self, clinic: dict) -> None:
        self.clinic = clinic

    def __getitem__(self, name: str) -> str:
        return setting_text(self.clinic, name)


def setting_text(clinic: dict, name: str) -> str:
    return str(clinic.get(name, "") or "")


def tier_text(template: str, clinic: dict) -> str:
    return template.format_map(_Settings(clinic)) if "{" in template or "}" in template else template


def fill(text: str, clinic: dict) -> str:
    """`{{ clinic.NAME }}` in a sign's words, from the settings."""
    return CLINIC.sub(lambda m: setting_text(clinic, m.group(1)) if m.group(1) in clinic else m.group(0), text)


def title(tier: str, clinic: dict) -> str:
    return tier_text(word(clinic, f"{tier}_title"), clinic)


def action(tier: str, clinic: dict) -> str:
    """What to do, as words that fit inside a sentence ("call 999 now")."""
    return tier_text(word(clinic, f"{tier}_action"), clinic)


def lead(tier: str, clinic: dict) -> str:
    """The card's first sentence: what the number is for."""
    return tier_text(word(clinic, f"{tier}_lead"), clinic)


def as_sentence(words: str) -> str:
    """An action as a sentence of its own: "Call 999 now."."""
    return words[:1].upper() + words[1:] + ("" if words.endswith((".", "!", "?")) else ".")


def count_words(count: int, clinic: dict) -> str:
    """"3 signs" in the edition's words and its plural rule (extra.words.plural)."""
    if word(clinic, "plural") == "one-few-many":  # Russian, Ukrainian: 1/21/31, 2-4/22-24, the rest
        form = ("one" if count % 10 == 1 and count % 100 != 11
                else "few" if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14 else "many")
    else:
        form = "one" if count == 1 else "many"
    return word(clinic, f"count_{form}").format(count=count)
