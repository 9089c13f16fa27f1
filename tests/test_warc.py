"""Web archives: each HTML response an article, everything else listed in corpus.skipped."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest

import newskit
from newskit.errors import CorpusSourceError

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ARTICLE = (
    "<html><head><title>{title}</title>{meta}</head><body><nav><a href='/'>Home</a> "
    "<a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
    "<footer>Copyright The Daily Example. All rights reserved.</footer></body></html>"
)


def _body(topic: str) -> str:
    return "".join(
        f"<p>Paragraph {i} about {topic}: officials said on Tuesday that the new rules on "
        f"{topic} would take effect next month, after a long consultation with residents.</p>"
        for i in range(1, 4)
    )


def _page(title: str, topic: str, *, dated: bool = False, body: str | None = None) -> bytes:
    meta = '<meta property="article:published_time" content="2023-11-02">' if dated else ""
    return ARTICLE.format(
        title=title, meta=meta, body=body if body is not None else _body(topic)
    ).encode()


def write_warc(path, records) -> None:
    """Write ``records``: (kind, url, content_type, payload, warc_date)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for kind, url, ctype, payload, date in records:
            if kind == "response":
                http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(payload),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": date},
                )
            elif kind == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                )
                rec = writer.create_warc_record(
                    url, "request", payload=BytesIO(b""), http_headers=http
                )
            else:
                rec = writer.create_warcinfo_record("crawl.warc", {"software": "test"})
            writer.write_record(rec)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_loads_html_responses_and_skips_the_rest(tmp_path, name):
    path = tmp_path / name
    write_warc(
        path,
        [
            ("warcinfo", None, None, None, None),
            ("request", "https://daily.example/a", None, None, None),
            (
                "response",
                "https://daily.example/a",
                "text/html; charset=utf-8",
                _page("Water rules change", "water"),
                "2023-11-05T10:00:00Z",
            ),
            (
                "response",
                "https://daily.example/b",
                "text/html",
                _page("Bus fares rise", "bus fares", dated=True),
                "2023-11-06T10:00:00Z",
            ),
            (
                "response",
                "https://daily.example/logo.png",
                "image/png",
                b"\x89PNG....",
                "2023-11-06T10:00:00Z",
            ),
            (
                "response",
                "https://daily.example/a",
                "text/html",
                _page("Water rules change", "water"),
                "2023-11-07T10:00:00Z",
            ),
            (
                "response",
                "https://daily.example/menu",
                "text/html",
                _page("Menu", "x", body="<p>Home</p>"),
                "2023-11-07T10:00:00Z",
            ),
        ],
    )
    corpus = newskit.load_corpus(path)
    assert corpus.ids == ["https://daily.example/a", "https://daily.example/b"]
    a, b = corpus
    assert a.title == "Water rules change"
    assert "Paragraph 2 about water" in a.raw and "Home" not in a.raw and "Copyright" not in a.raw
    # no date in the page: the capture date stands in, and says so
    assert (a.date, a.date_source) == (dt.date(2023, 11, 5), "capture")
    assert (b.date, b.date_source) == (dt.date(2023, 11, 2), "page")
    assert a.url == "https://daily.example/a"
    skipped = corpus.skipped
    reasons = list(skipped["reason"])
    assert len(reasons) == 5
    assert any("warcinfo" in r for r in reasons)
    assert any("request" in r for r in reasons)
    assert any("image/png" in r for r in reasons)
    assert any(
        r.startswith("duplicate URL https://daily.example/a (also record 3)") for r in reasons
    )
    assert any("no article text" in r and "menu" in r for r in reasons)
    assert set(skipped["row"].dropna()) == {1, 2, 5, 6, 7}
    frame = corpus.frame().set_index("id")
    assert frame.loc["https://daily.example/b", "source"].endswith(f"{name}, record 4")


def test_archive_in_a_folder_and_dateline_resolved_against_capture(tmp_path):
    body = (
        "<p>NAIROBI, March 3 (Reuters) - Kenya's central bank held its main lending rate on Monday, "
        "saying inflation was easing after months of rising food and fuel prices across the region.</p>"
        "<p>The decision was expected by most of the economists polled before the meeting.</p>"
    )
    write_warc(
        tmp_path / "wire.warc",
        [
            (
                "response",
                "https://wire.example/kenya",
                "text/html",
                _page("Kenya holds rates", "x", body=body),
                "2024-03-04T08:00:00Z",
            )
        ],
    )
    corpus = newskit.load_corpus(tmp_path)
    art = corpus["https://wire.example/kenya"]
    assert art.date == dt.date(2024, 3, 3)
    assert art.date_source == "dateline"
    assert art.outlet == "Wire"  # the site that published it (its domain), not the wire credit
    assert art.wire == "Reuters"
    assert art.text.startswith("Kenya holds rates\n\nKenya's central bank")
    assert "NAIROBI" not in art.text
    assert list(corpus.removed().rule) == ["dated_dateline"]


def test_not_an_archive_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive at all\n" * 10)
    with pytest.raises(
        CorpusSourceError, match=r"broken\.warc: is not a readable WARC/ARC archive"
    ):
        newskit.load_corpus(path)


def test_arc_archive_loads(tmp_path):
    """An ARC (version 1) file written by hand: its header record, then one HTML page."""
    body = _page("Dam opens", "the new dam")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    header = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    data = (
        b"filedesc://old.arc 0.0.0.0 20090304080000 text/plain %d\n" % len(header) + header + b"\n"
    )
    data += (
        b"http://old.example/dam 1.2.3.4 20090304080000 text/html %d\n" % len(http) + http + b"\n"
    )
    path = tmp_path / "old.arc"
    path.write_bytes(data)
    corpus = newskit.load_corpus(path)
    assert corpus.ids == ["http://old.example/dam"]
    art = corpus[0]
    assert (art.title, art.date, art.date_source) == ("Dam opens", dt.date(2009, 3, 4), "capture")
    assert "Paragraph 3 about the new dam" in art.raw
    assert list(corpus.skipped["reason"]) == ["not an HTML page (warcinfo)"]


def test_http_charset_decodes_a_page_that_declares_none(tmp_path):
    body = (
        "<p>Městská rada v pondělí schválila uzavření starého mola; radní Jana Šťastná řekla, "
        "že oprava by stála víc, než kolik letošní rozpočet počítá, a chuť ji platit nikdo nemá.</p>"
        "<p>Majitelé kaváren na nábřeží se obávají, že jim ubude zákazníků z ranních lodí.</p>"
    )
    page = ARTICLE.format(title="Rada zavře molo", meta="", body=body).encode("windows-1250")
    write_warc(
        tmp_path / "cz.warc",
        [
            (
                "response",
                "https://listy.example/molo",
                "text/html; charset=windows-1250",
                page,
                "2024-03-04T08:00:00Z",
            )
        ],
    )
    art = newskit.load_corpus(tmp_path / "cz.warc")[0]
    assert "Jana Šťastná" in art.raw and "chuť" in art.raw
    assert art.encoding == "windows-1250 (declared)"
