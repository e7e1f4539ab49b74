"""Reader for TABARI/PETRARCH verb dictionaries (``.verbs``, e.g. PETRARCH2's CAMEO.2.0.txt).

The format (PETRARCH2 ``docs/source/dictionaries.rst``, TABARI 0.8.4 manual):

- ``#`` comments to end of line; ``<!-- ... -->`` comment lines.
- Synonym sets: a line ``&NAME`` then ``+WORD`` lines (``_`` joins words into one phrase;
  a phrase or a label ending in ``_`` gets no generated plural). A set may name another
  set (``+&TIETYPES``); a set is used as ``&NAME`` anywhere a word can be.
- Verb blocks: ``--- MEANING [code] ---``, then the verb's forms: ``VERB`` (regular forms
  generated: VERBS, VERBED, VERBING), ``VERB {IRREGULAR FORMS}`` (only those), a form with
  its own ``[code]``, and multi-word verbs ``+CORDON_OFF`` / ``WIRE_+TAP`` (``+`` marks
  the word the parser calls the verb).
- Patterns ``- words * words [code]``: ``*`` is the verb; words before it are matched
  before the verb, words after it after; a space allows other words between, ``_`` does
  not. ``$`` marks the source, ``+`` the target, ``%`` a compound holding both, ``^`` a
  noun phrase skipped. ``(PREP words)`` is a prepositional phrase, ``{A B}`` a noun phrase
  whose head is B, ``{A | B}`` alternatives.
- Codes: ``[042]``; ``[032:033]`` is two events, the first from the source to the target
  and the second back from the target to the source ("X visited Y": X makes a visit, 032,
  and Y hosts one, 033); ``[---]`` is no event. A code outside the CAMEO table is coded as
  its longest CAMEO prefix (``[1717]`` as 171), with a warning; one of three or four digits
  with none (``[903]``) is the dictionary's own code, coded as written (root ``90``, the
  root's QuadClass and Goldstein score when CAMEO has it), with a W703 note. Anything else
  (``[abc]``) is a bad line whose pattern still claims its words, as ``[---]`` does: a less
  specific pattern must not code what its author coded otherwise.
- ``~`` lines (PETRARCH2 verb transformations) are read past: they are not applied.

Every bad line is one :class:`DictionaryProblem` (code W701, ``file:line: cause``; W703 for
an own code); the
rest of the file still loads. A file that cannot be read at all is one problem (W702)
and yields nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional, Union

from .cameo import OWN_CODE, load_cameo

BAD_LINE = "W701"
UNREADABLE = "W702"
OWN = "W703"
NULL_CODES = frozenset({"---", "+++", "###"})  # no event (TABARI's null and "undefined" codes)


@dataclass(frozen=True)
class DictionaryProblem:
    code: str
    path: str
    line: int
    cause: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{self.code} {where}: {self.cause}"


@dataclass(frozen=True)
class Words:
    """One pattern element made of words: any one of ``options`` (each a run of consecutive
    words), with ``joined`` True when it must follow the element before it directly."""

    options: tuple[tuple[str, ...], ...]
    joined: bool = False


@dataclass(frozen=True)
class Slot:
    """``$`` source, ``+`` target, ``%`` a compound of both, ``^`` a noun phrase skipped."""

    mark: str
    joined: bool = False


@dataclass(frozen=True)
class PrepPhrase:
    """``(TO +)``: a preposition and what its object must hold (empty: any object)."""

    prep: str
    inside: tuple[Union[Words, Slot], ...] = ()
    joined: bool = False


Element = Union[Words, Slot, PrepPhrase]


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # the block's primary verb, which its forms point to
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: Optional[str]  # None: no event
    reverse_code: Optional[str]  # [a:b]: the event back from the target to the source
    origin: str  # "file:line"
    joined_before: bool = False  # "IN_*": the last word before the verb is next to it
    joined_after: bool = False  # "*_OUT"
    uncodable: bool = False  # its code is outside CAMEO: an event, but none newsgraph can code
    text: str = ""  # the pattern line as written

    @cached_property
    def words(self) -> int:
        """How many words the pattern needs besides the verb: the more, the more specific.
        Computed once: matching asks it of every pattern of a verb it meets."""
        def count(e) -> int:
            if isinstance(e, Words):
                return min((len(o) for o in e.options), default=0)  # an empty synonym set: no words
            if isinstance(e, PrepPhrase):
                return 1 + sum(count(i) for i in e.inside)
            return 0
        return sum(count(e) for e in (*self.before, *self.after))


@dataclass(frozen=True)
class VerbForm:
    """One inflected form: ``word`` as the parser's verb, with the words a multi-word verb
    needs right before and after it ("WIRE" before TAPPED, "OFF" after CORDONED)."""

    word: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    verb: str
    code: Optional[str]
    reverse_code: Optional[str]
    origin: str
    uncodable: bool = False
    text: str = ""  # the verb line as written


@dataclass(frozen=True)
class VerbDictionary:
    forms: dict  # word -> tuple[VerbForm, ...]
    patterns: dict  # verb -> tuple[VerbPattern, ...], most specific first
    problems: tuple[DictionaryProblem, ...] = ()
    files: tuple[str, ...] = ()

    def __len__(self) -> int:
        return sum(map(len, self.patterns.values())) + sum(map(len, self.forms.values()))


class LineError(ValueError):
    """The cause of one bad line."""


def plural(phrase: str) -> str:
    """The regular plural of a phrase's last word: TIE -> TIES, POLICY -> POLICIES, PASS -> PASSES."""
    if phrase.endswith("Y") and not phrase.endswith(("AY", "EY", "OY")):
        return phrase[:-1] + "IES"
    if phrase.endswith(("S", "X", "Z", "SH", "CH")):
        return phrase + "ES"
    return phrase + "S"


def regular_forms(verb: str) -> list[str]:
    """VERB, VERBS, VERBED, VERBING as PETRARCH makes them (AGREE -> AGREES AGREED AGREEING)."""
    third = verb + "ES" if verb.endswith(("S", "X", "Z", "SH", "CH")) else (
        verb[:-1] + "IES" if verb.endswith("Y") and verb[-2:-1] not in "AEIOU" else verb + "S")
    past = verb + "D" if verb.endswith("E") else (
        verb[:-1] + "IED" if verb.endswith("Y") and verb[-2:-1] not in "AEIOU" else verb + "ED")
    ing = verb[:-1] + "ING" if verb.endswith("E") and not verb.endswith("EE") else verb + "ING"
    return [verb, third, past, ing]


_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"#(?![^\[]*\]).*$")  # from a '#' that is not inside [...] ("[###]" is a code)


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.table = load_cameo()
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.forms: dict[str, list[VerbForm]] = {}
        self.patterns: dict[str, list[VerbPattern]] = {}
        self.problems: list[DictionaryProblem] = []
        self.block_code: tuple[Optional[str], Optional[str], bool] = (None, None, False)
        self.block_verb: Optional[str] = None
        self.synset: Optional[str] = None  # the set whose + lines are being read
        self.synset_plurals = True
        self.pending: list[tuple[str, str]] = []  # (note, warning code) on codes of the current line

    def problem(self, number: int, cause: str, code: str = BAD_LINE) -> None:
        self.problems.append(DictionaryProblem(code, self.path, number, cause))

    def read(self, text: str) -> None:
        in_xml = False
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if in_xml:
                in_xml = "-->" not in line
                continue
            if line.startswith("<!"):
                in_xml = "-->" not in line and not line.endswith(">")
                continue
            line = _COMMENT.sub("", line).strip()
            if not line:
                continue
            try:
                self.line(line, number)
            except LineError as exc:
                self.problem(number, str(exc))

    def line(self, line: str, number: int) -> None:
        if line.startswith("---"):
            self.block(line, number)
        elif line.startswith("-"):
            self.synset = None
            self.pattern(line[1:], number)
        elif line.startswith("&"):
            label = line.split()[0]
            if len(line.split()) > 1:
                raise LineError(f"a synonym set label is one word: {line!r}")
            self.synset_plurals = not label.endswith("_")
            self.synset = label.rstrip("_")
            self.synsets.setdefault(self.synset, ())
        elif line.startswith("+") and self.synset is not None:
            self.synonym(line[1:].strip())
        elif line.startswith("~"):
            return  # a PETRARCH2 transformation: read past, not applied
        else:
            self.synset = None
            self.verb_form(line, number)

    def block(self, line: str, number: int) -> None:
        self.synset = None
        codes = _CODE.findall(line)
        if not _CODE.sub(" ", line).strip("- "):
            # the lines after it stay in the block before: one bad line costs one line
            raise LineError("a verb block starts '--- MEANING [code] ---'")
        self.block_verb = None
        self.block_code = (None, None, False)
        if codes:
            self.pending = []
            self.block_code = self.code(codes[0])
            for note, warning in self.pending:
                self.problem(number, note, warning)

    def code(self, body: str) -> tuple[Optional[str], Optional[str], bool]:
        """(code, reverse code, uncodable) of one [...]: uncodable when the code is none of CAMEO's."""
        first, colon, second = body.strip().partition(":")
        code = self.cameo(first.strip())
        reverse = self.cameo(second.strip()) if colon else None
        return code, reverse, code is None and first.strip() not in NULL_CODES and first.strip() != ""

    def cameo(self, text: str) -> Optional[str]:
        if text in NULL_CODES or text == "":
            return None
        if text in self.table:
            return text
        for n in range(len(text) - 1, 2, -1):
            if text[:n] in self.table and text[:n].isdigit():
                self.pending.append((f"[{text}] is not a CAMEO code; coded as its prefix {text[:n]}", BAD_LINE))
                return text[:n]
        if OWN_CODE.fullmatch(text):
            # The author's own code, as TABARI and PETRARCH pass it on: "[903]" codes 903
            self.pending.append((f"[{text}] is not a CAMEO code; coded as the dictionary's own code "
                                 f"{text} (root {text[:2]})", OWN))
            return text
        # The phrase is still the author's: coding it with a less specific pattern instead would
        # be wrong ("contribute a million dollars [9O3]" is not the block's "contribute [070]").
        self.pending.append((f"[{text}] is not a code (three or four digits); its words are kept "
                             "as no event", BAD_LINE))
        return None

    def synonym(self, word: str) -> None:
        if not word:
            raise LineError("an empty synonym")
        if word.startswith("&"):
            inner = self.synsets.get(word.rstrip("_"))
            if inner is None:
                raise LineError(f"synonym set {word} is used before it is defined")
            self.synsets[self.synset] += inner
            return
        no_plural = word.endswith("_") or not self.synset_plurals
        phrase = tuple(word.rstrip("_").replace("_", " ").split())
        found = [phrase]
        if not no_plural:
            found.append((*phrase[:-1], plural(phrase[-1])))
        self.synsets[self.synset] += tuple(found)

    def verb_form(self, line: str, number: int) -> None:
        codes = _CODE.findall(line)
        body = _CODE.sub(" ", line)
        irregular = None
        if "{" in body:
            if "}" not in body:
                raise LineError("'{' without '}' in the verb's forms")
            head, _, rest = body.partition("{")
            irregular, _, tail = rest.partition("}")
            body = head + " " + tail
        words = body.split()
        if not words:
            raise LineError("a verb line without a verb")
        if len(words) > 1 and "_" not in words[0]:
            words = ["_".join(words)]  # "LASH OUT", "RULE OUT": TABARI's open multi-word verb
        self.pending = []
        code, reverse, uncodable = self.code(codes[0]) if codes else self.block_code
        for note, warning in self.pending:
            self.problem(number, note, warning)
        stem = words[0]
        if self.block_verb is None:
            self.block_verb = stem.replace("+", "")
        forms = irregular.split() + [stem] if irregular is not None else self._regular(stem)
        origin = f"{self.path}:{number}"
        for form in forms:
            parts = form.split("_")
            marked = [i for i, p in enumerate(parts) if p.startswith("+")]
            if len(parts) > 1 and not marked:
                marked = [0]  # "LASH_OUT": the first word is the verb
            at = marked[0] if marked else 0
            word = parts[at].lstrip("+")
            if not word or not all(parts):
                raise LineError(f"bad verb form {form!r}")
            self.forms.setdefault(word, []).append(VerbForm(
                word, tuple(parts[:at]), tuple(parts[at + 1:]), self.block_verb, code, reverse, origin, uncodable,
                line.strip()))

    @staticmethod
    def _regular(stem: str) -> list[str]:
        parts = stem.split("_")
        at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        root = parts[at].lstrip("+")
        out = []
        for form in regular_forms(root):
            copy = list(parts)
            copy[at] = ("+" if len(parts) > 1 else "") + form
            out.append("_".join(copy))
        return out

    def pattern(self, text: str, number: int) -> None:
        if self.block_verb is None:
            raise LineError("a pattern before any verb of its block")
        codes = _CODE.findall(text)
        if not codes:
            raise LineError("a pattern needs a [code] at its end")
        self.pending = []
        code, reverse, uncodable = self.code(codes[-1])
        body = _CODE.sub(" ", text)
        if body.count("*") != 1:
            raise LineError("a pattern needs exactly one '*' for the verb")
        left, _, right = body.partition("*")
        joined_before = left.endswith("_")
        joined_after = right.startswith("_")
        before = self.elements(left.strip().rstrip("_"))
        after = self.elements(right.strip().lstrip("_"))
        for note, warning in self.pending:
            self.problem(number, note, warning)
        self.patterns.setdefault(self.block_verb, []).append(VerbPattern(
            self.block_verb, before, after, code, reverse, f"{self.path}:{number}", joined_before, joined_after,
            uncodable, "- " + text.strip()))

    def elements(self, text: str) -> tuple[Element, ...]:
        """The elements of one side of a pattern, in text order."""
        out: list[Element] = []
        tokens = re.findall(r"\(|\)|\{|\}|\||[^\s(){}|]+|\s+", text)
        i = 0
        joined_next = False
        while i < len(tokens):
            tok = tokens[i]
            if tok.isspace():
                joined_next = False
                i += 1
                continue
            if tok == "(":
                close = _closing(tokens, i, "(", ")")
                inner = [t for t in tokens[i + 1:close] if not t.isspace()]
                if not inner:
                    raise LineError("'()' without a preposition")
                prep = inner[0].strip("_")
                inside = self.elements(" ".join(inner[1:]))
                if any(isinstance(e, PrepPhrase) for e in inside):
                    raise LineError("a prepositional phrase inside another")
                out.append(PrepPhrase(prep, inside, joined_next))
                i = close + 1
                continue
            if tok == "{":
                close = _closing(tokens, i, "{", "}")
                inner = "".join(tokens[i + 1:close])
                if "|" in inner:
                    options = tuple(tuple(o.replace("_", " ").split()) for o in inner.split("|") if o.strip())
                    out.append(Words(options, joined_next))
                else:
                    out.extend(self.elements(inner))  # a noun phrase: its words, head last
                i = close + 1
                continue
            if tok in (")", "}", "|"):
                raise LineError(f"unbalanced {tok!r}")
            for k, piece in enumerate(tok.split("_")):
                joined = joined_next if k == 0 else True
                if not piece:
                    continue
                out.append(self.word(piece, joined))
            joined_next = tok.endswith("_")
            i += 1
        return tuple(_merge_runs(out))

    def word(self, piece: str, joined: bool) -> Element:
        if piece in ("$", "+", "%", "^"):
            return Slot(piece, joined)
        if piece.startswith("&"):
            options = self.synsets.get(piece.rstrip("_"))
            if options is None:
                raise LineError(f"synonym set {piece} is not defined before this pattern")
            return Words(options, joined)
        if any(c in piece for c in "$%^*"):
            raise LineError(f"{piece!r} mixes a marker with a word")
        return Words(((piece.rstrip("-") if piece.endswith("-") else piece,),), joined)


def _closing(tokens: list[str], start: int, opening: str, closing: str) -> int:
    depth = 0
    for i in range(start, len(tokens)):
        depth += tokens[i] == opening
        depth -= tokens[i] == closing
        if depth == 0:
            return i
    raise LineError(f"{opening!r} without {closing!r}")


def _merge_runs(elements: list[Element]) -> list[Element]:
    """Single words joined by '_' become one consecutive run: IN_AND -> ("IN", "AND")."""
    out: list[Element] = []
    for e in elements:
        prev = out[-1] if out else None
        if (isinstance(e, Words) and e.joined and isinstance(prev, Words) and len(e.options) == 1
                and len(prev.options) == 1):
            out[-1] = Words((prev.options[0] + e.options[0],), prev.joined)
        else:
            out.append(e)
    return out


def read_verb_text(text: str, path: str) -> VerbDictionary:
    """The dictionary in ``text`` (``path`` names it in problems and rules)."""
    reader = _Reader(path)
    reader.read(text)
    return _finish([reader], (path,))


def _finish(readers: list[_Reader], files: tuple[str, ...]) -> VerbDictionary:
    forms: dict[str, list[VerbForm]] = {}
    patterns: dict[str, list[VerbPattern]] = {}
    problems: list[DictionaryProblem] = []
    for r in readers:  # a later file's entries come first: it overrides the earlier ones
        for word, fs in r.forms.items():
            forms[word] = fs + forms.get(word, [])
        for verb, ps in r.patterns.items():
            patterns[verb] = ps + patterns.get(verb, [])
        problems.extend(r.problems)
    order = {id(p): n for n, p in enumerate(p for ps in patterns.values() for p in ps)}
    ranked = {v: tuple(sorted(ps, key=lambda p: (-p.words, order[id(p)]))) for v, ps in patterns.items()}
    return VerbDictionary({w: tuple(fs) for w, fs in forms.items()}, ranked, tuple(problems), files)


@lru_cache(maxsize=4)
def load_verb_dictionaries(paths: tuple[str, ...]) -> VerbDictionary:
    """The dictionaries of ``paths`` read as one, a later file over an earlier one."""
    readers = []
    problems = []
    for path in paths:
        try:
            text = Path(path).read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            cause = getattr(exc, "strerror", None) or str(exc)
            problems.append(DictionaryProblem(UNREADABLE, str(path), 0, f"cannot read the verb dictionary ({cause})"))
            continue
        reader = _Reader(str(path))
        reader.read(text)
        readers.append(reader)
    merged = _finish(readers, tuple(str(p) for p in paths))
    return VerbDictionary(merged.forms, merged.patterns, tuple(problems) + merged.problems, merged.files)
