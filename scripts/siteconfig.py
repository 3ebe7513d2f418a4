"""Read mkdocs.yml (and a kiosk file that INHERITs it) without MkDocs, so the checks outlive the renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: faster
    """Safe loader that keeps going past MkDocs-only tags such as !!python/name and !ENV."""


class Tagged(str):
    """A scalar written with a tag (`!!python/name:...`, `!ENV`): its text, and its tag to write it back."""

    tag = ""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        value = Tagged(loader.construct_scalar(node))
        value.tag = node.tag
        return value
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def _merge(base: dict, override: dict) -> dict:
    """Deep-merge dicts the way MkDocs' INHERIT does: mappings merge, everything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load(config_file: Path) -> dict[str, Any]:
    """The configuration as a dict, with INHERIT resolved and `config_dir` added."""
    config_file = Path(config_file)
    with config_file.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_TolerantLoader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(load(config_file.parent / parent), data)
    data["config_dir"] = str(config_file.parent.resolve())
    data["config_file"] = str(config_file.resolve())
    return data


def docs_dir(config: dict[str, Any]) -> Path:
    return Path(config["config_dir"]) / config.get("docs_dir", "docs")


def extra_section(config: dict[str, Any], name: str) -> dict[str, Any]:
    """extra.NAME as a dict; {} when missing or malformed (scripts/model/settings.py reports the latter)."""
    extra = config.get("extra")
    section = extra.get(name) if isinstance(extra, dict) else None
    return section if isinstance(section, dict) else {}


def clinic(config: dict[str, Any]) -> dict[str, Any]:
    return extra_section(config, "clinic")


def check_settings(config: dict[str, Any]) -> dict[str, Any]:
    return extra_section(config, "checks")


def key_lines(config_file: Path) -> dict[tuple[str, ...], tuple[Path, int]]:
    """Where each key is written: (file, line of the key), by key path, e.g. ("extra", "clinic").

    Follows INHERIT the way `load` does, so a key set in the kiosk file points there, and a key
    only in mkdocs.yml points to mkdocs.yml. Built from yaml.compose, which keeps node positions.
    """
    config_file = Path(config_file)
    with config_file.open(encoding="utf-8") as handle:
        root = yaml.compose(handle, Loader=_TolerantLoader)
    found: dict[tuple[str, ...], tuple[Path, int]] = {}
    if not isinstance(root, yaml.MappingNode):
        return found
    parent = next((v.value for k, v in root.value if k.value == "INHERIT" and isinstance(v, yaml.ScalarNode)), None)
    if parent:
        found.update(key_lines(config_file.parent / parent))
    _record_keys(root, (), config_file, found)
    return found


def _record_keys(node: yaml.MappingNode, path: tuple[str, ...], file: Path,
                 found: dict[tuple[str, ...], tuple[Path, int]]) -> None:
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        key_path = (*path, str(key.value))
        if isinstance(value, yaml.MappingNode):
            # A group of settings stays where it was first written (its home); a child file that
            # overrides one key inside it does not move it.
            found.setdefault(key_path, (file, key.start_mark.line + 1))
            _record_keys(value, key_path, file, found)
        else:
            found[key_path] = (file, key.start_mark.line + 1)


class _FlatDumper(yaml.SafeDumper):
    """Writes a loaded configuration back as YAML, tags (`!!python/name:...`) as they were written."""


_FlatDumper.add_representer(Tagged, lambda dumper, value: dumper.represent_scalar(value.tag, str(value)))


def flat(config_file: Path, **changes: Any) -> str:
    """The configuration with INHERIT resolved the way MkDocs does it (lists replace), as one YAML text.
    For Zensical, whose INHERIT appends lists: a translation's nav, plugins and words would follow the
    English ones instead of replacing them."""
    data = {k: v for k, v in load(config_file).items() if k not in ("config_dir", "config_file")}
    data.update(changes)
    return yaml.dump(data, Dumper=_FlatDumper, allow_unicode=True, sort_keys=False, width=1000)
