#!/usr/bin/env python3
"""Serve output/ on http://127.0.0.1:8000 and rebuild when data/, content/, theme/ or plugins/ change.

Polling (once a second) keeps it dependency-free; each rebuild runs scripts/build.py in a fresh
process, so a failed rebuild keeps the last good site online and prints the validator's report.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "pelicanconf.py")  # plus the data package's folder


def snapshot(paths: tuple[str | Path, ...]) -> dict[str, tuple[int, int]]:
    """Modification time (ns) and size of every watched file."""
    times: dict[str, tuple[int, int]] = {}
    for name in paths:
        path = ROOT / name  # an absolute path stays itself
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            if "__pycache__" not in file.parts:
                status = file.stat()
                times[str(file)] = (status.st_mtime_ns, status.st_size)
    return times


def watch(paths: tuple[str | Path, ...], rebuild: Callable[[], object], seen: dict[str, tuple[int, int]],
          interval: float = 1.0, polls: int | None = None) -> int:
    """Rebuild whenever a watched file differs from `seen`; return how many rebuilds ran.

    The snapshot is taken *before* each build (and `seen` before the first one): a file saved while
    a build runs then differs from it, so the next poll builds again. Taken after the build, that
    save would become the reference and be lost. `polls` bounds the loop for tests.
    """
    builds, poll = 0, 0
    while polls is None or poll < polls:
        poll += 1
        time.sleep(interval)
        current = snapshot(paths)
        if current != seen:
            seen = current
            print("Changement détecté : reconstruction…", flush=True)
            rebuild()
            builds += 1
    return builds


def rebuild(settings: str, data: str, output: str) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--settings", settings, "--data", data,
               "--output", output, "--quiet"]
    subprocess.run(command, cwd=ROOT, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--data", default="data/datapackage.json")
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    watched = (*WATCHED, (ROOT / args.data).resolve().parent)
    seen = snapshot(watched)  # before the build: a save during it triggers the next one
    rebuild(args.settings, args.data, args.output)
    output = (ROOT / args.output).resolve()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Site servi sur http://127.0.0.1:{args.port}/ (Ctrl+C pour arrêter) ; reconstruction à chaque changement.")
    try:
        watch(watched, lambda: rebuild(args.settings, args.data, args.output), seen)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
