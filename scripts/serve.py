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
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("content", "theme", "plugins", "pelicanconf.py")  # plus the data package's folder


def snapshot(paths: tuple[str | Path, ...]) -> dict[str, float]:
    """Modification times of every watched file."""
    times: dict[str, float] = {}
    for name in paths:
        path = ROOT / name  # an absolute path stays itself
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            if "__pycache__" not in file.parts:
                times[str(file)] = file.stat().st_mtime
    return times


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

    rebuild(args.settings, args.data, args.output)
    output = (ROOT / args.output).resolve()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Site servi sur http://127.0.0.1:{args.port}/ (Ctrl+C pour arrêter) ; reconstruction à chaque changement.")
    watched = (*WATCHED, (ROOT / args.data).resolve().parent)
    seen = snapshot(watched)
    try:
        while True:
            time.sleep(1)
            current = snapshot(watched)
            if current != seen:
                print("Changement détecté : reconstruction…")
                rebuild(args.settings, args.data, args.output)
                seen = snapshot(watched)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
