"""The HTML view and the served page in a real browser (Debian's chromium, headless; .ci/run installs it):
the sample article loads with no console error, shows one highlighted span per fact with the fact's own
text, and its dropped paragraphs struck through; the served page takes a pasted article and shows its
facts. Screenshots go to build/artifacts/ (KHABAR_ARTIFACTS elsewhere): look at them."""

import datetime
import json
import os
from pathlib import Path

import pytest
from browser import Browser, executable
from support import CORPUS, REPOSITORY, served_page

from extractor import extract
from extractor.render import render

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(executable() is None, reason="no chromium here (.ci/run installs it: apt-get install chromium)"),
]
SAMPLE = (CORPUS / "documents" / "qom_industry_irna.txt").read_text(encoding="utf-8")
ARTIFACTS = Path(os.environ.get("KHABAR_ARTIFACTS") or REPOSITORY / "build" / "artifacts")
# Each fact mark: its index, its text (entity spans inside included) and whether it is drawn at all.
MARKS = """Array.from(document.querySelectorAll('mark.fact')).map(mark => {
  const box = mark.getBoundingClientRect();
  return [Number(mark.dataset.fact), mark.textContent, box.width > 0 && box.height > 0,
          getComputedStyle(mark).backgroundColor !== 'rgba(0, 0, 0, 0)'];
})"""


def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def sample():
    return extract(SAMPLE, reference_date=datetime.date(2018, 7, 4), document_id="qom_industry_irna.txt")


def test_browser_shows_each_fact_of_the_sample_highlighted(tmp_path, sample):
    page = tmp_path / "sample.html"
    page.write_text(render(sample), encoding="utf-8")
    with Browser() as browser:
        browser.open(page.as_uri())
        marks = browser.evaluate(MARKS)
        dropped = browser.evaluate("document.querySelectorAll('p.dropped del').length")
        direction = browser.evaluate("getComputedStyle(document.body).direction")
        overflow = browser.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        browser.screenshot(artifacts() / "render_sample.png")
        assert browser.errors == []
    assert len(marks) == len(sample.facts) == 27
    assert [(index, text) for index, text, _, _ in marks] == [(index, fact.text) for index, fact in enumerate(sample.facts)]
    assert all(drawn and coloured for _, _, drawn, coloured in marks)
    assert dropped == 27 + 3 and direction == "rtl" and overflow <= 0


@pytest.fixture()
def served():
    with served_page() as address:
        yield f"{address}/"


# Resolves with the fact marks of the page shown in the view, once the downloads are offered too.
SHOWN_FACTS = """new Promise(resolve => {
    const started = Date.now();
    (function poll() {
        const view = document.getElementById('view').contentDocument;
        const csv = !document.getElementById('csv').hidden;
        const marks = view ? Array.from(view.querySelectorAll('mark.fact')).map(mark => mark.textContent) : [];
        if ((marks.length && csv) || Date.now() - started > 60000) resolve(marks); else setTimeout(poll, 100);
    })();
})"""


def test_browser_served_page_takes_dropped_files(tmp_path, served):
    (tmp_path / "one.txt").write_text("قیمت 30 میلیارد تومان شد.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("بیش از 90 درصد رشد کرد.", encoding="utf-8")
    with Browser() as browser:
        browser.open(served)
        browser.choose_files("#files", [tmp_path / "one.txt", tmp_path / "two.txt"])
        browser.evaluate("""new Promise(resolve => { (function poll() {
            if (document.getElementById('message').textContent.startsWith('2 file')) resolve(); else setTimeout(poll, 50);
        })(); })""")
        browser.evaluate("document.getElementById('extract').click()")
        marks = browser.evaluate(SHOWN_FACTS)
        listed = browser.evaluate("Array.from(document.getElementById('view').contentDocument.querySelectorAll('nav li a')).map(a => a.textContent)")
        assert browser.errors == []
    assert marks == ["30 میلیارد تومان", "90 درصد"] and listed == ["one.txt", "two.txt"]


def test_browser_served_page_takes_a_pasted_article(sample, served):
    with Browser() as browser:
        browser.open(served)
        browser.evaluate(f"""document.getElementById('text').value = {json.dumps(SAMPLE)};
            document.getElementById('date').value = '2018-07-04';
            document.getElementById('extract').click();""")
        marks = browser.evaluate(SHOWN_FACTS)
        browser.screenshot(artifacts() / "serve_sample.png")
        assert browser.errors == []
    assert marks == [fact.text for fact in sample.facts]
