"""axe-core in a Playwright page: WCAG 2.2 A and AA rules, and violations as readable text.

Shared by the browser tests of the site and of the kiosk variant, so both check the same rules.
axe-core itself is bundled in the pinned axe-playwright-python package (nothing is downloaded).
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a tag: 2.2's new A rules are tagged wcag2a/wcag21a).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# No rule is switched off. If one ever must be, list it here with the reason, and in tests/README.md.
DISABLED_RULES: dict[str, str] = {}

_axe = Axe()


def violations(page, rules: list[str] | None = None) -> list[dict]:
    """Run axe on the page as it is now; `rules` limits the run to those rule ids."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    options = {
        "runOnly": run_only,
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
    }
    return _axe.run(page, options=options).response["violations"]


def describe(found: list[dict], limit: int = 5) -> str:
    """One line per violation and failing element, with axe's own explanation, for assert messages."""
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])} element(s)]")
        for node in violation["nodes"][:limit]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)
