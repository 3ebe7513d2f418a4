"""Run every content check over docs/ without MkDocs: `python -m scripts.check [--strict] [-f mkdocs.yml]`.

Editors and CI use this directly; the MkDocs hook calls the same `run()` before each build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts import search_words, siteconfig
from scripts.checks import allowlist, carecards, external, fixed_terms, frontmatter, glossary, links, markup, nav, placeholders
from scripts.checks import overlaps as sign_overlaps
from scripts.checks import signoff as clinical_signoff
from scripts.checks import signs as warning_signs
from scripts.checks import steps as step_by_step
from scripts.model import content
from scripts.model import settings as settings_schema
from scripts.problems import ERROR, NOTE, Problem, display_path, summary
from scripts.sources import Source, read_sources


@dataclass
class Result:
    problems: list[Problem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    terms: list[glossary.Term] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # printed on every run, never counted (e.g. example public address)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def run(config: dict, today: dt.date | None = None) -> Result:
    """All checks over the docs folder the configuration names; every problem, sorted by file and line."""
    today = today or dt.date.today()
    docs_dir = siteconfig.docs_dir(config)
    if not docs_dir.is_dir():
        return Result([Problem(display_path(docs_dir), 1, "the docs folder does not exist", "check 'docs_dir' in mkdocs.yml")])
    # The content model first (settings, warning signs, glossary, search words): the checks below
    # read it, so they run only once it is valid.
    model = content.load(config["config_file"]) if config.get("config_file") else None
    if model is not None and model.problems:
        return Result(model.problems, notes=settings_schema.notes(config) if model.config else [])
    sources, problems = read_sources(docs_dir)
    settings = siteconfig.check_settings(config)
    problems += frontmatter.check(sources, today, bool(settings.get("allow_overdue_reviews")))
    problems += links.check(sources, docs_dir)
    terms, found = glossary.check(sources)
    problems += found
    problems += allowlist.check(sources, allowlist.load())
    problems += nav.check(sources, config)
    problems += placeholders.check(sources, siteconfig.clinic(config))
    problems += carecards.check(sources)
    problems += warning_signs.check(sources, config)
    problems += sign_overlaps.check(config)  # criteria words, and no two tiers for one patient
    problems += step_by_step.check(sources, docs_dir)  # "What should I do now?": {{ steps }} and docs/_data/steps.yml
    problems += settings_schema.check(config)
    problems += external.check(sources, config)
    problems += markup.check(sources, config)
    problems += search_words.check(docs_dir, str(siteconfig.extra_section(config, "edition").get("language") or "en"))
    problems += clinical_signoff.check(sources, config, today)
    problems += fixed_terms.check(sources, docs_dir)  # a translation's one rendering per medical term
    if siteconfig.extra_section(config, "edition").get("translates"):  # back-translations and their review table
        from scripts import translation_review  # only a translated edition needs it (and its imports)

        problems += translation_review.check(Path(config["config_dir"]))
    notes = [p for p in problems if p.severity == NOTE] + settings_schema.notes(config) + (model.notes if model else [])
    return Result(sorted({p for p in problems if p.severity != NOTE}), sources, terms, notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("--strict", action="store_true", help="fail on warnings too (as the site build does)")
    args = parser.parse_args(argv)
    config, problems = content.read_config(args.config_file)
    if config is None:
        for problem in problems:
            print(problem)
        return 2
    result = run(config)
    for problem in [*result.notes, *result.problems]:
        print(problem)
    print(summary(result.problems))
    failed = result.errors or (args.strict and result.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
