"""Build examples/warc/news.warc.gz from the HTML strings in this script.

Run with:  /work/main/.venv/bin/python examples/make_warc.py

The archive holds, in order:
  1. a warcinfo record
  2. a "request" record (GET of the Coastline Daily page)            -> reader must skip
  3. a "response" record: Coastline Daily, Thessaloniki clashes (16 injured),
     visible date only, no article:published_time meta
  4. a "response" record: Northgate Herald, Greek ministry statement,
     with <meta property="article:published_time">
  5. a "response" record: robots.txt (text/plain)                   -> reader must skip
  6. a "response" record: a tiny PNG image (image/png)              -> reader must skip
All article text is fictional and written for this example corpus.
"""

import struct
import zlib
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "warc" / "news.warc.gz"

COASTLINE_URL = "https://www.coastlinedaily.example/world/2025/03/09/thessaloniki-rent-protest-clashes"
NORTHGATE_URL = "https://www.northgateherald.example/europe/greek-ministry-officers-acted-within-law"

COASTLINE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sixteen hurt as Thessaloniki rent protest turns violent – Coastline Daily</title>
<meta property="og:site_name" content="Coastline Daily">
<meta property="og:type" content="article">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/coastline.css">
</head>
<body>
<div id="cookie-bar">This website uses cookies. Some are essential, others help us understand how you use the site. <a href="/cookies">Find out more</a> <a href="#" class="close-cookie">Got it</a></div>
<header id="top">
  <div class="brand"><a href="/">Coastline Daily</a></div>
  <ul class="menu">
    <li><a href="/">Front page</a></li>
    <li><a href="/world">World</a></li>
    <li><a href="/africa">Africa</a></li>
    <li><a href="/economy">Economy</a></li>
    <li><a href="/climate">Climate</a></li>
  </ul>
</header>
<div id="content">
<article class="post">
  <h1 class="post-title">Sixteen hurt as Thessaloniki rent protest turns violent</h1>
  <div class="post-meta">By Nikolas Andreou | Sunday 9 March 2025</div>
  <div class="post-body">
    <p>THESSALONIKI – At least 16 people were injured and 32 detained on Saturday night when a march against soaring rents in Thessaloniki ended in clashes between riot police and a group of masked protesters, authorities said on Sunday.</p>
    <p>Thousands of people had marched peacefully from the White Tower along the seafront earlier in the evening, chanting slogans against short-term holiday lets and unpaid evictions. Trouble began shortly after 9 p.m., when a few hundred people split from the main march near Aristotelous Square.</p>
    <p>Police said officers were pelted with stones and petrol bombs on Tsimiski Street and responded with tear gas. Nine officers were hurt, according to police spokesman Captain Dimitris Alexiou. An official with the national ambulance service said seven civilians, including a teenager and a freelance photographer, were taken to hospital.</p>
    <p>“This was a small group that came prepared for violence, and it had nothing to do with housing,” Alexiou said.</p>
    <p>Katerina Voulgari, a spokeswoman for the Tenants’ Coalition of Thessaloniki, which organised the march, rejected that account. “The police decided to end our march by force. Thousands of peaceful people paid the price,” she said.</p>
    <p>Firefighters put out several burning rubbish bins, and shop owners on Egnatia Street spent Sunday morning sweeping up glass. “I closed the shutters at seven and watched it all from upstairs,” said Maria Theodoridou, who runs a bakery near the square. “I have never seen the street like that.”</p>
    <p>Greece’s Ministry of Citizen Protection said it would make a statement later on Sunday. The coalition has said it will hold another march on Wednesday.</p>
  </div>
</article>
<section class="related-box">
  <h2>Related articles</h2>
  <ul>
    <li><a href="/world/greek-rents-north">Greek rents rise fastest in northern cities</a></li>
    <li><a href="/world/athens-metro-strike">Athens metro strike called off after late talks</a></li>
  </ul>
</section>
</div>
<aside id="sidebar">
  <h3>Editor’s picks</h3>
  <ul>
    <li><a href="/culture/accra-book-fair">Accra book fair draws record crowds</a></li>
    <li><a href="/climate/volta-lake-levels">Volta lake levels fall for second year</a></li>
  </ul>
</aside>
<footer id="bottom">
  <p><a href="/about">About</a> | <a href="/contact">Contact us</a> | <a href="/privacy">Privacy</a></p>
  <p>© Coastline Daily – all rights reserved.</p>
</footer>
</body>
</html>
"""

NORTHGATE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Greek ministry says officers 'acted within the law' in Thessaloniki clashes | Northgate Herald</title>
<meta property="og:site_name" content="Northgate Herald">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-03-09T16:40:00Z">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/css/herald.css">
</head>
<body>
<div class="cookie-consent">Northgate Herald uses cookies to run this site and to understand how it is used. <button>Accept</button> <a href="/cookies">Settings</a></div>
<header class="masthead">
  <a href="/" class="brand">Northgate Herald</a>
  <nav class="sections">
    <a href="/uk">UK</a> <a href="/europe">Europe</a> <a href="/world">World</a>
    <a href="/business">Business</a> <a href="/culture">Culture</a> <a href="/comment">Comment</a>
  </nav>
</header>
<main>
<article class="article">
  <h1>Greek ministry says officers 'acted within the law' in Thessaloniki clashes</h1>
  <p class="byline">By Alexandra Roussou in Athens</p>
  <div class="article-body">
    <p>ATHENS - Greece's Ministry of Citizen Protection said on Sunday that police had acted lawfully during clashes in Thessaloniki the previous night, but announced that an internal review would examine the use of tear gas near Aristotelous Square.</p>
    <p>Spokesperson Eleni Markopoulou told a news briefing that nine officers had been injured when a group of about 200 people broke away from a march against rising rents. "What happened on Tsimiski Street was not a protest," she said. "It was an attack on people who were doing their job."</p>
    <p>Asked about videos that appear to show officers firing canisters directly at protesters, she said the footage had been sent to the internal affairs division of the Hellenic Police. "If any officer crossed a line, there will be consequences," she added.</p>
    <p>Thirty-two people were detained during the night. Twelve of them are due to appear before a prosecutor on Monday, the spokesperson said.</p>
    <p>The statement drew criticism from opposition parties. Yiannis Petrakis, a member of parliament from Thessaloniki, said he would ask for the minister to be summoned before the public order committee this week. "The government cannot investigate itself and call it accountability," he said.</p>
    <p>For her part, Katerina Voulgari of the Tenants' Coalition of Thessaloniki, which organised Saturday's march, said the group would march again on Wednesday night.</p>
  </div>
</article>
<aside class="rail">
  <h2>Related articles</h2>
  <ul>
    <li><a href="/europe/thessaloniki-rent-march">Thousands march in Thessaloniki against rising rents</a></li>
    <li><a href="/europe/greek-short-term-lets">Greece weighs new limits on short-term lets</a></li>
  </ul>
  <h2>Most popular</h2>
  <ol>
    <li><a href="/business/rail-fares-freeze">Rail fares to be frozen for a year</a></li>
    <li><a href="/culture/northgate-festival">Northgate festival unveils line-up</a></li>
  </ol>
</aside>
</main>
<footer class="site-footer">
  <p>All content by Northgate Herald is licensed under a Creative Commons Attribution 4.0 International License.</p>
  <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a></p>
</footer>
</body>
</html>
"""

ROBOTS_TXT = """User-agent: *
Disallow: /search
Disallow: /account/
Sitemap: https://www.coastlinedaily.example/sitemap.xml
"""


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG, built by hand so the script needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, 8-bit greyscale
    idat = zlib.compress(b"\x00\x80")  # filter byte + one grey pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write_response(writer, url, date, body: bytes, content_type):
    http_headers = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Server", "nginx"),
            ("Date", date),
        ],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": date_to_warc(date)},
    )
    writer.write_record(record)


def date_to_warc(http_date: str) -> str:
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(http_date).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        info = writer.create_warcinfo_record(
            "news.warc.gz",
            {"software": "warcio (examples/make_warc.py)", "description": "newsgraph sample crawl (fictional articles)"},
        )
        info.rec_headers.replace_header("WARC-Date", "2025-03-09T18:05:00Z")  # fixed, not "now"
        writer.write_record(info)

        req_headers = StatusAndHeaders(
            "GET /world/2025/03/09/thessaloniki-rent-protest-clashes HTTP/1.1",
            [
                ("Host", "www.coastlinedaily.example"),
                ("User-Agent", "newsgraph-example-crawler/0.1"),
                ("Accept", "text/html"),
            ],
            is_http_request=True,
        )
        req = writer.create_warc_record(
            COASTLINE_URL,
            "request",
            payload=BytesIO(b""),
            http_headers=req_headers,
            warc_headers_dict={"WARC-Date": "2025-03-09T10:15:00Z"},
        )
        writer.write_record(req)

        write_response(writer, COASTLINE_URL, "Sun, 09 Mar 2025 10:15:01 GMT",
                       COASTLINE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        write_response(writer, NORTHGATE_URL, "Sun, 09 Mar 2025 18:02:30 GMT",
                       NORTHGATE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        write_response(writer, "https://www.coastlinedaily.example/robots.txt", "Sun, 09 Mar 2025 10:14:58 GMT",
                       ROBOTS_TXT.encode("utf-8"), "text/plain; charset=utf-8")
        write_response(writer, "https://www.coastlinedaily.example/media/2025/03/pixel.png", "Sun, 09 Mar 2025 10:15:02 GMT",
                       tiny_png(), "image/png")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
