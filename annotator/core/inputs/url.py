"""Fetching one page on the user's explicit request: bounded in time, size and redirects, no
cookies kept; the body is then read like a saved file of the type the server names."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from .. import textio
from ..textio import DocumentLoadError

TIMEOUT_S = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "Mozilla/5.0 (compatible; annotator; +https://example.invalid/annotator)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str
    data: bytes


def is_url(value: object) -> bool:
    """An http(s) address, as typed or pasted (surrounding spaces and newlines allowed)."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://"))


class _OffWebRedirect(Exception):
    """A redirect to something other than an http(s) address."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirect handling, web addresses only: urllib itself follows a redirect to
    ftp:// and refuses file:, data: or javascript: with an error that read "too many
    redirects"."""

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                       headers: http.client.HTTPMessage) -> Any:
        target = headers.get("location") or headers.get("uri") or ""
        if target and urlsplit(urljoin(req.full_url, target.strip())).scheme.lower() not in (
                "http", "https"):
            fp.close()
            raise _OffWebRedirect(target)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _redirect_handler(limit: int) -> urllib.request.HTTPRedirectHandler:
    """The redirect handler with urllib's hop limit (10) lowered."""
    return type("LimitedRedirects", (_Redirects,), {"max_redirections": limit})()


class _Deadline:
    """One clock for the whole fetch: connecting, every redirect hop, headers and body.

    A socket timeout bounds each read, not their sum: a server dripping a byte a second (in
    the headers or the body) or stalling on each of five redirects held the fetch, and the
    window's input, far beyond the 20 s promised. At the deadline every socket this fetch
    opened is shut down, which ends any read blocked on it."""

    def __init__(self, timeout: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True
        self._end = timeout + time.monotonic()

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def connection(self, cls: type[_WatchedHTTP | _WatchedHTTPS]
                   ) -> Callable[..., http.client.HTTPConnection]:
        """A connection factory for urllib's do_open: no socket timeout beyond what is left,
        and the socket is watched once connected."""
        def make(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            left = self._end - time.monotonic()
            if self.expired or left <= 0:
                raise TimeoutError("deadline passed")
            kwargs["timeout"] = left  # urllib passes no timeout of its own here
            conn = cls(host, **kwargs)
            conn.deadline = self
            return conn
        return make

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedHTTP(http.client.HTTPConnection):
    deadline: _Deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPS(http.client.HTTPSConnection):
    deadline: _Deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _TimedHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.deadline.connection(_WatchedHTTP), req)


class _TimedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        self.context = ssl.create_default_context()
        super().__init__(context=self.context)
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.deadline.connection(_WatchedHTTPS), req, context=self.context)


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET `url`; raises DocumentLoadError with a user message for every failure."""
    if not is_url(url):
        raise DocumentLoadError(f"{url}: only http:// and https:// addresses can be opened.")
    url = url.strip()
    wire = _wire_address(url)
    with _Deadline(timeout) as deadline:
        try:
            request = urllib.request.Request(wire, headers={
                "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
            return _get(request, deadline, max_bytes, max_redirects)
        except DocumentLoadError:
            raise
        except _OffWebRedirect as exc:
            raise DocumentLoadError(
                f"{url}: the server redirected to {str(exc)[:200]}, which is not an http:// or "
                "https:// address; it was not followed.") from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise _timed_out(url, timeout) from exc
            raise _failure(url, exc, timeout, max_redirects) from exc


_SAFE = "/%:@!$&'()*+,;=?~"  # kept as typed; anything else outside ASCII letters is %-encoded


def _wire_address(url: str) -> str:
    """The address as a browser sends what it shows: a non-ASCII host in IDNA (punycode),
    spaces and non-ASCII in the path and query %-encoded. http.client refuses them otherwise,
    with a traceback for a space or a bad port. user:password@ is refused: urllib would look
    "user:password@host" up as a host name, sending the password to the name server."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number 0-65535
        if parts.username is not None or parts.password is not None:
            host = parts.netloc.rpartition("@")[2]
            raise DocumentLoadError(
                f"{parts.scheme}://{host}: addresses with a user name or password cannot be "
                "fetched; save the page from a browser and open the file.")
        netloc = parts.netloc.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise DocumentLoadError(f"{url}: the host name is not valid ({exc}).") from exc
    except ValueError as exc:
        raise DocumentLoadError(f"{url}: not a valid web address ({exc}).") from exc
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_SAFE),
                       quote(parts.query, safe=_SAFE), ""))


def _get(request: urllib.request.Request, deadline: _Deadline, max_bytes: int,
         max_redirects: int) -> Fetched:
    # no HTTPCookieProcessor: cookies a server sets are never kept or sent
    opener = urllib.request.build_opener(
        _TimedHTTP(deadline), _TimedHTTPS(deadline), _redirect_handler(max_redirects))
    url = request.full_url
    with opener.open(request) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise _too_big(url, max_bytes)
        data = _read_capped(response, url, max_bytes, deadline)
        if declared and declared.isdigit() and len(data) < int(declared):
            raise http.client.IncompleteRead(data, int(declared) - len(data))
        if response.status not in (200, 203):  # 204 No Content, 206 Partial Content...
            raise DocumentLoadError(f"{url}: the server answered {response.status} "
                                    f"{response.reason}, not a whole page.")
        if not data.strip():
            raise DocumentLoadError(f"{url}: the server sent an empty answer, no page.")
        headers: Message = response.headers
        return Fetched(response.geturl(), _content_type(headers, data),
                       headers.get_content_charset() or "", data)


_SNIFFED = ((b"%pdf-", "application/pdf"),
            (b"pk\x03\x04", "application/vnd.openxmlformats-officedocument"
                             ".wordprocessingml.document"),
            (b"<!doctype html", "text/html"), (b"<html", "text/html"), (b"<head", "text/html"))


def _content_type(headers: Message, data: bytes) -> str:
    """The type the server names; when it names none (email.message then says text/plain)
    or only application/octet-stream, what the body starts with, as browsers do: a page sent
    without a type was aligned as plain text, markup and all."""
    named = headers.get_content_type()
    if headers.get("Content-Type") and named != "application/octet-stream":
        return named
    start = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    for magic, content_type in _SNIFFED:
        if start.startswith(magic):
            return content_type
    return named


def _failure(url: str, exc: BaseException, timeout: float,
             max_redirects: int) -> DocumentLoadError:
    """The user's message for an exception urllib or http.client raised."""
    if isinstance(exc, urllib.error.HTTPError):
        if exc.code in (301, 302, 303, 307, 308) and "location" in exc.headers:
            return DocumentLoadError(f"{url}: too many redirects (more than {max_redirects}).")
        return DocumentLoadError(f"{url}: the server answered {exc.code} {exc.reason or ''}"
                                 .rstrip() + ".")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            return _timed_out(url, timeout)
        return DocumentLoadError(f"{url}: could not be fetched ({exc.reason}).")
    if isinstance(exc, TimeoutError):
        return _timed_out(url, timeout)
    if isinstance(exc, http.client.IncompleteRead):
        return DocumentLoadError(f"{url}: the connection closed before the whole page arrived "
                                 "(the server stopped sending); try again later.")
    if isinstance(exc, http.client.HTTPException) and not isinstance(exc, OSError):
        return DocumentLoadError(f"{url}: the server's answer is not valid HTTP "
                                 f"({str(exc).strip()[:200] or type(exc).__name__}).")
    # connection reset, bad URL syntax, http.client errors
    return DocumentLoadError(f"{url}: could not be fetched ({exc}).")


def _read_capped(response: Any, url: str, max_bytes: int, deadline: _Deadline) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read(64 * 1024)
        if deadline.expired:
            raise TimeoutError  # the deadline shut the socket: what was read is not the page
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise _too_big(url, max_bytes)
        chunks.append(chunk)


def _too_big(url: str, max_bytes: int) -> DocumentLoadError:
    return DocumentLoadError(f"{url}: the page is larger than {max_bytes // 2**20} MiB; "
                             "save it from a browser and open the file instead.")


def _timed_out(url: str, timeout: float) -> DocumentLoadError:
    return DocumentLoadError(f"{url}: no complete answer within {timeout:g} s (timed out).")


def decode_plain(fetched: Fetched) -> str:
    """A text/plain or text/markdown body, by its declared charset or textio's detection."""
    if fetched.charset:
        try:
            return fetched.data.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return textio.decode_bytes(fetched.data, fetched.url).text
