"""Time and peak memory of importing a national-scale Opendatasoft export (`make bench-import`).

    python scripts/bench_import.py [--structures 15000] [--results 1500000] [--canada 30000] [--workdir …]

The exports are generated from the demo's catalog (its networks and indicators) and real geography,
in the portal's format and with its quirks (a BOM inside the first header, postcodes without their
leading zero, INSEE codes with prefixes): 15 000 structures and 1.5 million result rows by default.
The import then runs in a child process, twice: without the validator (reading, checking, writing)
and with it (what `make import` does); each line gives seconds and the child's peak memory. A file of
Canada's service standards (`--canada` rows: 60 departments, 10 standards per service, 5 fiscal years,
half of the older years with targets in percent and `ND`) is timed the same way.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

from demo_data.catalog import INDICATORS, NETWORKS
from demo_data.geography import load_geography
from results.core.periods import Period

ROOT = Path(__file__).resolve().parent.parent
FREQUENCY_WORDS = {"monthly": "Mensuelle", "quarterly": "Trimestrielle", "yearly": "Annuelle"}
UNIT_WORDS = {"percent": "%", "days": "jours", "minutes": "minutes", "score_10": "note sur 10", "points": "points"}
FAMILY_WORDS = {"performance": "Performance", "perceived_quality": "Qualité perçue"}
LATEST = Period(2026, 3, "quarter")


def write_exports(folder: Path, structures: int, results: int) -> list[Path]:
    """structures.csv, indicateurs.csv and resultats.csv in the portal's format, deterministic."""
    folder.mkdir(parents=True, exist_ok=True)
    towns = load_geography().towns
    labels = {n.id: n.short_name.upper() for n in NETWORKS}
    codes: list[tuple[str, str]] = []  # (structure code, network id)
    with (folder / "structures.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write('"\ufeff""Code SP+ de la structure""";Intitulé du réseau;Intitulé de la typologie;'
                     "Intitulé de la structure;Code SP+ structure parent;Code postal de la structure;Ville;PAYS;"
                     "Actif;INSEE Ville;INSEE Département;INSEE Région\n")
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        geo = load_geography()
        for number in range(structures):
            network = NETWORKS[number % len(NETWORKS)]
            town = towns[number % len(towns)]
            code = f"SP{number:06d}"
            codes.append((code, network.id))
            region = geo.departement(town.departement_code).region_code
            writer.writerow([code, labels[network.id], "Accueil", f"{network.short_name} {town.place} {number}",
                             "", town.postcode.lstrip("0"), town.commune, "France", "Oui",
                             f"com{town.commune_code}", f"dep{town.departement_code}", f"reg{region}"])
    by_network = {n.id: [i for i in INDICATORS if i.network_id in ("", n.id)] for n in NETWORKS}
    with (folder / "indicateurs.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["reseau", "intitule_original_de_l_indicateur", "intitule_usager_de_l_indicateur",
                         "type_d_indicateur", "sources_et_methodes", "type_d_unite", "unite"])
        for network in NETWORKS:
            for indicator in by_network[network.id]:
                writer.writerow([labels[network.id], indicator.original_label, indicator.label,
                                 FAMILY_WORDS[indicator.family], "", "", UNIT_WORDS[indicator.unit]])
    with (folder / "resultats.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(["code_sp_du_resultat", "intitule_du_reseau", "typologie", "intitule_de_la_structure",
                         "code_sp_structure", "titre_original_de_l_indicateur", "code_sp_de_l_indicateur", "valeur",
                         "date_de_mise_a_jour", "frequence"])
        written, step = 0, 0
        while written < results:
            for code, network_id in codes:
                for indicator in by_network[network_id]:
                    period = _period(indicator.frequency, step)
                    if period is None:
                        continue
                    updated = period.end + dt.timedelta(days=20)
                    value = 50 + (written * 7919) % 450 / 10
                    writer.writerow([f"R{written}", labels[network_id], "", "", code, indicator.original_label,
                                     indicator.id, f"{value:.1f}", updated.isoformat(),
                                     FREQUENCY_WORDS[indicator.frequency]])
                    written += 1
                    if written >= results:
                        break
                if written >= results:
                    break
            step += 1
    return [folder / name for name in ("structures.csv", "indicateurs.csv", "resultats.csv")]


CANADA_HEADER = ["fiscal_yr", "service_id", "service_name_en", "service_name_fr", "service_standard_id",
                 "service_standard_en", "service_standard_fr", "type", "channel", "target", "volume_meeting_target",
                 "total_volume", "performance", "target_met", "owner_org", "owner_org_title"]


def write_canada(path: Path, rows: int) -> Path:
    """`rows` service-standard rows over 5 fiscal years, in the open-data file's format and quirks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CANADA_HEADER)
        for index in range(rows):
            year = 2019 + index % 5
            standard = index // 5
            service, org = standard // 10, standard // 10 % 60
            old = year < 2022
            total = 1000 + standard % 997 * 37
            met = total - standard % 89 * 3
            performance = "ND" if old and standard % 7 == 0 else f"{met / total:.4f}"
            target = "80" if old else "0.8"
            writer.writerow([f"{year}-{year + 1}", str(1000 + service), f"Service {service}", f"Service n° {service}",
                             str(standard), f"Standard {standard}", f"Norme de service n° {standard}", "TML", "ONL",
                             target, str(met), str(total), performance, "Y", f"org{org}-min{org}",
                             f"Department {org} | Ministère n° {org}"])
    return path


def _period(frequency: str, step: int) -> Period | None:
    """The `step`-th period back from the latest quarter: months step by month, years only every 4th step."""
    if frequency == "quarterly":
        return LATEST.shifted(-step)
    if frequency == "monthly":
        return Period(2026, 9, "month").shifted(-step)
    return Period(2026 - step // 4 - 1, 0, "year") if step % 4 == 0 else None


# Runs import_data.py in a fresh interpreter and prints, at exit, its peak memory (or that of a helper
# process it started, whichever is higher) and the CPU seconds of both.
_CHILD = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    own, helpers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + helpers.ru_utime + helpers.ru_stime
    print("PEAK_KB", max(own.ru_maxrss, helpers.ru_maxrss), cpu, file=sys.stderr)
"""


def measure(arguments: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak memory (MB) and exit code of `import_data.py ARGUMENTS` in a
    child process (CPU time says what the import costs on a busy machine, where wall time is inflated)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT / "scripts" / "import_data.py"), *arguments],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    found = next((line.split()[1:] for line in done.stderr.splitlines() if line.startswith("PEAK_KB")), ["0", "0"])
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
    return seconds, float(found[1]), int(found[0]) / 1024, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--structures", type=int, default=15_000)
    parser.add_argument("--results", type=int, default=1_500_000)
    parser.add_argument("--canada", type=int, default=30_000, help="rows of the Canada file (0: not measured)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "bench-data" / "import")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    exports = args.workdir / "exports"
    stamp = exports / f".generated-{args.structures}-{args.results}"
    if stamp.is_file():  # the exports are deterministic: generated once per size
        files = [exports / name for name in ("structures.csv", "indicateurs.csv", "resultats.csv")]
    else:
        files = write_exports(exports, args.structures, args.results)
        stamp.touch()
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"exports prêts : {args.structures:,} structures ; {args.results:,} lignes de résultats ; "
          f"{size:.0f} Mo en {time.perf_counter() - started:.1f} s".replace(",", "\u202f"))
    code = 0
    for label, extra, output in (("import sans validation", ["--no-validate"], "package-raw"),
                                 ("import + validation", [], "package")):
        package = args.workdir / output
        for old in package.glob("*") if package.exists() else ():
            old.unlink() if old.is_file() else None
        seconds, cpu, peak, returned = measure(["opendatasoft", *map(str, files), "--output", str(package), *extra])
        print(f"{label} : {seconds:.1f} s ({cpu:.1f} s de processeur), mémoire maximale {peak:.0f} Mo, "
              f"code de sortie {returned}")
        code = code or returned
    if args.canada:
        source = write_canada(args.workdir / "canada" / "service_std.csv", args.canada)
        package = args.workdir / "canada-package"
        for old in package.glob("*") if package.exists() else ():
            old.unlink() if old.is_file() else None
        seconds, cpu, peak, returned = measure(["canada", str(source), "--output", str(package)])
        rows = f"{args.canada:,}".replace(",", "\u202f")
        print(f"import Canada + validation ({rows} lignes norme × exercice) : {seconds:.1f} s ({cpu:.1f} s de "
              f"processeur), mémoire maximale {peak:.0f} Mo, code de sortie {returned}")
        code = code or returned
    return code


if __name__ == "__main__":
    sys.exit(main())
