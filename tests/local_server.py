"""A throwaway HTTP server on 127.0.0.1 serving the input fixtures, with misbehaving routes
(slow, trickling, oversized, redirect chains, cookies) for the URL tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "inputs"
PAGE = (DATA / "harbour_article.html").read_bytes()
PDF = (DATA / "press_release.pdf").read_bytes()


class Handler(BaseHTTPRequestHandler):
    cookies_seen: list[str] = []  # noqa: RUF012 - shared with the test on purpose

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, content_type: str, headers: dict[str, str] | None = None,
              status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.headers.get("Cookie"):
            type(self).cookies_seen.append(self.headers["Cookie"])
        path = self.path
        if path == "/article":
            self._send(PAGE, "text/html; charset=utf-8", {"Set-Cookie": "session=abc; Path=/"})
        elif path == "/latin":  # charset only in the header, none in the page
            body = PAGE.decode("utf-8").replace('<meta charset="utf-8">', "")
            body = body.replace("two months later", "deux mois après, two months later")
            body = body.replace("“", '"').replace("”", '"')
            self._send(body.encode("iso-8859-1", "xmlcharrefreplace"),
                       "text/html; charset=ISO-8859-1")
        elif path == "/release.pdf":
            self._send(PDF, "application/pdf")
        elif path == "/notes.txt":
            self._send("Caf\u00e9 notes, plain.\n".encode("latin-1"), "text/plain; charset=latin-1")
        elif path == "/image.png":
            self._send(b"\x89PNG\r\n", "image/png")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/article" if left == 0 else f"/hop/{left - 1}"
            self._send(b"", "text/html", {"Location": target, "Set-Cookie": "t=1"}, 302)
        elif path == "/slow":
            time.sleep(3)
            self._send(PAGE, "text/html")
        elif path == "/trickle":  # headers at once, then the body too slowly
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"x" * 100 + b"</p>\n")
                self.wfile.flush()
                time.sleep(0.1)
        elif path in ("/drip", "/drip-headers"):  # never done, a byte (or a header) at a time
            self.wfile.write(b"HTTP/1.1 200 OK\r\n" + (b"\r\n" if path == "/drip" else b""))
            try:
                for _ in range(100):
                    self.wfile.write(b"x" if path == "/drip" else b"X-Drip: 1\r\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path.startswith("/slow-hop/"):  # each redirect well within the timeout, not all
            time.sleep(0.4)
            left = int(path.rsplit("/", 1)[1])
            self._send(b"", "text/html", {"Location": f"/slow-hop/{max(left - 1, 0)}"}, 302)
        elif path == "/not-http":
            self.wfile.write(b"SSH-2.0-OpenSSH_9.0\r\n")
        elif path == "/many-headers":
            self.send_response(200)
            for i in range(120):
                self.send_header(f"X-{i}", "1")
            self.end_headers()
        elif path == "/cut-short":  # promises the page, sends two thirds, hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE[: len(PAGE) * 2 // 3])
            self.close_connection = True
        elif path == "/cut-chunk":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n%s" % (len(PAGE), PAGE[:3000]))
            self.close_connection = True
        elif path.startswith("/away/"):  # a redirect off the web
            target = {"ftp": "ftp://127.0.0.1:9/x.txt", "file": "file:///etc/passwd",
                      "data": "data:text/plain,hello", "js": "javascript:alert(1)"}
            self._send(b"", "text/html", {"Location": target[path[6:]]}, 302)
        elif path == "/multiple-choices":
            self._send(b"", "text/html", {}, 300)
        elif path in ("/untyped-page", "/untyped-pdf"):  # no Content-Type at all
            body = PAGE if path == "/untyped-page" else PDF
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif path == "/bytes.pdf":
            self._send(PDF, "application/octet-stream")
        elif path == "/no-content":
            self.send_response(204)
            self.end_headers()
        elif path == "/empty":
            self._send(b"", "text/plain")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
            self.wfile.write(b"<html>")
        elif path == "/huge-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"y" * 65536 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(b"<h1>Not here</h1>", "text/html", status=404)


@contextmanager
def serve() -> Iterator[str]:
    """The server's base address while the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
