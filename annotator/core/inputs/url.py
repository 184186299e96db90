"""Fetching one page on the user's explicit request: bounded in time, size and redirects, no
cookies kept; the body is then read like a saved file of the type the server names."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

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
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _redirect_handler(limit: int) -> urllib.request.HTTPRedirectHandler:
    """urllib's redirect handler with its hop limit (10) lowered; it keeps http(s) only."""
    return type("LimitedRedirects", (urllib.request.HTTPRedirectHandler,),
                {"max_redirections": limit})()


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS) -> Fetched:
    """GET `url`; raises DocumentLoadError with a user message for every failure."""
    if not is_url(url):
        raise DocumentLoadError(f"{url}: only http:// and https:// addresses can be opened.")
    # build_opener without HTTPCookieProcessor: cookies a server sets are never kept or sent
    opener = urllib.request.build_opener(_redirect_handler(max_redirects))
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _too_big(url, max_bytes)
            data = _read_capped(response, url, max_bytes, deadline, timeout)
            headers: Message = response.headers
            return Fetched(response.geturl(), headers.get_content_type(),
                           headers.get_content_charset() or "", data)
    except DocumentLoadError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise DocumentLoadError(
                f"{url}: too many redirects (more than {max_redirects}).") from exc
        raise DocumentLoadError(f"{url}: the server answered {exc.code} {exc.reason}.") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise _timed_out(url, timeout) from exc
        raise DocumentLoadError(f"{url}: could not be fetched ({exc.reason}).") from exc
    except TimeoutError as exc:
        raise _timed_out(url, timeout) from exc
    except (OSError, ValueError) as exc:  # connection reset, bad URL syntax, http.client errors
        raise DocumentLoadError(f"{url}: could not be fetched ({exc}).") from exc


def _read_capped(response: Any, url: str, max_bytes: int, deadline: float,
                 timeout: float) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise _timed_out(url, timeout)
        chunk = response.read(64 * 1024)
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
