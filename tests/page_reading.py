"""What a rendered page holds, read with the standard library's HTML parser: the text of each fact mark
(entity spans inside it included), and the number of dropped paragraphs."""

from __future__ import annotations

from html.parser import HTMLParser


class PageReading(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.fact_texts: list[str] = []
        self.fact_indices: list[int] = []
        self.dropped = 0
        self.scripts = 0
        self.external = []
        self._marks = 0
        self.feed(page)

    def handle_starttag(self, tag: str, attributes: list) -> None:
        attributes = dict(attributes)
        if tag == "mark":
            self._marks += 1
            self.fact_texts.append("")
            self.fact_indices.append(int(attributes["data-fact"]))
        if tag == "p" and "dropped" in (attributes.get("class") or ""):
            self.dropped += 1
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if (attributes.get(name) or "").startswith(("http:", "https:", "//")):
                self.external.append(attributes[name])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._marks -= 1

    def handle_data(self, data: str) -> None:
        if self._marks:
            self.fact_texts[-1] += data
