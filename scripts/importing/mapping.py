"""A source's mapping: declared once as JSON, overridable by a maintainer without touching Python.

Each source kind declares in `mappings/<kind>.json` which header names hold which content (its
*files*, recognised by their columns), the network and package metadata it creates, how its units
translate into the programme's, and per-indicator choices (direction, frequency, family…) with
defaults. A maintainer who disagrees with one choice writes a small JSON file holding only that
choice, for instance

    {"indicators": {"tx-transparence-resultats": {"direction": "lower"}}}

and passes it with `--mapping`. It is merged over the declared mapping key by key; a key the mapping
does not know, or a value the programme's schema does not allow (a direction other than higher or
lower), is refused in French before anything is read.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from results.core.schema import canonical_resources

from .errors import MappingError

MAPPINGS = Path(__file__).with_name("mappings")
# Sections whose keys a maintainer may add (an indicator code, a unit's spelling, a network's label).
OPEN_SECTIONS = ("indicators", "units", "networks", "structures", "frequencies", "families", "trends", "types",
                 "channels", "types_en", "channels_en")
INDICATOR_CHOICES = ("label", "original_label", "family", "unit", "direction", "decimals", "frequency",
                     "aggregation", "commitment_id", "methods", "skip")


def load_mapping(kind: str, override: Path | None = None) -> dict[str, Any]:
    """The declared mapping of `kind`, with the maintainer's `override` merged over it and checked."""
    declared = _read(MAPPINGS / f"{kind}.json")
    if override is None:
        mapping = declared
    else:
        changes = _read(override)
        _check_keys(changes, declared, override.name, ())
        mapping = merge(declared, changes)
    _check_indicator_choices(mapping, override.name if override else f"{kind}.json")
    return mapping


def merge(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """`changes` over `base`, objects merged key by key, any other value replaced."""
    merged = copy.deepcopy(dict(base))
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def indicator_choices(mapping: Mapping[str, Any], code: str, unit: str | None = None) -> dict[str, Any]:
    """Everything the mapping says about indicator `code`: the defaults, the default direction of its
    unit, then what is declared for `code` itself (the most specific choice wins)."""
    defaults = mapping.get("defaults", {})
    choices = dict(defaults.get("indicator", {}))
    unit = mapping.get("indicators", {}).get(code, {}).get("unit", unit)
    if unit and unit in defaults.get("direction_by_unit", {}):
        choices["direction"] = defaults["direction_by_unit"][unit]
    if unit:
        choices["unit"] = unit
    choices.update(mapping.get("indicators", {}).get(code, {}))
    return choices


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MappingError(f"{path} : fichier de correspondance introuvable.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = f", ligne {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
        raise MappingError(f"{path.name}{where} : JSON invalide ({error}). Vérifiez virgules et guillemets.") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path.name} : un objet JSON {{…}} est attendu.")
    return data


def _check_keys(changes: Mapping[str, Any], declared: Mapping[str, Any], file: str, path: tuple[str, ...]) -> None:
    """Every key of the override exists in the declared mapping, except inside open sections."""
    for key, value in changes.items():
        here = (*path, key)
        if path and path[0] in OPEN_SECTIONS:
            if path == ("indicators",) and isinstance(value, Mapping):
                unknown = [name for name in value if name not in INDICATOR_CHOICES]
                if unknown:
                    raise MappingError(
                        f"{file} : « {'.'.join((*here, unknown[0]))} » n'est pas un choix d'indicateur. "
                        f"Choix possibles : {', '.join(INDICATOR_CHOICES)}."
                    )
            continue
        if key not in declared:
            known = ", ".join(sorted(declared))
            raise MappingError(f"{file} : clé « {'.'.join(here)} » inconnue. Clés possibles à cet endroit : {known}.")
        if isinstance(value, Mapping) and isinstance(declared[key], Mapping):
            _check_keys(value, declared[key], file, here)


def _allowed_values() -> dict[str, tuple[Any, ...]]:
    """The enums of indicators.csv in the programme's schema (resources.json): one source of truth."""
    indicators = next(r for r in canonical_resources() if r["name"] == "indicators")
    return {
        field["name"]: tuple(field["constraints"]["enum"])
        for field in indicators["schema"]["fields"]
        if "enum" in field.get("constraints", {})
    }


def _check_indicator_choices(mapping: Mapping[str, Any], file: str) -> None:
    allowed = _allowed_values()
    entries = {"defaults.indicator": mapping.get("defaults", {}).get("indicator", {})}
    entries.update({f"indicators.{code}": choice for code, choice in mapping.get("indicators", {}).items()})
    entries.update({f"defaults.direction_by_unit.{u}": {"direction": d}
                    for u, d in mapping.get("defaults", {}).get("direction_by_unit", {}).items()})
    entries.update({f"units.{u}": {"unit": v} for u, v in mapping.get("units", {}).items() if v is not None})
    for where, choice in entries.items():
        if not isinstance(choice, Mapping):
            raise MappingError(f"{file} : « {where} » doit être un objet JSON {{…}}.")
        for name, value in choice.items():
            if name in allowed and value not in allowed[name]:
                raise MappingError(
                    f"{file} : « {where}.{name} » vaut « {value} », valeur que le schéma du programme "
                    f"n'accepte pas. Valeurs possibles : {', '.join(allowed[name])}."
                )
