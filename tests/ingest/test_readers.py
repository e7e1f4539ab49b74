"""Each reader on small inputs written here, and on the project's sample corpus."""
import gzip
import json
from pathlib import Path

from newsgraph.ingest import ingest
from newsgraph.ingest.sources import sniff_format
from newsgraph.records import InputProblem, RawDocument

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette - World</title><link>https://hg.example/</link>
<item><title>Ferry fares rise</title><link>https://hg.example/ferry</link>
<pubDate>Sun, 11 Feb 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Ferry fares will rise by 4 percent in April, the operator said on Sunday.&lt;/p&gt;</description>
</item></channel></rss>"""


def _items(paths, options):
    return list(ingest([str(p) for p in paths], options.ingest))


def test_text_html_jsonl_and_gzip(tmp_path, options):
    (tmp_path / "a.txt").write_text("LIMA - Roads closed on Tuesday.", encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi there.</p></body></html>"))
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "k1", "html": "<p>x</p>", "url": "https://www.hg.example/x", "outlet": "HG",
                    "published": "2024-02-11T10:00:00Z", "title": "T"}) + "\n")
    (tmp_path / "skip.csv").write_text("not read when walking a folder")
    docs = _items([tmp_path], options)
    assert [d.format for d in docs] == ["text", "html", "html"]
    k1 = docs[2]
    assert (k1.input_id, k1.outlet, k1.published, k1.title, k1.group) == ("k1", "HG", "2024-02-11", "T", "HG")
    assert all(d.raw_hash for d in docs)


def test_feed_entries(tmp_path, options):
    (tmp_path / "f.rss").write_bytes(RSS)
    (doc,) = _items([tmp_path / "f.rss"], options)
    assert doc.input_id == "https://hg.example/ferry"
    assert (doc.outlet, doc.published, doc.title, doc.format) == ("Harbour Gazette", "2024-02-11",
                                                                  "Ferry fares rise", "html")


def test_warc_streams_html_responses_only(options):
    items = _items([EXAMPLES / "warc" / "news.warc.gz"], options)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert docs and all(d.format == "html" and d.url.startswith("http") for d in docs)
    assert all(d.retrieved and len(d.retrieved) == 10 for d in docs)
    assert not [i for i in items if isinstance(i, InputProblem)]


def test_bad_inputs_become_problems(tmp_path, options):
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"word " * 100)[:-6])
    (tmp_path / "big.txt").write_bytes(b"x" * 2048)
    (tmp_path / "feed.xml").write_bytes(b"<rss><channel><item>")  # cut: E105, not E108
    (tmp_path / "bad.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    small = options.ingest.model_copy(update={"max_article_bytes": 1024})
    codes = {}
    for item in ingest([str(tmp_path)], small):
        assert isinstance(item, InputProblem), item
        codes[Path(item.source).name] = item.code
    assert codes == {"empty.txt": "E102", "bin.txt": "E103", "cut.txt.gz": "E105", "big.txt": "E106",
                     "feed.xml": "E105", "bad.warc": "E109"}


def test_legacy_encodings_are_decoded(tmp_path, options):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Z\u00fcrich \u2013 talks</p></body></html>'
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    (doc,) = _items([tmp_path / "p.html"], options)
    assert "Z\u00fcrich \u2013 talks" in doc.content


def test_sniffing_formats():
    assert sniff_format(b"WARC/1.1\r\n") == "warc"
    assert sniff_format(b"  <?xml version='1.0'?><rss>") == "feed"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b'{"text": "x"}\n') == "jsonl"
    assert sniff_format(b"TEHRAN - words") == "text"


def test_sample_corpus_reads_cleanly(options):
    items = _items([EXAMPLES], options)
    assert len(items) >= 12
    assert not [i for i in items if isinstance(i, InputProblem)]
    assert {d.format for d in items} == {"text", "html"}
