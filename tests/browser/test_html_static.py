"""Every built page, read as HTML: valid markup, a strict Content-Security-Policy, no inline code.

The browser gates load one page of each kind; these scans cover all of them, so a data-dependent
defect (a duplicate id from two slugs, a stray attribute in one template branch) cannot hide.
The validator is html-validate (pinned in package-lock.json) with its standard and accessibility
presets (tests/browser/htmlvalidate.json). Its prefer-native-element rule ignores role="region": a
scrollable table sits in `<div role="region" tabindex="0" aria-label…>`, the documented pattern for
a keyboard-scrollable container, which <section> would not make clearer.
"""

from __future__ import annotations

import json
import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browsercheck import HTML_VALIDATE, ROOT

pytestmark = pytest.mark.slow
VALIDATOR_CONFIG = ROOT / "tests" / "browser" / "htmlvalidate.json"
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
REQUIRED_DIRECTIVES = {"default-src": "'self'", "object-src": "'none'", "base-uri": "'self'"}
# Pagefind's search runs in WebAssembly: the search page (one per language) may compile wasm, nothing more.
WASM = "'wasm-unsafe-eval'"
SEARCH_PAGES = {"recherche/index.html", "en/recherche/index.html"}


class CodeScanner(HTMLParser):
    """Collects what a strict CSP forbids or what would need 'unsafe-inline', plus the CSP itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.problems: list[str] = []
        self.loads_before_policy: list[str] = []
        self._script_line: int | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        line = self.getpos()[0]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        elif tag in ("script", "link", "style") and not self.policies:
            self.loads_before_policy.append(f"<{tag}> ligne {line}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"ligne {line} : attribut {name}= sur <{tag}>")
            elif name == "style":
                self.problems.append(f"ligne {line} : attribut style= sur <{tag}>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"ligne {line} : adresse javascript: sur <{tag}>")
        if tag == "style":
            self.problems.append(f"ligne {line} : élément <style>")
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
            self._script_line = line

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_line is not None:
            self.problems.append(f"ligne {self._script_line} : script en ligne")
            self._script_line = None


def policy_problems(policy: str, wasm: bool = False) -> list[str]:
    """What is missing from, or too loose in, one Content-Security-Policy value (`wasm`: the search
    page, where script-src may add 'wasm-unsafe-eval')."""
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    problems = [f"{name} {value} manquant" for name, value in REQUIRED_DIRECTIVES.items()
                if directives.get(name) != [value]]
    problems += [f"{word} dans {name}" for name, words in directives.items() for word in words
                 if word in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:")
                 or (name in ("script-src", "style-src") and word != "'self'"
                     and not (wasm and name == "script-src" and word == WASM))]
    return problems


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module", params=["bilingual_demo_site", "good_site"])
def site(request: pytest.FixtureRequest) -> Path:
    """The demo site in both languages (every page kind at scale) and the small fixture (its edge
    cases: missing values…)."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def scans(site: Path) -> dict[str, CodeScanner]:
    """Every page of the site parsed once, by path, for the two scans below."""
    scanned = {}
    for page in html_pages(site):
        scanner = CodeScanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        scanned[page.relative_to(site).as_posix()] = scanner
    return scanned


def test_every_page_declares_a_strict_content_security_policy(scans: dict[str, CodeScanner]) -> None:
    """default-src 'self', no unsafe-inline / unsafe-eval, declared before anything is loaded."""
    problems = []
    for name, scanner in scans.items():
        if len(scanner.policies) != 1:
            problems.append(f"{name} : {len(scanner.policies)} balises CSP")
            continue
        problems += [f"{name} : {problem}" for problem in policy_problems(scanner.policies[0], name in SEARCH_PAGES)]
        problems += [f"{name} : {item} avant la CSP" for item in scanner.loads_before_policy]
    assert problems == [], "\n".join(problems[:30])


def test_no_inline_script_style_or_event_handler(scans: dict[str, CodeScanner]) -> None:
    """Only data blocks (JSON, JSON-LD) may sit inline: everything else would need 'unsafe-inline'."""
    problems = []
    for name, scanner in scans.items():
        problems += [f"{name} : {problem}" for problem in scanner.problems]
    assert problems == [], "\n".join(problems[:30])


def test_policy_checker_catches_loose_policies() -> None:
    """The scan above would see a weakened policy (guards the guard)."""
    assert policy_problems("default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self'") == []
    assert policy_problems("default-src 'self'; object-src 'none'; base-uri 'self'; style-src 'self' 'unsafe-inline'")
    assert policy_problems("default-src *; object-src 'none'; base-uri 'self'")
    wasm_policy = "default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' 'wasm-unsafe-eval'"
    assert policy_problems(wasm_policy) and not policy_problems(wasm_policy, wasm=True)
    wasm_style = "default-src 'self'; object-src 'none'; base-uri 'self'; style-src 'self' 'wasm-unsafe-eval'"
    assert policy_problems(wasm_style, wasm=True)
    scanner = CodeScanner()
    scanner.feed('<p style="color:red" onclick="x()"><script>alert(1)</script>'
                 '<script type="application/json">{}</script>')
    assert len(scanner.problems) == 3


def validate(files: list[Path]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(HTML_VALIDATE), "--config", str(VALIDATOR_CONFIG), "--formatter", "json", *map(str, files)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_every_page_is_valid_html(site: Path) -> None:
    """html-validate (HTML standard + accessibility rules) finds nothing in any built page."""
    if not HTML_VALIDATE.exists():
        pytest.fail("html-validate est absent : lancer `npm ci` (node_modules/, verrouillé par package-lock.json)")
    pages = html_pages(site)
    workers = max(1, min(4, os.cpu_count() or 1))
    runs = [validate(pages[index::workers]) for index in range(workers)]  # in parallel: ~35 MB of HTML
    messages = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=600)
        assert stdout.strip(), f"html-validate n'a rien produit : {stderr[-2000:]}"
        for result in json.loads(stdout):
            name = Path(result["filePath"]).relative_to(site).as_posix()
            messages += [f"{name}:{message['line']}:{message['column']} {message['ruleId']} : {message['message']}"
                         for message in result["messages"]]
    assert messages == [], f"{len(messages)} erreurs\n" + "\n".join(messages[:40])
