"""Publish the full Data Package: `datapackage.json` and every resource file at stable URLs, with a
README, the licence and one zip of it all.

Resource files are copied byte for byte (they are what the validator accepted); the published
descriptor adds each file's `bytes` and `hash`, so `frictionless validate` on the published copy
also proves the download is complete. The zip is dated from the package, never the clock.

The results are published once, as the repository keeps them: one file per network (core/parts.py).
A journalist who wants one file gets the whole table compressed (`OPEN_DATA_RESULTS_URL`,
`donnees/results.csv.zip`: the parts' rows in descriptor order under one header, one `results.csv`
inside, which pandas reads by URL). The uncompressed `donnees/results.csv` it replaces repeated every
result (107 MB nationally, beside the same 107 MB of per-network files); that address no longer
exists (README, data page). The zip is outside the descriptor and the package zip (it repeats their rows).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..confine import package_file
from ..core.parts import part_of_path, parts_of
from ..core.sizes import file_size
from ..i18n.formats import N_, Formats
from .about import Provenance
from .archive import deterministic_zip
from .extracts import Download

README_NAME = "README.md"
LICENCE_NAME = "LICENCE.md"
# What the data page says of the files the site adds to the package (translated where they are listed).
FULL_TABLE_TITLE = N_("Tous les résultats en un seul fichier")
FULL_TABLE_DESCRIPTION = N_("Les fichiers results/ de chaque réseau réunis en un seul fichier CSV (results.csv, "
                            "une ligne d'en-tête), compressé (zip).")
DESCRIPTOR_TITLE = N_("Descripteur du paquet")
DESCRIPTOR_DESCRIPTION = N_("Schéma de chaque fichier (colonnes, types, contraintes), taille et empreinte SHA-256.")
README_TITLE = N_("Présentation")
README_DESCRIPTION = N_("Contenu, licence, citation et vérification des fichiers.")
LICENCE_TITLE = N_("Licence")
ZIP_TITLE = N_("Paquet complet (zip)")
ZIP_DESCRIPTION = N_("Tous les fichiers ci-dessus dans une seule archive.")


@dataclass(frozen=True)
class PackageFile:
    """One published file of the package, as listed on the data page."""

    name: str  # path inside the package folder
    title: str
    description: str
    url: str
    size: int
    sha256: str
    format: str
    # The language of the data page that lists it: its size reads `38 ko` or `38 kB`. None: French.
    formats: Formats | None = field(default=None, compare=False, repr=False)

    @property
    def size_text(self) -> str:
        return file_size(self.size, self.formats.language if self.formats is not None else "fr")


def resource_path(resource: dict[str, Any]) -> PurePosixPath:
    """A resource's relative path, refusing anything that would escape the package folder."""
    path = resource.get("path")
    if not isinstance(path, str) or "://" in path:
        raise ValueError(
            f"Ressource « {resource.get('name')} » : seul un chemin de fichier local (une chaîne) peut être publié ; "
            "regroupez les parties dans un seul fichier CSV."
        )
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        raise ValueError(f"Ressource « {resource.get('name')} » : chemin « {path} » hors du dossier du paquet.")
    return pure


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


FULL_TABLE_MEMBER = "results.csv"  # the one file inside the whole table's zip (pandas reads it by URL)


def full_table_blocks(descriptor: dict[str, Any], source: Path, table: str) -> Iterator[bytes]:
    """The whole `table` from its parts as CSV bytes (header once, rows in descriptor order).

    The parts were validated with the same schema, so their headers are the same; a byte-order mark
    or a missing final newline (both accepted by the validator) must not end up inside the file.
    """
    for position, resource in enumerate(parts_of(descriptor.get("resources", []), table)):
        with package_file(source, str(resource_path(resource))).open("rb") as part:
            header = part.readline().removeprefix(b"\xef\xbb\xbf")
            if position == 0:
                yield header if header.endswith(b"\n") else header + b"\n"
            last = b"\n"
            for block in iter(lambda: part.read(1 << 20), b""):
                yield block
                last = block[-1:]
            if last != b"\n":
                yield b"\n"


def write_full_table(descriptor: dict[str, Any], source: Path, target: Path, table: str, day: dt.date) -> int:
    """One zip holding the whole `table` as one CSV (`FULL_TABLE_MEMBER`), dated `day`; its size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    deterministic_zip(target, [(FULL_TABLE_MEMBER, full_table_blocks(descriptor, source, table))], day)
    return target.stat().st_size


def network_files(descriptor: dict[str, Any], source: Path, folder_url: str, network_id: str,
                  formats: Formats | None = None) -> tuple[Download, ...]:
    """A network's own results files as the package publishes them (`donnees/results/<id>.csv`, or one
    per year), oldest year first: its full history is linked there rather than copied next to its page.

    Sizes are the repository files' (the published copies are byte for byte the same), so a network
    page can be written before the data page copies the package.
    """
    files = []
    for resource in parts_of(descriptor.get("resources", []), "results"):
        part = part_of_path(resource.get("path"))
        if part is None or part.network != network_id:
            continue
        relative = str(resource_path(resource))
        files.append((part.year or 0, Download(
            "csv", f"{folder_url}{relative}", package_file(source, relative).stat().st_size,
            caption=str(part.year) if part.year is not None else "", saved_as=f"{part.name}.csv", formats=formats,
        )))
    return tuple(download for _, download in sorted(files, key=lambda item: item[0]))


def readme(
    provenance: Provenance, files: list[PackageFile], page_url: str, full_table: PackageFile | None = None,
    results_address: str = "",
) -> str:
    """The package README (French): what, when, licence, how to cite, files, how to check them."""
    info = provenance.info
    lines = [
        f"# {info.title}",
        "",
        info.description,
        "",
    ]
    if info.demo:
        lines += ["**Données de démonstration** : les structures et les chiffres sont fictifs.", ""]
    lines += [
        f"- Version : {info.version}",
        f"- Données à jour au : {provenance.formats.date(info.as_of)} ({info.as_of.isoformat()})",
        f"- Producteur : {provenance.publisher}",
        f"- Licence : {provenance.licence}, texte et conditions dans {LICENCE_NAME}",
        f"- Documentation et dictionnaire des données : {page_url}",
        "",
        "## Citer ces données",
        "",
        provenance.citation(),
        "",
        "## Fichiers",
        "",
        "| Fichier | Contenu | Taille | SHA-256 |",
        "|---|---|---|---|",
    ]
    lines += [f"| {f.name} | {f.title} | {f.size} octets | {f.sha256} |" for f in files]
    if full_table is not None:
        lines += [
            "",
            f"Les résultats sont publiés un fichier par réseau (dossier results/). Tous les résultats en un seul "
            f"fichier CSV (results.csv), compressé, hors de cette archive : {full_table.url} ({full_table.size} "
            f"octets, SHA-256 {full_table.sha256}). Avec pandas : "
            f"`pd.read_csv(\"{results_address or full_table.url}\")` lit le fichier "
            "compressé directement. Ce fichier remplace l'ancien results.csv non compressé, qui n'est plus publié "
            "(son adresse ne répond plus).",
        ]
    lines += [
        "",
        "Les fichiers CSV sont encodés en UTF-8, séparés par des virgules, avec une ligne d'en-tête. "
        "Le fichier datapackage.json décrit chaque colonne (type, contraintes, description) au format "
        "Frictionless Data Package et donne la taille et l'empreinte SHA-256 de chaque fichier.",
        "",
        "## Vérifier les fichiers",
        "",
        "```",
        "pip install frictionless",
        "frictionless validate datapackage.json",
        "```",
        "",
        "## Historique des versions",
        "",
    ]
    lines += [f"- {r.version} ({r.date.isoformat()}) : {r.title}. {r.description}".rstrip() for r in info.releases]
    return "\n".join(lines) + "\n"


def licence_text(provenance: Provenance) -> str:
    """What the licence allows and requires, with the official text's address."""
    info = provenance.info
    return (
        f"# {info.license_title}\n\n"
        f"Ces données sont publiées par {provenance.publisher} sous {info.license_title}.\n\n"
        "Vous êtes libre de les reproduire, copier, publier et transmettre, de les diffuser et redistribuer, "
        "de les adapter, modifier, extraire et transformer, notamment pour créer des informations dérivées, "
        "et de les exploiter à titre commercial, à condition de mentionner leur paternité : la source "
        "(le producteur et le nom du jeu de données) et la date de leur dernière mise à jour.\n\n"
        f"Mention suggérée : {provenance.citation()}\n\n"
        f"Texte officiel de la licence : {info.license_url}\n"
    )


def publish_package(
    descriptor_path: Path,
    output: Path,
    folder_url: str,
    zip_url: str,
    provenance: Provenance,
    page_url: str,
    results_url: str = "",
    write: bool = True,
    results_address: str = "",
) -> tuple[list[PackageFile], PackageFile, PackageFile | None]:
    """Copy the package under `output/folder_url`, write the full results table at `results_url`
    (a zip; `results_address` its public address for the README), README, licence and zip; return the
    package's files, the zip and the full results table.

    `write=False` (the site's other languages) describes the files the first language's run wrote."""
    source = descriptor_path.parent
    formats = provenance.formats
    _ = formats.gettext
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    target = output / folder_url
    target.mkdir(parents=True, exist_ok=True)
    files: list[PackageFile] = []
    for resource in descriptor.get("resources", []):
        relative = resource_path(resource)
        destination = target / relative
        if write:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(package_file(source, str(relative)), destination)
        digest = _sha256(destination)
        resource["bytes"] = destination.stat().st_size
        resource["hash"] = f"sha256:{digest}"
        files.append(PackageFile(
            str(relative), resource.get("title", resource["name"]), resource.get("description", ""),
            f"{folder_url}{relative}", resource["bytes"], digest, resource.get("format", relative.suffix[1:]).upper(),
            formats,
        ))
    full_table = None
    if results_url and parts_of(descriptor.get("resources", []), "results"):
        if write:
            size = write_full_table(descriptor, source, output / results_url, "results", provenance.info.as_of)
        else:
            size = (output / results_url).stat().st_size
        full_table = PackageFile(
            PurePosixPath(results_url).name, _(FULL_TABLE_TITLE), _(FULL_TABLE_DESCRIPTION), results_url, size,
            _sha256(output / results_url), "ZIP", formats,
        )
    published = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    extra = (
        ("datapackage.json", _(DESCRIPTOR_TITLE), _(DESCRIPTOR_DESCRIPTION), published, "JSON"),
        (README_NAME, _(README_TITLE), _(README_DESCRIPTION),
         readme(provenance, files, page_url, full_table, results_address), "Markdown"),
        (LICENCE_NAME, _(LICENCE_TITLE), provenance.info.license_title, licence_text(provenance), "Markdown"),
    )
    listed = []
    for name, title, description, text, fmt in extra:
        if write:
            content = text.encode("utf-8")
            (target / name).write_bytes(content)
        else:  # the first language's run wrote it (its dates and citation in that language): list that file
            content = (target / name).read_bytes()
        listed.append(PackageFile(name, title, description, f"{folder_url}{name}", len(content),
                                  hashlib.sha256(content).hexdigest(), fmt, formats))
    all_files = listed + files
    root = descriptor.get("name") or "donnees"
    if write:
        (output / zip_url).parent.mkdir(parents=True, exist_ok=True)
        deterministic_zip(
            output / zip_url,
            [(f"{root}/{f.name}", target / f.name) for f in all_files],
            provenance.info.as_of,
        )
    archive = output / zip_url
    zipped = PackageFile(archive.name, _(ZIP_TITLE), _(ZIP_DESCRIPTION), zip_url, archive.stat().st_size,
                         _sha256(archive), "ZIP", formats)
    return all_files, zipped, full_table
