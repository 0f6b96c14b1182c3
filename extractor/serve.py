"""Owns `khabar serve`: a local page (standard library HTTP server, bound to 127.0.0.1 unless told
otherwise) where a user pastes an article, or drops text files, with an optional publication date, and
sees the HTML view of its facts, with JSON and CSV downloads.

The page reads dropped files in the browser and sends their text; the server never opens a path named by
a request. A request body larger than MAX_REQUEST_BYTES is refused (413), as is any text longer than the
pipeline's limit.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from extractor import exports
from extractor.arguments import DEFAULT_RECOGNIZER
from extractor.errors import KhabarError
from extractor.models import Document
from extractor.pipeline import extract
from extractor.render import FONT_STACK, render

MAX_REQUEST_BYTES = 2_000_000
MAX_DISCARDED_BYTES = 64_000_000  # a larger refused body is not even read: the connection is closed
# One extraction at a time: requests are served in threads, and spaCy's vocabulary grows as it reads.
_EXTRACTING = threading.Lock()
MAX_DOCUMENTS = 50
DEFAULT_PORT = 8765

_PAGE = """<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>khabar</title><link rel="icon" href="data:,">
<style>
body { font-family: %(fonts)s; margin: 1rem 1.5rem; background: #fafafa; }
textarea { width: 100%%; height: 12rem; font: inherit; }
#drop { border: 2px dashed #aaa; padding: 1rem; margin: .5rem 0; text-align: center; color: #666; }
#drop.over { border-color: #333; color: #333; }
.controls { margin: .5rem 0; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
#view { width: 100%%; height: 80vh; border: 1px solid #ccc; background: #fff; }
#message { color: #b00; }
</style></head><body>
<h1>khabar</h1>
<form id="form">
<textarea id="text" name="text" placeholder="متن خبر را اینجا بچسبانید"></textarea>
<div id="drop">… یا پرونده‌های متنی (.txt) را اینجا رها کنید: <input type="file" id="files" multiple accept=".txt,text/plain"></div>
<div class="controls">
<label>تاریخ انتشار: <input type="date" id="date" name="date"></label>
<button type="submit" id="extract">استخراج</button>
<a id="json" download="khabar.json" hidden>JSON</a> <a id="csv" download="khabar.csv" hidden>CSV</a>
<span id="message" role="status"></span>
</div>
</form>
<iframe id="view" title="facts"></iframe>
<script>
"use strict";
let dropped = [];
const form = document.getElementById("form"), drop = document.getElementById("drop");
function readFiles(files) {
  Promise.all(Array.from(files).map(file => file.text().then(text => ({id: file.name, text}))))
    .then(documents => { dropped = documents; document.getElementById("message").textContent = documents.length + " file(s) ready"; });
}
document.getElementById("files").addEventListener("change", event => readFiles(event.target.files));
drop.addEventListener("dragover", event => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", event => { event.preventDefault(); drop.classList.remove("over"); readFiles(event.dataTransfer.files); });
function request() {
  const text = document.getElementById("text").value;
  const documents = dropped.length ? dropped : [{id: "pasted", text}];
  return JSON.stringify({documents, reference_date: document.getElementById("date").value || null});
}
async function post(format) {
  const response = await fetch("/extract?format=" + format, {method: "POST", headers: {"Content-Type": "application/json"}, body: request()});
  if (!response.ok) { throw new Error(await response.text()); }
  return response;
}
function offer(id, blob) {
  const link = document.getElementById(id);
  link.href = URL.createObjectURL(blob);
  link.hidden = false;
}
form.addEventListener("submit", async event => {
  event.preventDefault();
  const message = document.getElementById("message");
  message.textContent = "…";
  try {
    const page = await (await post("html")).text();
    document.getElementById("view").srcdoc = page;
    offer("json", await (await post("json")).blob());
    offer("csv", await (await post("csv")).blob());
    message.textContent = "";
  } catch (error) {
    message.textContent = error.message;
  }
});
</script>
</body></html>
"""
_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


class BadRequest(ValueError):
    """A request the page would not send: said back to the user with status 400."""


def documents_from(body: bytes) -> list[Document]:
    """The Documents of a request body: {"documents": [{"id", "text"}], "reference_date": "YYYY-MM-DD" | null}."""
    try:
        request = json.loads(body.decode("utf-8"))
        items, reference_date = request["documents"], request.get("reference_date")
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise BadRequest(f"not a request this page sends ({error})") from None
    if not isinstance(items, list) or not 0 < len(items) <= MAX_DOCUMENTS:
        raise BadRequest(f"send between 1 and {MAX_DOCUMENTS} documents")
    documents = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise BadRequest("a document with no text: paste an article or drop a text file")
        try:
            documents.append(extract(item["text"], reference_date=reference_date, document_id=str(item.get("id") or "pasted"), entities=DEFAULT_RECOGNIZER))
        except (KhabarError, TypeError, ValueError) as error:
            raise BadRequest(f"{item.get('id') or 'pasted'}: {error}") from None
    return documents


def response_body(documents: list[Document], output_format: str) -> str:
    if output_format == "html":
        return render(documents, title="khabar")
    if output_format == "json":
        return "".join(document.model_dump_json() + "\n" for document in documents)
    return exports.csv_header() + "".join(exports.csv_rows(document) for document in documents)


class Handler(BaseHTTPRequestHandler):
    server_version = "khabar"

    def do_GET(self) -> None:
        if self.path.split("?")[0] != "/":
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found")
            return
        self._send(HTTPStatus.OK, _CONTENT_TYPES["html"], _PAGE % {"fonts": FONT_STACK})

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        output_format = query.removeprefix("format=") if query.startswith("format=") else "html"
        if path != "/extract" or output_format not in _CONTENT_TYPES:
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._discard(length)  # read, not kept: the browser then sees the answer, not a broken connection
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain; charset=utf-8", f"at most {MAX_REQUEST_BYTES:,} bytes at once")
            return
        body = self.rfile.read(length)
        try:
            with _EXTRACTING:
                documents = documents_from(body)
        except BadRequest as error:
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", str(error))
            return
        self._send(HTTPStatus.OK, _CONTENT_TYPES[output_format], response_body(documents, output_format))

    def _discard(self, length: int) -> None:
        if length > MAX_DISCARDED_BYTES:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                return  # the client gave up
            length -= len(chunk)

    def _send(self, status: HTTPStatus, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", "default-src 'self' 'unsafe-inline' blob:; img-src 'self' data:; connect-src 'self'")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        pass  # quiet: the command says where it listens, errors go back to the page


def server(host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> ThreadingHTTPServer:
    """The server, bound and ready (port 0: any free port; `server.server_address` says which)."""
    return ThreadingHTTPServer((host, port), Handler)
