"""The page transforms (scripts/transforms/): the functions alone, then the Markdown extension as
any renderer runs it (Python-Markdown with the extensions listed in the fixture site's mkdocs.yml)."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError
from sitecases import make_site

from scripts import hook, siteconfig, transforms
from scripts.model.glossary import Term
from scripts.transforms import checklists, clinic, glossary, signs


def test_glossary_terms_become_tooltips_and_abbreviations():
    terms = [Term(("Nerve root", "root"), "Where a [nerve](x.md) leaves the *spine*.", 3)]
    html = glossary.link_terms("A [[nerve root|nerve roots]] and [[Root]].", terms)
    assert '<abbr class="glossary-term" title="Where a nerve leaves the spine.">nerve roots</abbr>' in html
    assert '<abbr class="glossary-term" title="Where a nerve leaves the spine.">Root</abbr>' in html
    assert glossary.abbreviations(terms)["Nerve roots"] == "Where a nerve leaves the spine."
    assert glossary.link_terms("A [[nerve root|nerve roots]].", terms, tooltips=False) == "A nerve roots."


def test_a_marked_term_does_not_get_a_second_tooltip_inside_its_own():
    html = '<p><abbr class="glossary-term" title="A">big <abbr title="A">disc</abbr> and <abbr title="B">x</abbr></abbr></p>'
    assert glossary.first_mentions_only(html) == '<p><abbr class="glossary-term" title="A">big disc and x</abbr></p>'


def test_headings_get_no_automatic_tooltip():
    html = '<h1 id="x">Your <abbr title="A">disc</abbr></h1><p><abbr title="A">disc</abbr></p>'
    assert glossary.first_mentions_only(html) == '<h1 id="x">Your disc</h1><p><abbr title="A">disc</abbr></p>'


def test_only_the_first_tooltip_of_a_term_is_kept_marked_or_automatic():
    # One underline per term per page (UX review 12-03, m8), whichever kind comes first.
    html = '<p><abbr title="A">disc</abbr> <abbr title="A">discs</abbr> <abbr class="glossary-term" title="A">disc</abbr></p>'
    assert glossary.first_mentions_only(html) == '<p><abbr title="A">disc</abbr> discs disc</p>'
    html = '<p><abbr class="glossary-term" title="it&#x27;s A">disc</abbr> <abbr title="it\'s A">disc</abbr> <abbr title="B">x</abbr></p>'
    assert glossary.first_mentions_only(html) == '<p><abbr class="glossary-term" title="it&#x27;s A">disc</abbr> disc <abbr title="B">x</abbr></p>'


def test_clinic_settings_are_filled_in_and_escaped():
    html = clinic.fill("<p>Call {{ clinic.emergency_number }}. {{clinic.note}}</p>", {"emergency_number": "112", "note": "<b>"})
    assert html == "<p>Call 112. &lt;b&gt;</p>"


def test_a_tick_box_is_labelled_by_its_words_without_javascript():
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
            '<span class="task-list-indicator"></span></label> Is it my <abbr title="A">spine</abbr>?'
            '<ul><li>nested</li></ul></li>')
    assert checklists.label_tick_boxes(html) == (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
        '<span class="task-list-indicator"></span> Is it my <abbr title="A">spine</abbr>?</label>'
        '<ul><li>nested</li></ul></li>')


# --- The extension, run the way MkDocs and Zensical run it: a new Markdown instance per page. ---

@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    site = make_site(tmp_path / "site")
    monkeypatch.chdir(site)  # as in a build: snippets' base_path and config_file are relative to it
    return site


def render(site: Path, page: str, config_file: str = "mkdocs.yml") -> str:
    """One page through Python-Markdown with the extensions and options the config lists."""
    extensions, configs = [], {}
    for entry in siteconfig.load(site / config_file)["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        configs[name] = dict(options or {})
    configs[transforms.NAME]["config_file"] = config_file
    body = (site / "docs" / page).read_text(encoding="utf-8").split("---\n", 2)[2]  # without front matter, as renderers pass it
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()  # a new modification time even within the file system's clock tick
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_the_extension_is_listed_in_both_site_configs():
    root = Path(__file__).resolve().parent.parent
    for config in (root / "mkdocs.yml", root / "tests/fixtures/good-site/mkdocs.yml"):
        names = [e if isinstance(e, str) else next(iter(e)) for e in siteconfig.load(config)["markdown_extensions"]]
        assert transforms.NAME in names, f"{config} does not list the page transforms"


def test_a_page_gets_tooltips_settings_and_one_automatic_tooltip_per_term(site):
    html = render(site, "neck.md")
    definition = 'title="The part of a nerve where it leaves the spine."'
    assert f'<abbr class="glossary-term" {definition}>nerve root</abbr>' in html  # the [[nerve root]] mark
    assert html.count(definition) == 1  # the first mention only: not the plain ones after it, nor the heading
    assert 'id="what-is-a-nerve-root">What is a nerve root?</h2>' in html
    assert "Call 999 in an emergency" in html
    assert "{{" not in html and "[[" not in html  # warning-sign blocks and actions are expanded too


def test_a_sign_in_page_text_and_in_a_tooltip_is_its_own_words_and_its_action(site):
    """`{{ sign: ID }}` (issue 15): the sign's text from the data, then its tier's action from the settings."""
    html = render(site, "index.md")
    assert ("<strong>Stroke:</strong> a face that droops on one side, or <strong>sudden</strong> weakness of one side "
            'of your body. <a class="signs-act" href="tel:999"><strong>Call 999 now.</strong></a>') in html
    edit(site / "docs/glossary.md", ":   The part of a nerve where it leaves the spine.",
         ":   The part of a nerve where it leaves the spine. If it is pressed: {{ sign: weakness-worsening }}")
    edit(site / "mkdocs.yml", "urgent_advice: call 111", "urgent_advice: call the surgery")
    assert ('title="The part of a nerve where it leaves the spine. If it is pressed: New weakness, or weakness that is '
            'getting worse. See the neck page. Get help today: call the surgery."') in render(site, "neck.md")


def test_marks_in_an_included_snippet_are_transformed_too(site):
    """The preprocessor runs after pymdownx.snippets, so included text gets tooltips and settings."""
    (site / "docs/_snippets/note.md").write_text("Your [[spine|back]]: call {{ clinic.emergency_number }}.\n", encoding="utf-8")
    edit(site / "docs/neck.md", "## What is a nerve root?", '--8<-- "note.md"\n\n## What is a nerve root?')
    html = render(site, "neck.md")
    assert ('<p>Your <abbr class="glossary-term" title="The column of bones down the middle of your back.">back</abbr>'
            ": call 999.</p>") in html


def test_the_glossary_page_gets_no_tooltips_because_of_its_mark(site):
    assert "<abbr" not in render(site, "glossary.md")
    edit(site / "docs/glossary.md", "{ #glossary .glossary-page }", "{ #glossary }")
    assert "<abbr" in render(site, "glossary.md")  # the mark is what turns them off


def test_settings_are_escaped_for_html_everywhere(site):
    # A phone number must be digits (the settings model refuses anything else); text settings may hold
    # any character, and reach pages and cards as text, never as markup.
    edit(site / "docs/neck.md", "Call {{ clinic.emergency_number }} in an emergency.",
         "Call {{ clinic.emergency_number }} for {{ clinic.emergency_service }} in an emergency.")
    edit(site / "mkdocs.yml", "emergency_service: an ambulance", 'emergency_service: "<b>an ambulance & co</b>"')
    html = render(site, "neck.md")
    assert "for &lt;b&gt;an ambulance &amp; co&lt;/b&gt; in an emergency" in html
    assert "<b>" not in html  # nor in the warning-sign cards, which get the settings from the extension


def test_a_kiosk_config_gets_kiosk_mode_and_its_own_settings(site, monkeypatch):
    (site / "kiosk.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kiosk:\n    idle_seconds: 120\n    warning_seconds: 20\n"
                                    "    attract_seconds: 300\n    language: en\n    public_url: https://guide.your-clinic.org/\n"
                                    "  clinic:\n    reception_note: Tell the desk.\n", encoding="utf-8")
    (site / "docs/_snippets/note.md").write_text("{{ clinic.reception_note }}\n", encoding="utf-8")
    edit(site / "docs/neck.md", "## What is a nerve root?", '--8<-- "note.md"\n\n## What is a nerve root?')
    calls = []
    expand = signs.expand
    monkeypatch.setattr(signs, "expand", lambda text, clinic, docs_dir, kiosk=False, **more: calls.append(kiosk) or expand(text, clinic, docs_dir, kiosk, **more))
    assert "<p>Tell the desk.</p>" in render(site, "neck.md", "kiosk.yml")
    assert "Tell the desk." not in render(site, "neck.md")
    assert calls == [True, False]  # warning-sign blocks know which build they are in


def test_settings_and_glossary_are_read_once_and_again_when_changed(site):
    first = transforms.load_site("mkdocs.yml")
    assert transforms.load_site("mkdocs.yml") is first  # every page's new extension reuses it
    edit(site / "docs/glossary.md", "Spine / backbone", "Spine / backbone / vertebral column")
    changed = transforms.load_site("mkdocs.yml")
    assert changed is not first and "vertebral column" in changed.abbreviations
    edit(site / "mkdocs.yml", 'emergency_number: "999"', 'emergency_number: "112"')
    assert transforms.load_site("mkdocs.yml").clinic["emergency_number"] == "112"


def test_a_missing_config_file_is_named():
    with pytest.raises(transforms.ContentInvalid, match="no-such.yml:1: the configuration file named by scripts.transforms"):
        transforms.load_site("no-such.yml")


def test_the_mkdocs_hook_points_the_extension_at_the_config_being_built():
    config = SimpleNamespace(markdown_extensions=["abbr", transforms.NAME], config_file_path="/x/mkdocs-kiosk.yml",
                             mdx_configs={transforms.NAME: {"config_file": "mkdocs.yml"}}, extra={})
    hook.on_config(config)
    assert config.mdx_configs[transforms.NAME]["config_file"] == "/x/mkdocs-kiosk.yml"
    config.markdown_extensions = ["abbr"]
    with pytest.raises(PluginError, match="markdown_extensions lacks 'scripts.transforms'"):
        hook.on_config(config)
