"""How long one HTML page of many articles takes to render, and to open in a real browser.

    python bench/render_page.py [--articles 1000] [--data-dir ../shared/data/news] [--page PATH]

Extracts the first --articles articles of the shared news corpora (not timed), renders them as one page
(extractor.render, timed), writes it, and opens it in headless Chromium (the driver of tests/browser.py):
the time to the page's load event, the number of fact marks the browser sees against the number of facts,
and any console error. Target (issue 20): under 5 s to render 1,000 articles, and the page opens.
"""

from __future__ import annotations

import sys

# bench/ holds numbers.py, which would shadow the standard library's `numbers`: look in this folder last.
sys.path.append(sys.path.pop(0))

import argparse
import json
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.append(str(REPOSITORY / "tests"))

from browser import Browser, executable

from extractor import extract
from extractor.render import render

DEFAULT_DATA = REPOSITORY.parent / "shared" / "data" / "news"


def articles(data_dir: Path, count: int) -> list[dict]:
    found = []
    for path in sorted(data_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            found += [json.loads(line) for line, _ in zip(lines, range(count - len(found)))]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--page", type=Path, help="keep the page here (default: a temporary file)")
    arguments = parser.parse_args()
    records = articles(arguments.data_dir, arguments.articles)
    if not records:
        print(f"render_page: no articles in {arguments.data_dir}; nothing to measure", file=sys.stderr)
        return 0
    documents = [extract(record["text"], document_id=str(record["id"])) for record in records]
    facts = sum(len(document.facts) for document in documents)
    started = time.perf_counter()
    page = render(documents)
    seconds = time.perf_counter() - started
    print(f"rendered {len(documents):,} articles ({facts:,} facts) in {seconds:.2f} s: {len(page) / 1e6:.1f} MB of HTML")
    with tempfile.TemporaryDirectory() as folder:
        path = arguments.page or Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        if executable() is None:
            print("no chromium here: the page was not opened (apt-get install chromium)", file=sys.stderr)
            return 0
        with Browser() as browser:
            started = time.perf_counter()
            browser.open(path.as_uri())
            opened = time.perf_counter() - started
            marks = browser.evaluate("document.querySelectorAll('mark.fact').length")
            errors = browser.errors
    print(f"opened in headless Chromium in {opened:.2f} s: {marks:,} fact marks for {facts:,} facts; console errors: {len(errors)}")
    return 0 if marks == facts and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
