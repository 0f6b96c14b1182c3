"""A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON messages
ended by a NUL byte on file descriptors 3 and 4), with nothing but the standard library: load a page,
evaluate JavaScript in it, collect its console errors and exceptions, take a screenshot."""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 30


def executable() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class Browser:
    """One headless browser with one page; use as a context manager."""

    def __init__(self, width: int = 1400, height: int = 1000) -> None:
        self.width, self.height = width, height
        self.errors: list[str] = []
        self._next_id = 0
        self._buffer = b""

    def __enter__(self) -> Browser:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        self._profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        command = [
            executable(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--hide-scrollbars", f"--user-data-dir={self._profile.name}", "about:blank",
        ]
        def as_fds_3_and_4() -> None:  # in the child: the pipe ends where Chromium looks for them
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)  # out of the way of 3 and 4
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self._process = subprocess.Popen(
            # 3 and 4 too: the child closes every descriptor not listed, after as_fds_3_and_4 made them
            command, pass_fds=(3, 4, to_browser_read, from_browser_write), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, preexec_fn=as_fds_3_and_4, start_new_session=True,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self._call(f"{domain}.enable", session=True)
        self._call("Emulation.setDeviceMetricsOverride", {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False}, session=True)
        return self

    def __exit__(self, *exc) -> None:
        os.killpg(self._process.pid, signal.SIGKILL)  # the browser and its renderer processes
        self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._profile.cleanup()

    def open(self, url: str) -> None:
        """Load `url` and wait for its load event."""
        self._call("Page.navigate", {"url": url}, session=True)
        self._wait_for_event("Page.loadEventFired")

    def evaluate(self, expression: str, wait: bool = True):
        """The value of a JavaScript expression in the page (awaited when it is a promise)."""
        result = self._call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": wait}, session=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def choose_files(self, selector: str, paths: list[Path]) -> None:
        """Choose `paths` in the file input at `selector`, as a user picking files does."""
        root = self._call("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self._call("DOM.querySelector", {"nodeId": root, "selector": selector}, session=True)["nodeId"]
        self._call("DOM.setFileInputFiles", {"nodeId": node, "files": [str(path) for path in paths]}, session=True)

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        options: dict = {"format": "png"}
        if full_page:
            size = self._call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            options["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
            options["captureBeyondViewport"] = True
        data = self._call("Page.captureScreenshot", options, session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def _call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply["result"]

    def _wait_for_event(self, method: str) -> None:
        while self._read().get("method") != method:
            pass

    def _read(self) -> dict:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while b"\0" not in self._buffer:
            readable, _, _ = select.select([self._from_browser], [], [], max(0.0, deadline - time.monotonic()))
            if not readable:
                raise TimeoutError(f"the browser did not answer in {TIMEOUT_SECONDS} s")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ConnectionError("the browser closed its pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message = json.loads(raw)
        self._note_error(message)
        return message

    def _note_error(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            self.errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(arg.get("value", arg.get("description"))) for arg in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(params["entry"].get("text", "error"))
