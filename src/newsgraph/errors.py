"""Error and warning codes.

Every message the user sees carries a code and says what to do about it, so
that a log line can be looked up and acted on without reading a traceback.
"""
from __future__ import annotations

CODES: dict[str, str] = {
    # ingest: the input could not be read
    "E101": "no such file or folder; check the path",
    "E102": "the file is empty; nothing to ingest",
    "E103": "the content looks binary, not text; pass text, HTML, JSONL, feeds or WARC",
    "E104": "the bytes could not be decoded as text in any known encoding; convert the file to UTF-8",
    "E105": "the compressed stream is truncated or corrupt; re-download or re-create the file",
    "E106": "the input is larger than ingest.max_article_bytes; raise the limit in a config file or split the input",
    "E107": "a JSONL line is not a JSON object with a 'text' or 'html' field; fix or drop that line",
    "E108": "the feed could not be parsed as RSS or Atom; check that it is a complete XML feed",
    "E109": "the WARC archive is malformed; check that it is a complete WARC file",
    "E110": "the file could not be read; check its permissions",
    "E111": "unsupported file type; use .txt, .html, .htm, .jsonl, .xml, .rss, .atom, .warc (optionally .gz)",
    "E112": "not a regular file (a FIFO, device or socket); pass regular files or folders",
    "E113": "the folder could not be read; check its permissions",
    # clean: the input was read but held no article
    "E201": "no article text was found in the input; it may be a page without a story (index, login, error page)",
    "E202": "cleaning failed on this input; report it with the input attached",
    # config
    "E301": "the configuration is invalid; fix the named key in your config file",
    "E302": "the configuration file could not be read; check the path and TOML syntax",
    # store
    "E401": "the database was written by a newer newsgraph; upgrade newsgraph to open it",
    "E402": "the file is not a newsgraph database; pass another --db path",
    "E403": "the full-text query is not valid FTS5 syntax; quote phrases and avoid stray operators",
    "E404": "another newsgraph run is writing to this database; wait for it to finish, or use another --db",
    "E405": "no database at this path; check the --db path, or create it with `newsgraph run ... --db PATH`",
    "E406": "the database file is damaged; restore it from a backup, or run the inputs again into a new --db",
    "E407": "the database could not be written (disk full or I/O error); free space and run again: committed batches are kept",
    "E408": "the database is read-only; queries work, but a run needs a writable file and folder",
    # knowledge base and NLP
    "E501": "the actor dictionary could not be read; check its format (TABARI/PETRARCH .actors/.agents or newsgraph JSON)",
    "E601": "the spaCy pipeline could not be loaded; install it (make setup) or name an installed one in [nlp] model",
    "E602": "the article was stored but its analysis failed; report it with the article attached",
    "E603": "the article is longer than nlp.max_chars; it was stored but not analysed: raise the limit or split the article",
    "E604": "the article's analysis took longer than nlp.article_seconds; it was stored but not analysed: raise the budget",
    # events
    "E701": "the event lexicon could not be read; check each line is 'CODE pattern' with a known CAMEO code",
    "E702": "a sentence line is not a JSON object with a 'text' string; fix or drop that line",
    # export
    "E801": "the export could not be written; check that the folder is writable and has space",
    # warnings
    "W101": "the input's encoding was guessed; check the text if characters look wrong",
    "W102": "the input held characters that are not text (lone surrogates, NUL); they were replaced with U+FFFD",
    "W103": "a symbolic link leads back into a folder already read; it was skipped",
    "W701": "a verb dictionary line could not be read and was skipped; fix it as the PETRARCH verb dictionary "
            "format says (docs: newsgraph/kb/petrarch_verbs.py) or delete it",
    "W702": "a verb dictionary file could not be read and was skipped; check the path and that it is UTF-8 text",
    "W703": "a verb dictionary code is not in the CAMEO table and is coded as the dictionary's own code, with "
            "no QuadClass, Goldstein score or PLOVER category unless CAMEO has its root; check it if you "
            "meant a CAMEO code",
}


class NewsgraphError(Exception):
    """An error meant for the user: a code, the thing it concerns, and the cause."""

    def __init__(self, code: str, subject: str, detail: str = ""):
        self.code = code
        self.subject = subject
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        hint = CODES.get(self.code, "")
        cause = f"{self.detail}; {hint}" if self.detail else hint
        return f"{self.code} {self.subject}: {cause}"


def describe(code: str, detail: str = "") -> str:
    """The one-line explanation for ``code``, with an optional specific cause first."""
    hint = CODES.get(code, "")
    return f"{detail}; {hint}" if detail else hint
