"""Compare two versions of the package: every resource row by row, then the results per network,
the schemas and the publication metadata. Pure reading; `markdown.render` words the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .addresses import LostAddress, lost_addresses
from .lateness import Lateness, grace_days, lateness
from .publication import Publication, publication_gaps, read_publication
from .results import NetworkFindings, ResultsWatcher
from .rows import ResourceDiff, diff_resource
from .schema import SchemaChange, schema_changes
from .tables import DiffError, is_results, load_descriptor, local_file, read_records, resources_by_name


@dataclass
class PackageDiff:
    """The whole comparison, ready to be worded."""

    resources: list[ResourceDiff]
    networks: list[NetworkFindings]
    publication: Publication
    schema: list[SchemaChange] = field(default_factory=list)
    publication_gaps: list[str] = field(default_factory=list)
    lateness: Lateness | None = None
    base_missing: bool = False
    lost_addresses: list[LostAddress] = field(default_factory=list)


def diff_packages(
    base_descriptor: Path | None, head_descriptor: Path, settings_file: Path | None = None
) -> PackageDiff:
    """Compare two data packages given the paths of their `datapackage.json`.

    `base_descriptor` may be None or a missing file: the base is then an empty package (a first
    publication), and every row counts as added. `settings_file` (pelicanconf.py) gives the
    lateness rule's grace period when it overrides the plugin's default.
    """
    head = load_descriptor(head_descriptor)
    if head is None:
        raise DiffError(f"descripteur introuvable : {head_descriptor}")
    base = load_descriptor(base_descriptor) if base_descriptor is not None else None
    base_dir = base_descriptor.parent if base_descriptor is not None else head_descriptor.parent
    head_dir = head_descriptor.parent
    base_resources, head_resources = resources_by_name(base), resources_by_name(head)
    names = list(head_resources) + [n for n in base_resources if n not in head_resources]

    structures = _structure_networks(base_dir, base_resources, head_dir, head_resources)
    watcher = ResultsWatcher(structures[0])
    resources = []
    for name in names:
        base_resource, head_resource = base_resources.get(name), head_resources.get(name)
        follows = is_results(head_resource or base_resource or {})
        resources.append(
            diff_resource(name, (base_dir, base_resource), (head_dir, head_resource), watcher if follows else None)
        )
    networks = watcher.networks(_network_names(base_dir, base_resources, head_dir, head_resources), structures[1])
    publication = read_publication(base, head)
    diff = PackageDiff(
        resources=resources,
        networks=networks,
        publication=publication,
        schema=schema_changes(base, head),
        publication_gaps=publication_gaps(publication, bool(watcher.new_periods())),
        base_missing=base is None,
        lost_addresses=lost_addresses(read_records(base_dir, base_resources.get("structures")),
                                      read_records(head_dir, head_resources.get("structures"))),
    )
    if publication.as_of_changed:
        old, new = publication.as_of
        unsafe = _unsafe_files(head_dir, head_resources)
        if unsafe:  # the plugin's loader reads whatever the paths point to: not on untrusted links
            diff.lateness = Lateness(None, None, 0, problem=f"fichiers non lus ({unsafe})")
        else:
            diff.lateness = lateness(head_descriptor, old or "", new, grace_days(settings_file))
    return diff


def _unsafe_files(head_dir: Path, head_resources: dict[str, dict]) -> str:
    """Why some resource file of the head may not be handed to the plugin's loader ("" when none)."""
    for resource in head_resources.values():
        try:
            local_file(head_dir, resource)
        except ValueError as error:
            return str(error)
    return ""


def _structure_networks(
    base_dir: Path, base_resources: dict[str, dict], head_dir: Path, head_resources: dict[str, dict]
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(structure id → network id, from head then base; network id → its structures in head)."""
    owner: dict[str, str] = {}
    for record in read_records(base_dir, base_resources.get("structures")):
        owner[record.get("id", "")] = record.get("network_id", "")
    members: dict[str, list[str]] = {}
    for record in read_records(head_dir, head_resources.get("structures")):
        owner[record.get("id", "")] = record.get("network_id", "")
        members.setdefault(record.get("network_id", ""), []).append(record.get("id", ""))
    return owner, members


def _network_names(
    base_dir: Path, base_resources: dict[str, dict], head_dir: Path, head_resources: dict[str, dict]
) -> dict[str, str]:
    """Network id → the short name readers know ("CAF"), in the head's order, base-only ones after."""
    names: dict[str, str] = {}
    for folder, resources in ((head_dir, head_resources), (base_dir, base_resources)):
        for record in read_records(folder, resources.get("networks")):
            network_id = record.get("id", "")
            names.setdefault(network_id, record.get("short_name") or record.get("name") or network_id)
    return names
