"""Read mkdocs.yml (and a kiosk file that INHERITs it) without MkDocs, so the checks outlive the renderer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: faster
    """Safe loader that keeps going past MkDocs-only tags such as !!python/name and !ENV."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
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


def clinic(config: dict[str, Any]) -> dict[str, Any]:
    return (config.get("extra") or {}).get("clinic") or {}


def check_settings(config: dict[str, Any]) -> dict[str, Any]:
    return (config.get("extra") or {}).get("checks") or {}
