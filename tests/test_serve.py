"""`khabar serve`: the local page and its one endpoint (the browser test drives the page itself)."""

import json
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from support import served_page

from extractor import cli, serve

TEXT = "قیمت 30 میلیارد تومان شد و 90 درصد رشد کرد."


@pytest.fixture(scope="module")
def address():
    with served_page() as served:
        yield served


def _post(address, body: bytes, output_format="html"):
    request = urllib.request.Request(f"{address}/extract?format={output_format}", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode("utf-8")


def _request(*documents, reference_date=None) -> bytes:
    return json.dumps({"documents": [{"id": f"d{number}", "text": text} for number, text in enumerate(documents)], "reference_date": reference_date}).encode()


def test_serve_page_and_nothing_else(address):
    with urllib.request.urlopen(f"{address}/", timeout=10) as response:
        page = response.read().decode("utf-8")
    assert response.status == 200 and 'id="text"' in page and 'dir="rtl"' in page
    for path in ("/etc/passwd", "/../pyproject.toml", "/extract"):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(f"{address}{path}", timeout=10)
        assert error.value.code == 404


@pytest.mark.parametrize("output_format, content_type, expected", [
    ("html", "text/html", "30 میلیارد تومان</mark>"),
    ("json", "application/x-ndjson", '"text":"30 میلیارد تومان"'),
    ("csv", "text/csv", "d0,0,0,money,30000000000"),
])
def test_serve_extracts_in_each_format(address, output_format, content_type, expected):
    status, received_type, body = _post(address, _request(TEXT), output_format)
    assert status == 200 and received_type.startswith(content_type) and expected in body


def test_serve_several_documents_and_a_publication_date(address):
    status, _, body = _post(address, _request(TEXT, "روز چهارشنبه جلسه برگزار شد.", reference_date="2018-07-04"), "json")
    documents = [json.loads(line) for line in body.splitlines()]
    assert status == 200 and [document["id"] for document in documents] == ["d0", "d1"]
    assert documents[1]["facts"][0]["value"] == "2018-07-04"


@pytest.mark.parametrize("body, problem", [
    (b"not json", "not a request this page sends"),
    (b'{"documents": []}', "send between 1 and 50 documents"),
    (b'{"documents": [{"text": "  "}]}', "a document with no text"),
    (json.dumps({"documents": [{"text": TEXT}], "reference_date": "tomorrow"}).encode(), "is not an ISO 8601 date"),
    (json.dumps({"documents": [{"text": TEXT}] * 51}).encode(), "send between 1 and 50 documents"),
])
def test_serve_refuses_what_the_page_would_not_send(address, body, problem):
    status, _, message = _post(address, body)
    assert status == 400 and problem in message


def test_serve_refuses_a_request_too_large(address):
    status, _, message = _post(address, _request("ا" * serve.MAX_REQUEST_BYTES))
    assert status == 413 and "at most" in message


def test_serve_listens_on_this_machine_only_by_default():
    arguments = cli._parser().parse_args(["serve"])
    assert (arguments.host, arguments.port) == ("127.0.0.1", serve.DEFAULT_PORT)


@pytest.mark.slow
def test_serve_command_says_where_it_listens_and_stops_on_ctrl_c():
    process = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert address, line
        with urllib.request.urlopen(address.group(), timeout=10) as response:
            assert response.status == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == cli.EXIT_INTERRUPTED
    finally:
        process.kill()


def test_serve_command_names_a_port_it_cannot_take(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert cli.main(["serve", "--port", str(taken.getsockname()[1])]) == cli.EXIT_USAGE
    assert "cannot listen on 127.0.0.1:" in capsys.readouterr().err
