"""Fetching a URL, against a server on 127.0.0.1: limits on time, size and redirects, no
cookies, and saved files read without any network access at all."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError
from annotator.core.inputs import read_source
from annotator.core.inputs.url import fetch
from tests.local_server import Handler, serve

from .test_readers import HARBOUR_TEXT, PRESS_TEXT

DATA = Path(__file__).resolve().parents[2] / "data" / "inputs"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as base:
        yield base


def test_page_is_fetched_and_extracted_like_a_saved_one(server: str) -> None:
    doc = Document.load(f"{server}/article", "A")
    assert doc.text == HARBOUR_TEXT
    assert doc.meta.kind == "html"
    assert doc.meta.url == f"{server}/article"  # the address fetched, not the page's canonical
    assert (doc.meta.title, doc.meta.author, doc.meta.site, doc.meta.date) == (
        "Harbour dredging to start in April, authority says", "Tom Reyes",
        "The Coastal Courier", "2026-03-12")
    assert doc.source == f"{server}/article"


def test_the_servers_charset_decodes_the_page(server: str) -> None:
    found = read_source(f"{server}/latin")
    assert "would begin in April, deux mois après, two months later" in found.text
    assert '"We will not delay the shipping lanes,"' in found.text


def test_pdf_and_text_by_content_type(server: str) -> None:
    pdf = read_source(f"{server}/release.pdf")
    assert (pdf.text, pdf.meta.kind) == (PRESS_TEXT, "pdf")
    assert read_source(f"{server}/notes.txt").text == "Café notes, plain."


@pytest.mark.parametrize(("path", "kind", "text"), [
    ("/untyped-page", "html", HARBOUR_TEXT), ("/untyped-pdf", "pdf", PRESS_TEXT),
    ("/bytes.pdf", "pdf", PRESS_TEXT)])
def test_a_body_without_a_type_is_read_as_what_it_is(
        server: str, path: str, kind: str, text: str) -> None:
    """A page without Content-Type was aligned as plain text, markup and all."""
    found = read_source(server + path)
    assert (found.meta.kind, found.text) == (kind, text)


@pytest.mark.parametrize(("path", "message"), [
    ("/no-content", "answered 204 No Content, not a whole page"),
    ("/empty", "sent an empty answer")])
def test_no_page_in_the_answer(server: str, path: str, message: str) -> None:
    with pytest.raises(DocumentLoadError, match=message):
        read_source(server + path)


def test_redirects_are_followed_up_to_the_limit_without_cookies(server: str) -> None:
    Handler.cookies_seen.clear()
    found = read_source(f"{server}/hop/3")
    assert found.meta.url == f"{server}/article"
    with pytest.raises(DocumentLoadError, match="too many redirects"):
        read_source(f"{server}/hop/9")
    read_source(f"{server}/article")
    read_source(f"{server}/article")
    assert Handler.cookies_seen == []


@pytest.mark.parametrize("scheme", ["ftp", "file", "data", "js"])
def test_redirects_off_the_web_are_not_followed(server: str, scheme: str) -> None:
    """urllib follows ftp:// (and named a refused file:// "too many redirects")."""
    with pytest.raises(DocumentLoadError, match="not an http:// or https:// address; it was "
                       "not followed"):
        read_source(f"{server}/away/{scheme}")


def test_a_3xx_that_is_no_redirect_is_named(server: str) -> None:
    with pytest.raises(DocumentLoadError, match="answered 300 Multiple Choices"):
        read_source(f"{server}/multiple-choices")


def test_timeout_when_the_server_does_not_answer(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(DocumentLoadError, match=r"timed out"):
        read_source(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_timeout_covers_a_body_that_trickles(server: str) -> None:
    with pytest.raises(DocumentLoadError, match=r"timed out"):
        fetch(f"{server}/trickle", timeout=1.0)


@pytest.mark.parametrize("path", ["/drip", "/drip-headers", "/slow-hop/4"])
def test_timeout_bounds_the_whole_fetch(server: str, path: str) -> None:
    """Each read comes well within the timeout; the fetch as a whole must not (it used to
    take 20 s, the server's patience, or forever)."""
    started = time.monotonic()
    with pytest.raises(DocumentLoadError, match=r"timed out"):
        fetch(server + path, timeout=1.0)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_oversized_response_is_refused(server: str, path: str) -> None:
    with pytest.raises(DocumentLoadError, match="larger than 1 MiB"):
        fetch(server + path, max_bytes=2**20)


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "answered 404"), ("/image.png", "sent image/png")],
)
def test_server_errors_and_unsupported_types(server: str, path: str, message: str) -> None:
    with pytest.raises(DocumentLoadError, match=message):
        read_source(server + path)


@pytest.mark.parametrize(
    ("path", "message"),
    [("/not-http", "not valid HTTP"), ("/many-headers", "not valid HTTP"),
     ("/cut-short", "closed before the whole page arrived"),
     ("/cut-chunk", "closed before the whole page arrived")],
)
def test_broken_answers_get_a_message(server: str, path: str, message: str) -> None:
    """http.client's own exceptions used to escape as tracebacks, and a page cut short
    against its Content-Length was read as if it were whole."""
    with pytest.raises(DocumentLoadError, match=message):
        read_source(server + path)


def test_pasted_addresses_are_sent_as_browsers_send_them(server: str) -> None:
    """Spaces and non-ASCII are %-encoded (a space was a traceback, "ü" an ascii codec
    error): the request reaches the server, which answers."""
    for path in ("/no such page", "/käse?q=a b ü"):
        with pytest.raises(DocumentLoadError, match="answered 404"):
            read_source(server + path)
    assert read_source(f"  {server}/notes.txt\n").text == "Café notes, plain."


@pytest.mark.parametrize(
    ("address", "message"),
    [("http://127.0.0.1:abc/x", "not a valid web address"),
     ("http://127.0.0.1:99999/x", "not a valid web address"),
     ("http://[::1/x", "not a valid web address"),
     ("http://user:secret@127.0.0.1:9/x", "user name or password cannot be fetched")],
)
def test_malformed_addresses_are_refused_before_any_lookup(
        monkeypatch: pytest.MonkeyPatch, address: str, message: str) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access for an address that cannot be fetched")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(DocumentLoadError, match=message) as caught:
        read_source(address)
    assert "secret" not in str(caught.value)


def test_unreachable_host() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DocumentLoadError, match="could not be fetched"):
        read_source(f"http://127.0.0.1:{port}/x", timeout=2)


def test_saved_files_never_touch_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while extracting a saved file")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in ("harbour_article.html", "council.docx", "press_release.pdf"):
        assert read_source(DATA / name).text
