"""Readers: plain text, HTML, JSONL, gzip, directories and globs, limits, encodings, languages, duplicates."""

from __future__ import annotations

import gzip
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from eventcoder.article import Article, InputError
from eventcoder.ingest import ReadOptions, ReadSummary, SkipNotice, decode_text, read_sources
from eventcoder.ingest.dedup import canonical_url
from eventcoder.ingest.html import parse_html, strip_site_name
from eventcoder.ingest.lang import detect

FIX = Path(__file__).parent / "fixtures" / "ingest"
SITE = FIX / "site"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "nato-lavrov-2015-05-19.txt"


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def errors(items) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError) and not isinstance(i, SkipNotice)]


def skips(items) -> list[SkipNotice]:
    return [i for i in items if isinstance(i, SkipNotice)]


def block_text(a: Article, kind: str) -> list[str]:
    return [a.text[b.start:b.end] for b in a.blocks if b.kind == kind]


# --- plain text -------------------------------------------------------------------------------------

def test_example_article_layout_is_kept():
    if not EXAMPLE.exists():
        pytest.skip("shared example not present")
    (a,) = list(read_sources([str(EXAMPLE)]))
    assert isinstance(a, Article)
    assert a.title == "NATO Head Urges Ukraine Withdrawal at Meeting With Lavrov"
    assert a.dateline == "BRUSSELS"
    assert a.published == date(2015, 5, 19)
    assert a.language == "en"
    kinds = [b.kind for b in a.blocks]
    assert kinds[:4] == ["title", "caption", "dateline", "body"]
    assert block_text(a, "title") == [a.title]
    assert block_text(a, "caption")[0].startswith("Foreign Minister Sergei Lavrov")
    assert block_text(a, "body")[0].startswith("NATO Secretary-General Jens Stoltenberg")


def test_published_option_is_for_files_without_a_date_line(tmp_path):
    # before: read_sources handed --published to the text parser as a date "known from elsewhere", which
    # beat the file's own date line: `extract example.txt --published 2020-01-01` dated a 19 May 2015
    # story 2020-01-01 and its "on May 19" event 2019-05-19 (--help: "for stories that carry none")
    dated, undated = tmp_path / "dated.txt", tmp_path / "undated.txt"
    dated.write_text("# Talks Held\n\nMay 19, 2015\n\nRussia and China held talks on Tuesday.\n", encoding="utf-8")
    undated.write_text("# Talks Held\n\nIran and Iraq held talks on Sunday.\n", encoding="utf-8")
    got = {a.id: a.published for a in read_sources([str(dated), str(undated)], published=date(2020, 1, 1))}
    assert got == {"dated": date(2015, 5, 19), "undated": date(2020, 1, 1)}


def test_plain_text_in_windows_1252_is_an_input_error(tmp_path):
    # A plain-text file declares no charset: bytes that are not UTF-8 are reported, not guessed (issue 2).
    p = tmp_path / "note.txt"
    p.write_bytes("The caf\u00e9 owner in K\u00f6ln said \u201cno\u201d to the new tax on Tuesday.".encode("cp1252"))
    (err,) = list(read_sources([str(p)], options=ReadOptions(languages=None)))
    assert isinstance(err, InputError) and str(p) in str(err) and "not valid UTF-8" in str(err)


def test_mixed_utf8_and_windows_1252_are_both_repaired():
    data = ("The minister\u2019s visit to Z\u00fcrich \u2014 talks.".encode("utf-8")
            + " Caf\u00e9 owners in K\u00f6ln said \u201cno\u201d.".encode("cp1252"))
    text = decode_text(data, "mixed.txt")
    assert text == "The minister\u2019s visit to Z\u00fcrich \u2014 talks. Caf\u00e9 owners in K\u00f6ln said \u201cno\u201d."


def test_mojibake_in_valid_utf8_is_repaired():
    broken = "The minister\u2019s statement in Z\u00fcrich".encode("utf-8").decode("cp1252")
    assert "\u00e2\u20ac\u2122" in broken  # "â€™"
    assert decode_text(broken.encode("utf-8"), "moj.txt") == "The minister\u2019s statement in Z\u00fcrich"


def test_clean_text_is_not_altered():
    s = "\u201cQuoted\u201d words \u2014 and \ufb01ne ligatures, full\u3000width stay as written."
    assert decode_text(s.encode("utf-8"), "clean.txt") == s


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF document"),
    (b"abc\x00def\x00" * 10, "NUL bytes"),
    (bytes(range(1, 32)) * 20, "control bytes"),
])
def test_empty_and_binary_files_get_one_line_errors(tmp_path, data, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    (err,) = list(read_sources([str(p)]))
    assert isinstance(err, InputError) and not isinstance(err, SkipNotice)
    msg = str(err)
    assert msg.startswith(str(p)) and reason in msg and "\n" not in msg


# --- HTML -------------------------------------------------------------------------------------------

def test_html_page_text_title_date_publisher_url_dateline():
    (a,) = articles(read_sources([str(SITE / "ministers-meet.html")]))
    assert a.title == "Ministers agree to reopen border crossings after Geneva talks"
    # the page's markup says 2024-03-12: it wins over 2024/03/15 in the URL path and over the
    # 2030/2031 dates in a script
    assert a.published == date(2024, 3, 12)
    assert a.publisher == "The Harbour Ledger"
    assert a.url == "https://news.example.org/2024/03/15/world/ministers-agree-border-crossings"  # no utm_*
    assert a.id == parse_html((SITE / "ministers-meet.html").read_bytes(), "other-name").id  # stable
    assert len(a.id) == 16
    assert a.dateline == "GENEVA"
    assert a.language == "en"
    assert a.text.startswith(a.title + "\n\nGENEVA \u2014 The foreign ministers")
    body = " ".join(block_text(a, "body"))
    assert "Customs officers from both sides" in body
    assert "monitor the crossings" in body
    for boilerplate in ("cookies", "Related stories", "Fishing fleet", "Great news for the valley",
                        "All rights reserved", "Weather", "staff reporter"):
        assert boilerplate not in a.text
    assert [b.kind for b in a.blocks] == ["title", "dateline", "body"]


def test_html_date_from_url_path_when_the_markup_has_none():
    a = parse_html((SITE / "url-date-only.html").read_bytes(), "u.html")
    assert a.published == date(2023, 7, 4)
    assert a.title == "Harbour workers end strike after pay deal"


def test_html_date_never_after_the_crawl():
    data = (SITE / "future-dates.html").read_bytes()
    assert parse_html(data, "f.html", crawl_date=datetime(2024, 5, 1)).published is None
    # the same page with a publication date in its markup, crawled later
    dated = data.replace(b"<title>", b'<meta name="date" content="2024-04-30"><title>')
    assert parse_html(dated, "f.html", crawl_date=datetime(2024, 5, 1)).published == date(2024, 4, 30)
    future = data.replace(b"<title>", b'<meta name="date" content="2024-06-30"><title>')
    assert parse_html(future, "f.html", crawl_date=datetime(2024, 5, 1)).published is None


def test_html_page_without_article_text_is_a_skip():
    (s,) = list(read_sources([str(SITE / "index-page.html")]))
    assert isinstance(s, SkipNotice) and s.kind == "no article text"


def test_non_english_page_is_skipped_with_reason_not_coded():
    items = list(read_sources([str(SITE / "french.html")]))
    (s,) = items
    assert isinstance(s, SkipNotice)
    assert s.reason == "language fr, not English"
    assert str(s) == f"{SITE / 'french.html'}: skipped: language fr, not English"
    (a,) = articles(read_sources([str(SITE / "french.html")], options=ReadOptions(languages=None)))
    assert a.language == "fr"


def test_html_in_declared_latin1_and_malformed_markup(tmp_path):
    page = ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 owners protest</title></head><body>"
            "<article><h1>Caf\u00e9 owners protest</h1><p>Caf\u00e9 owners in M\u00fcnster marched to the town hall on "
            "Friday to protest against a new tax on outdoor seating, which they said would ruin the summer "
            "season.<p>The mayor said the council would discuss the tax again next month<div><b>unclosed"
            "<p>Police said about two hundred people took part and that the march was peaceful.")
    p = tmp_path / "latin1.html"
    p.write_bytes(page.encode("latin-1"))
    (a,) = articles(read_sources([str(p)]))
    assert a.title == "Caf\u00e9 owners protest"
    assert "M\u00fcnster" in a.text and "two hundred people" in a.text


def test_strip_site_name():
    assert strip_site_name("Mining blasts shatter homes - Lesotho Times", "Lesotho Times", "lestimes") == \
        "Mining blasts shatter homes"
    assert strip_site_name("Kyiv hit by missiles - National | Globalnews.ca", None, "globalnews") == \
        "Kyiv hit by missiles"
    assert strip_site_name("Epstein files - then a twist in the story", "Daily Star", "dailystar") == \
        "Epstein files - then a twist in the story"
    assert strip_site_name("The Harbour Ledger", "The Harbour Ledger", "example") == "The Harbour Ledger"



def test_strip_site_name_host_spelled_without_spaces():
    # no og:site_name, but the trailing part is the host name with its spaces put back
    assert strip_site_name("Ferry service resumes - Harbour Ledger", None, "harbourledger") == \
        "Ferry service resumes"
    assert strip_site_name("Ferry service resumes | The Harbour Ledger", "Quality news since 1901",
                           "theharbourledger") == "Ferry service resumes"
    # the letters must be the host's exactly: more words than the host spells are kept
    assert strip_site_name("Ferry service resumes - Harbour Ledger weekly", None, "harbourledger") == \
        "Ferry service resumes - Harbour Ledger weekly"


def _titled_page(h1: str, headline: str = "Dockers end strike after pay deal",
                 og: str = "Strike over at the docks", page_title: str | None = None, head: str = "") -> str:
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline})
    page_title = f"{headline} | The Harbour Ledger" if page_title is None else page_title
    return (f'<html><head><title>{page_title}</title>{head}'
            f'<meta property="og:title" content="{og}">'
            f'<script type="application/ld+json">{ld}</script></head><body><article><h1>{h1}</h1>'
            "<p>Dock workers in the northern port voted on Tuesday to accept a pay offer and return to work, "
            "ending a strike that had lasted three weeks.</p><p>The union said the deal raised wages by six "
            "percent over two years.</p></article></body></html>")


def test_html_title_the_h1_decides_between_jsonld_headline_and_og_title():
    # the page shows the og:title wording as its headline: og:title wins
    assert parse_html(_titled_page("Strike over at the docks"), "a.html").title == "Strike over at the docks"
    # the page shows the JSON-LD wording, or neither, or both are the same: the JSON-LD headline
    for h1 in ("Dockers end strike after pay deal", "Port news", ""):
        assert parse_html(_titled_page(h1), "b.html").title == "Dockers end strike after pay deal"
    # the comparison is exact: curly quotes in the <h1> do not confirm straight ones in og:title
    page = _titled_page("Dockers \u2018end\u2019 strike", og="Dockers 'end' strike")
    assert parse_html(page, "c.html").title == "Dockers end strike after pay deal"
    # a later <h1> counts too (a first one that is a "Log in" box)
    page = _titled_page("Log in").replace("</article>", "<h1>Strike over at the docks</h1></article>")
    assert parse_html(page, "d.html").title == "Strike over at the docks"


def test_html_title_quote_marks_alone_are_settled_by_the_plain_text_titles():
    # A CMS that curls quotes (WordPress's wptexturize writes &#8216; &#8217;) does so in the <h1> and in the
    # JSON-LD headline made from the same title, while og:title and <title> keep the typed straight ones.
    curly = "Dockers &#8216;end&#8217; strike after pay deal"
    page = _titled_page(curly, headline="Dockers \u2018end\u2019 strike after pay deal",
                        og="Dockers &#039;end&#039; strike after pay deal",
                        page_title="Dockers &#039;end&#039; strike after pay deal | The Harbour Ledger")
    assert parse_html(page, "a.html").title == "Dockers 'end' strike after pay deal"
    # <title> with other wording says nothing about the quotes: the <h1> settles it as before
    page = _titled_page(curly, headline="Dockers \u2018end\u2019 strike after pay deal",
                        og="Dockers &#039;end&#039; strike after pay deal", page_title="Port strike ends")
    assert parse_html(page, "b.html").title == "Dockers \u2018end\u2019 strike after pay deal"
    # <meta name="title"> counts too, with its own mix of quote styles
    page = _titled_page(curly, headline="Dockers \u2018end\u2019 strike after \u2018pay deal\u2019",
                        og="Dockers 'end' strike after 'pay deal'", page_title="Port strike ends",
                        head='<meta name="title" content="Dockers &#039;end&#039; strike after \u2018pay deal\u2019">')
    assert parse_html(page, "c.html").title == "Dockers 'end' strike after \u2018pay deal\u2019"
    # quotes dropped from og:title and <title>, kept in the JSON-LD headline and the <h1>
    quoted = "&quot;Strike is over&quot;\u2026 dockers return to work"
    page = _titled_page(quoted, headline='"Strike is over"\u2026 dockers return to work',
                        og="Strike is over\u2026 dockers return to work",
                        page_title="Strike is over\u2026 dockers return to work - Harbour News")
    assert parse_html(page, "d.html").title == "Strike is over\u2026 dockers return to work"
    # titles that differ in words as well are not touched by this rule
    page = _titled_page("Dockers end strike after pay deal", og="Dockers 'end' strike",
                        page_title="Dockers 'end' strike | The Harbour Ledger")
    assert parse_html(page, "e.html").title == "Dockers end strike after pay deal"


# --- JSONL ------------------------------------------------------------------------------------------

def test_jsonl_field_mapping_bad_lines_and_text_duplicates():
    fields = {"id": ("story",), "text": ("body_text",), "published": ("when",), "title": ("headline",),
              "url": ("address",)}
    items = list(read_sources([str(FIX / "stories.jsonl")], options=ReadOptions(fields=fields)))
    got = articles(items)
    assert [a.id for a in got] == ["s1", "s2"]
    a = got[0]
    assert a.title == "Harbour workers end strike after pay deal"
    assert a.published == date(2023, 7, 4)
    assert a.url == "https://news.example.org/2023/07/04/business/harbour-workers-end-strike"
    assert [b.kind for b in a.blocks] == ["title", "body"]
    errs = errors(items)
    assert [str(e).split(": ", 1)[0] for e in errs] == [f"{FIX / 'stories.jsonl'}:3", f"{FIX / 'stories.jsonl'}:4"]
    (dup,) = skips(items)
    assert dup.kind == "duplicate" and "duplicate of s2 (same text)" in str(dup)
    assert str(dup).startswith(f"{FIX / 'stories.jsonl'}:5")


def test_jsonl_gzip_truncated_keeps_earlier_records(tmp_path):
    lines = [f'{{"id": "n{i}", "text": "Story number {i} says the talks in the capital went on for {i} hours."}}'
             for i in range(200)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(blob[: len(blob) // 2])
    items = list(read_sources([str(p)], options=ReadOptions(languages=None)))
    got = articles(items)
    assert 0 < len(got) < 200
    assert [a.id for a in got] == [f"n{i}" for i in range(len(got))]
    (err,) = errors(items)
    assert "truncated gzip" in str(err) and str(err).startswith(str(p))


def test_jsonl_line_over_size_limit(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text('{"id": "a", "text": "' + "word " * 400 + '"}\n{"id": "b", "text": "Short story here."}\n')
    items = list(read_sources([str(p)], options=ReadOptions(max_bytes=500, languages=None)))
    assert [a.id for a in articles(items)] == ["b"]
    (err,) = errors(items)
    assert str(err).startswith(f"{p}:1: line of ") and "size limit (--max-bytes)" in str(err)


# --- gzip, directories, globs, limits ---------------------------------------------------------------

def test_gzip_html_directories_and_globs(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "a.html.gz").write_bytes(gzip.compress((SITE / "ministers-meet.html").read_bytes()))
    shutil.copy(SITE / "url-date-only.html", d / "b.html")
    (d / ".hidden.html").write_text("<html>not read</html>")
    by_dir = articles(read_sources([str(d)]))
    by_glob = articles(read_sources([str(tmp_path / "*" / "*.html*")]))
    assert [a.title for a in by_dir] == [a.title for a in by_glob] == [
        "Ministers agree to reopen border crossings after Geneva talks",
        "Harbour workers end strike after pay deal",
    ]
    assert by_dir[0].published == date(2024, 3, 12)


def test_truncated_gzip_and_missing_file_do_not_stop_the_batch(tmp_path):
    blob = gzip.compress((SITE / "ministers-meet.html").read_bytes())
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(blob[:-20])
    items = list(read_sources([str(cut), str(tmp_path / "nope.txt"), str(SITE / "url-date-only.html")]))
    assert isinstance(items[0], InputError) and "truncated gzip" in str(items[0])
    assert str(items[1]) == f"{tmp_path / 'nope.txt'}: no such file"
    assert isinstance(items[2], Article)


def test_size_limit_for_files_and_gzip_bombs(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The council met again. " * 100)
    (err,) = list(read_sources([str(big)], options=ReadOptions(max_bytes=1000)))
    assert str(err) == f"{big}: 2.2 kB, over the 1000 bytes size limit (--max-bytes)"
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 100_000))
    (err,) = list(read_sources([str(bomb)], options=ReadOptions(max_bytes=10_000)))
    assert "decompresses to over" in str(err) and str(err).startswith(str(bomb))


# --- duplicates, language, summary ------------------------------------------------------------------

def test_same_canonical_url_is_read_once(tmp_path):
    page = (SITE / "ministers-meet.html").read_text()
    # a different body, but the same canonical URL (tracking parameters differ)
    other = page.replace("?utm_source=rss", "?utm_medium=email").replace("Trade groups", "Business groups")
    (tmp_path / "b.html").write_text(other)
    items = list(read_sources([str(SITE / "ministers-meet.html"), str(tmp_path / "b.html")]))
    first, second = items
    assert isinstance(first, Article)
    assert isinstance(second, SkipNotice) and f"duplicate of {first.id} (same URL)" in str(second)
    both = list(read_sources([str(SITE / "ministers-meet.html"), str(tmp_path / "b.html")],
                             options=ReadOptions(dedup=False)))
    assert len(articles(both)) == 2


def test_canonical_url():
    assert canonical_url("https://WWW.Example.org:443/a/?utm_source=x&b=2&a=1#top") == \
        "https://www.example.org/a/?a=1&b=2"
    assert canonical_url("") is None and canonical_url(None) is None


def test_language_detection_needs_evidence():
    assert detect("The ministers agreed on Tuesday to reopen the border crossings.")[0] == "en"
    assert detect("Die Minister einigten sich am Dienstag, die Grenzübergänge wieder zu öffnen.")[0] == "de"
    assert detect("NATO met")[0] is None  # too short to tell: not skipped
    assert detect("12345 67890")[0] is None


def test_summary_counts_read_skipped_failed():
    items = list(read_sources([str(SITE), str(SITE / "missing.html")]))
    s = ReadSummary()
    for i in items:
        s.add(i)
    assert s.read == 3 and dict(s.skipped) == {"language fr": 1, "no article text": 1}
    assert s.failed == [f"{SITE / 'missing.html'}: no such file"]
    assert s.lines()[0] == "read 3 articles, skipped 2 (language fr: 1, no article text: 1), failed 1"


def test_legacy_cjk_bytes_and_wrong_latin_label():
    zh = "外交部长周二在日内瓦会谈后同意重新开放三个边境口岸，卡车将首先通过。"
    assert decode_text(zh.encode("gbk"), "zh.txt") == zh  # no declaration: charset_normalizer's guess
    page = f'<html><head><meta charset="gb2312"></head><body><p>{zh}</p></body></html>'
    assert zh in decode_text(page.encode("gb18030"), "zh.html")  # GB2312 label read as its superset
    utf8 = '<html><head><meta charset="iso-8859-1"></head><body><p>Z\u00fcrich \u2014 caf\u00e9</p></body></html>'
    assert "Z\u00fcrich \u2014 caf\u00e9" in decode_text(utf8.encode("utf-8"), "wrong-label.html")


def test_markup_date_a_day_after_the_url_date_is_a_utc_slip():
    page = (SITE / "url-date-only.html").read_bytes().replace(
        b"<title>", b'<meta property="article:published_time" content="2023-07-05T02:30:00+00:00"><title>')
    assert parse_html(page, "p.html").published == date(2023, 7, 4)  # the URL's local day
    later = page.replace(b"2023-07-05T02:30", b"2023-07-09T02:30")
    assert parse_html(later, "p.html").published == date(2023, 7, 9)  # markup wins over the URL


def test_photo_credits_glued_to_captions_are_dropped():
    # "Image copyright Reuters Image caption X ...": the credit would run into the caption's first name
    from eventcoder.ingest.jsonl import article_from_record
    from eventcoder.ingest.text import drop_photo_credits

    text = "Talks began.\n\nImage copyright Reuters Image caption Rex Tillerson met Xi Jinping\n\nImage copyright AFP\n\nEnd."
    assert drop_photo_credits(text) == "Talks began.\n\nRex Tillerson met Xi Jinping\n\n\n\nEnd."
    art = article_from_record({"id": "x", "text": text}, "x")
    assert "Image copyright" not in art.text and "Rex Tillerson met Xi Jinping" in art.text
    assert drop_photo_credits("No credit. Image copyright law is a topic.") == "No credit. Image copyright law is a topic."


def test_a_jsonl_story_opening_with_a_dateline_marks_it():
    from eventcoder.ingest.jsonl import article_from_record

    art = article_from_record({"id": "d", "text": "ISLAMABAD (AP) — A cleric met opposition leaders on Monday."}, "d")
    assert art.dateline == "ISLAMABAD"
    assert [(b.kind, art.text[b.start:b.end]) for b in art.blocks][:1] == [("dateline", "ISLAMABAD (AP) — ")]
