"""Issue #14, items 1, 2, 5 and 13: nothing from outside the repository is read into the site.

A resource that is a symbolic link, a URL, a path leaving the package folder, a list of files or a
non-tabular file is refused by the validator before anything is opened, in French, with the line of
datapackage.json; `{attach}`/`{static}` links and symbolic links in content/ stop the build.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from pathlib import Path

import build as build_script
import pytest
from hostile import content_copy, edit_descriptor, messages, package_copy, previous_output, resource
from results.confine import UnsafePathError, confined_path, package_file
from support.site import build_site
from validation import validate_package

SECRET = "SECRET_DE_LA_MACHINE=ne-pas-publier"


def add_notes(descriptor: Path, entry: dict) -> None:
    edit_descriptor(descriptor, lambda data: data["resources"].append(entry))


def test_symlinked_text_resource_is_refused_and_nothing_is_published(tmp_path: Path, capsys) -> None:
    descriptor = package_copy(tmp_path)
    secret = tmp_path / "environ"
    secret.write_text(SECRET, "utf-8")
    (descriptor.parent / "notes.txt").symlink_to(secret)
    add_notes(descriptor, {"name": "notes", "path": "notes.txt", "format": "txt"})

    report = validate_package(descriptor)
    assert report.fatal and [issue.code for issue in report.errors] == ["unsafe-path"]
    issue = report.errors[0]
    assert "lien symbolique" in issue.message and "notes" in issue.message
    assert issue.line == descriptor.read_text("utf-8").splitlines().index('      "name": "notes",') + 1

    output = previous_output(tmp_path)
    assert build_script.main(["--data", str(descriptor), "--output", str(output), "--quiet"]) == 2
    assert "lien symbolique" in capsys.readouterr().err
    assert (output / "index.html").read_text("utf-8") == "<html>site en ligne</html>"


def test_symlinked_csv_is_refused_by_the_validator_and_by_the_plugin(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    regions = descriptor.parent / "regions.csv"
    outside = tmp_path / "regions-outside.csv"
    regions.rename(outside)
    regions.symlink_to(outside)

    report = validate_package(descriptor)
    assert [issue.code for issue in report.errors] == ["unsafe-path"]
    assert "regions.csv" in report.errors[0].message

    # The plugin run on its own (no validation) refuses it too, before writing anything.
    output = tmp_path / "output"
    with pytest.raises(UnsafePathError, match="lien symbolique"):
        build_site(descriptor, output)
    assert not any(output.rglob("regions.csv")) if output.exists() else True


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("../../../../etc/hostname", "unsafe-path", "sort du dossier"),
        ("/etc/hostname", "unsafe-path", "sort du dossier"),
        ("sub\\..\\..\\x.csv", "unsafe-path", "sort du dossier"),
        (["targets.csv", "targets.csv"], "path-list", "plusieurs fichiers"),
        ("notes.txt", "non-tabular-resource", "n'est pas une table"),
        ("file:///etc/hostname", "remote-path", "adresse distante"),
    ],
)
def test_paths_that_leave_the_package_are_refused_in_french(tmp_path: Path, path, code: str, words: str) -> None:
    descriptor = package_copy(tmp_path)
    (descriptor.parent / "notes.txt").write_text("des notes\n", "utf-8")
    edit_descriptor(descriptor, lambda data: resource(data, "targets").update(path=path))

    report = validate_package(descriptor)

    assert report.fatal
    assert [issue.code for issue in report.errors] == [code], messages(report)
    assert words in report.errors[0].message and "targets" in report.errors[0].message
    assert report.errors[0].line is not None


def test_remote_path_is_refused_without_opening_a_connection(tmp_path: Path) -> None:
    """A server that trickles one byte a second hung the validator for ever: no connection at all now."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(5)
    connections: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            connections.append(server.accept()[0])  # then never answer

    listener = threading.Thread(target=accept, daemon=True)
    listener.start()
    descriptor = package_copy(tmp_path)
    url = f"http://127.0.0.1:{server.getsockname()[1]}/targets.csv"
    edit_descriptor(descriptor, lambda data: resource(data, "targets").update(path=url))

    report = validate_package(descriptor)

    server.close()
    listener.join()
    assert connections == []
    assert [issue.code for issue in report.errors] == ["remote-path"]
    assert "rien n'est téléchargé" in report.errors[0].message


def test_a_fifo_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    (descriptor.parent / "targets.csv").unlink()
    os.mkfifo(descriptor.parent / "targets.csv")

    report = validate_package(descriptor)

    assert [issue.code for issue in report.errors] == ["unsafe-path"]
    assert "n'est pas un fichier ordinaire" in report.errors[0].message


def test_confined_path_keeps_writes_inside_the_output(tmp_path: Path) -> None:
    assert confined_path(tmp_path, "api/structures/CAF-75.json") == tmp_path / "api/structures/CAF-75.json"
    for hostile in ("../../../../tmp/x", "/tmp/x", "a/../../x", ""):
        with pytest.raises(UnsafePathError):
            confined_path(tmp_path, hostile)
    (tmp_path / "link").symlink_to("/tmp")
    with pytest.raises(UnsafePathError):
        package_file(tmp_path, "link")


def test_attach_outside_content_stops_the_build(tmp_path: Path, capsys) -> None:
    secret = tmp_path / "environ"
    secret.write_text(SECRET, "utf-8")
    content = content_copy(tmp_path)
    up = "../" * (len(content.parts) + 2)
    page = content / "pages" / "piege.md"
    page.write_text(f"Title: Piège\n\nVoir [b]({{attach}}{up}{secret.as_posix().lstrip('/')}).\n", "utf-8")
    descriptor = package_copy(tmp_path)
    output = previous_output(tmp_path)

    code = build_script.build(
        build_script.ROOT / "pelicanconf.py", descriptor, output, quiet=True, force=True, content=content
    )

    assert code == 1
    error = capsys.readouterr().err
    assert "hors du dossier content/" in error and "piege.md:3" in error
    assert (output / "index.html").read_text("utf-8") == "<html>site en ligne</html>"
    assert not [p for p in output.parent.rglob("*") if p.is_file() and SECRET in p.read_text("utf-8", "replace")]


def test_symbolic_link_in_content_stops_the_build(tmp_path: Path) -> None:
    secret = tmp_path / "environ"
    secret.write_text(SECRET, "utf-8")
    content = content_copy(tmp_path)
    (content / "pages" / "fuite.md").symlink_to(secret)

    with pytest.raises(Exception, match="Liens symboliques refusés") as raised:
        build_site(package_copy(tmp_path), tmp_path / "output", PATH=str(content))
    assert "pages/fuite.md" in str(raised.value)
