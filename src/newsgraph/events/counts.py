"""How many people a news sentence reports killed, injured and detained.

GDELT-style event records carry casualty and arrest counts beside the CAMEO
code; this reads them from one sentence with regexes and a small number-word
parser. A count is only taken when its number phrase is tied to a casualty word:
the subject of a passive or intransitive ("19 Palestinians were hurt", "two
dead"), the object of an active verb ("killing three", "arrested 32 people"),
or the figure of a toll ("the death toll rose to 45"). A subject of an active
verb that has its own object ("two missiles killed five") is the agent, not the
victim, so it is dropped. Values are the stated figure, vague words get a
conventional floor (dozens 24, hundreds 200), and "no one was hurt" gives 0.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_I = re.IGNORECASE
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORDS = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Floors a reader would grant; "many"/"some" carry no figure and are not matched.
_VAGUE = {"tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
          "several": 3, "few": 3, "couple": 2, "handful": 3, "both": 2, "another": 1}

_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
_SCALE = "hundred|thousand|million"
# "and" only joins after a scale ("two hundred and fifty"), never "two and three".
_WORDNUM = (rf"\b(?:{_WORD}|(?:an?\s+)?(?:{_SCALE}))"
            rf"(?:(?:-|\s+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:{_WORD}|{_SCALE})){{0,4}}\b")
# Bounded digit runs keep int() safe; the guards reject parts of times, dates,
# decimals, codes and money ("10:30", "COVID-19", "$50").
_DIGITS = (r"(?<![\w.,:/$£€#-])(?:[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,12})(?:\.[0-9]{1,6})?"
           rf"(?![\w%/-]|[.,:][0-9])(?:\s+(?:{_SCALE})\b)?")
_VAGUE_RE = (r"\b(?:(?:tens|dozens|scores|hundreds|thousands)(?:\s+of\s+(?:thousands|hundreds))?"
             r"|several|a\s+few|both|an?\s+(?:couple|handful)(?=\s+of\b))\b")
_DOZEN = rf"\b(?:half\s+a|an?|{_WORD}|[0-9]{{1,3}})\s+dozen\b"
_NONE = r"\b(?:no(?:\s*-?\s*one)?|nobody|none|not\s+(?:a\s+single|one))\b"
# "a"/"an" is one person unless it opens a collective or a quantifier.
_ONE = (r"\ban?\b(?!\s+(?:lot|number|total|group|series|wave|string|spate|majority|third|quarter"
        r"|half|fraction|crowd|dozen|few|couple|handful|hundred|thousand|million|bit|further"
        r"|additional|estimated)\b)")
_QUAL = (r"(?:\b(?:at\s+least|at\s+most|more\s+than|over|nearly|almost|up\s+to|some|about"
         r"|around|roughly|approximately|as\s+many\s+as|fewer\s+than|less\s+than|upwards\s+of"
         r"|close\s+to|an\s+estimated|estimated|a\s+total\s+of|another|a\s+further"
         r"|an\s+additional|only|just|all(?:\s+of)?|the)\s+){0,3}")


def _num(name: str) -> str:
    alts = rf"{_NONE}|{_DOZEN}|{_VAGUE_RE}|{_DIGITS}|{_WORDNUM}|{_ONE}|\banother\b"
    # The leading guard fails fast inside words, where most scan positions are.
    return rf"(?<!\w)(?=\w)(?P<{name}>{_QUAL}(?:{alts}))"


_VERBISH = (r"kill\w*|dead|die[ds]?|slain|murder\w*|injur\w*|wound\w*|hurt|arrest\w*|detain\w*"
            r"|apprehend\w*|held|lost|sustained|suffered|treated|taken|deaths?|fatalities")
_STOP = (rf"(?:a|an|the|and|or|but|nor|who|whom|that|which|were|was|is|are|be|been|being|have|has"
         rf"|had|got|get|not|no|of|in|on|at|by|from|with|during|after|before|since|into|near|for"
         rf"|to|as|when|while|said|says|say|told|{_VERBISH}|{_WORD}|{_SCALE}|dozens?|scores"
         rf"|hundreds|thousands|several|few|both|another)")
_GAPW = rf"(?!{_STOP}\b)(?:(?-i:[A-Z]\.){{2,}}|[A-Za-z][\w'’]*(?:-[\w'’]+)*|[0-9]+-[\w'’-]+)"
# Noun phrase after the number: "of them", nouns, a place ("in the West Bank"),
# an age ("aged 24 and 31"), an aside ("including two children").
_OF = r"(?:\s+of(?:\s+(?:the|them|those|these|whom|us))?)?"
_PP = r"(?:\s+(?:in|from)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?"
_ASIDE = (r"(?:\s*,\s*(?:including|among\s+them|among\s+whom|mostly|most\s+of\s+them"
          r"|many\s+of\s+them|all\s+of\s+them|[\w-]+\s+of\s+(?:them|whom))\b[^,;.()]{0,60},"
          r"|\s*\([^()]{0,60}\))?")
_AGED = r"(?:\s*,?\s+aged\s+[0-9]{1,3}(?:\s*(?:and|to|-)\s*[0-9]{1,3})?,?)?"
_NP_TAIL = rf"{_OF}(?:\s+{_GAPW}){{0,4}}{_PP}{_AGED}{_ASIDE}"
_AUXW = (r"(?:was|were|is|are|be|been|being|have|has|had|got|get|gets|getting|will|would|may"
         r"|might|could|\w+n['’]t|not|never|to|who|that|which|all|both|each|also|later|then|now"
         r"|already|since|subsequently|initially|reported|confirmed|found|feared|believed|said"
         r"|thought|known|left|remain(?:s|ed)?|(?!fatally|mortally)\w+ly"
         rf"|(?!{_VERBISH})(?:shot|\w+(?:ed|en))\s+and)")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|got|get|gets|getting|reported"
                      r"|confirmed|found|feared|believed|left|remain\w*)\b", _I)
_NEGATED = re.compile(r"\b(?:not|never)\b|n['’]t\b", _I)

_SUBJECT = re.compile(
    _num("n") + _NP_TAIL + rf"(?P<aux>(?:\s+{_AUXW}){{0,5}})\s+(?:"
    r"(?P<killed>(?:fatally|mortally)\s+(?:shot|wounded|injured|stabbed|hurt)|killed|dead|died"
    r"|dies|die|perished|slain|murdered|massacred|executed|lost\s+their\s+lives|shot\s+dead"
    r"|gunned\s+down|(?!sentenced|condemned)\w+\s+to\s+death)"
    r"|(?P<injured>injured|wounded|hurt|(?:sustained|suffered|treated\s+for)\s+(?:\w+\s+){0,2}?"
    r"(?:injuries|wounds))"
    r"|(?P<detained>arrested|detained|apprehended|rounded\s+up|taken\s+into\s+custody"
    r"|(?:placed|put)\s+under\s+arrest|in\s+(?:police\s+)?(?:custody|detention)"
    r"|held\s+(?:in\s+(?:custody|detention)|for\s+questioning|by\s+(?:the\s+)?(?:police|\w+\s+forces"
    r"|authorities))|held))\b", _I)
# Verbs that cannot take a victim as object, so an active form needs no check.
_INTRANSITIVE = re.compile(r"die[ds]?|perished|lost\s.*|sustained\s.*|suffered\s.*|treated\s.*"
                           r"|taken\s.*|placed\s.*|put\s.*|in\s.*|held\s.+", _I)
# What may follow an active-looking subject reading: nothing that could be an object.
_FOLLOW_OK = re.compile(
    r"\s*(?:$|[,.;:!?)\]\"'’”—–]|-\s|(?:in|on|at|near|during|after|before|since|when|while|as|by"
    r"|from|of|with|without|amid|over|across|throughout|inside|outside|following|overnight|and|or"
    r"|but|so|too|also|yesterday|today|tonight|earlier|later|last|this|early|late|according"
    r"|because|due|for|under|between|among|around|here|there|where|until|including|\w+day)\b)",
    _I)
# Plain "held" also fits meetings and talks: only take it of people.
_PERSONISH = re.compile(r"(?:^|\s)(?:people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?"
                        r"|others?|suspects?|youths?|teen\w*|minors?|\w+(?:ers|ors|ians|ists|ees"
                        r"|ants|is|ese|men))\s*$", _I)

_OBJECT = re.compile(
    r"\b(?:(?P<killed>kill(?:ed|ing|s)|murder(?:ed|ing|s)|slew|massacr(?:ed|ing)"
    r"|(?:shot|shooting|gunned|gunning)\s+(?:dead|down)|claim(?:ed|ing|s)?\s+the\s+lives\s+of"
    r"|(?:killings?|deaths?|murders?)\s+of)"
    r"|(?P<injured>injur(?:ed|ing|es)|wound(?:ed|ing)|hurt(?:ing|s)?)"
    r"|(?P<detained>arrest(?:ed|ing|s)|detain(?:ed|ing|s)|apprehend(?:ed|ing|s)"
    r"|round(?:ed|ing|s)?\s+up|(?:arrests?|detentions?)\s+of))\s+" + _num("n"),
    _I)
_CUSTODY = re.compile(r"\b(?:took|taken|taking|takes?)\s+" + _num("n") + _NP_TAIL
                      + r"\s+(?P<detained>in|into)\s+custody\b", _I)
_NOUN = re.compile(_num("n") + rf"(?:\s+(?:{_GAPW}|of)){{0,3}}\s+(?:(?P<killed>deaths|fatalities)"
                   r"|(?P<injured>injur(?:y|ies))|(?P<detained>arrests?(?!\s+warrant)|detentions?)"
                   r"|(?P<casualties>casualt(?:y|ies)))\b", _I)
_TOLL = re.compile(
    r"\b(?:(?P<killed>death\s+toll|(?:number|count|tally)\s+of\s+(?:the\s+)?(?:dead|deaths"
    r"|fatalities|(?:those|people)\s+killed))|(?P<injured>(?:number|count|tally)\s+of\s+(?:the\s+)?"
    r"(?:injured|wounded|injuries|(?:those|people)\s+(?:injured|wounded)))|(?P<detained>(?:number"
    r"|count|tally)\s+of\s+(?:arrests|detainees|detentions|(?:those|people)\s+(?:arrested|detained))))"
    r"[^.;0-9]{0,80}?\b(?:of|to|at|reached|hit|topped|passed|exceeded|is|was|stands|stood)\s+"
    + _num("n"), _I)
_LIVES = re.compile(r"\bclaim(?:ed|ing|s)?\s+" + _num("n") + r"\s+(?:\w+\s+)?lives\b"
                    r"|\b" + _num("m") + r"\s+lives\s+(?:\w+\s+){1,2}lost\b", _I)
# "98 wounded people were taken to hospital": the casualty word before the people it counts
_PRENOMINAL = re.compile(_num("n") + r"\s+(?:(?P<injured>wounded|injured)|(?P<killed>dead|slain))"
                         r"\s+(?:[\w-]+\s+)?(?:people|persons|men|women|children|civilians|police"
                         r"|\w+(?:ers|ors|ians|ists|ees|ants|men|iers))\b", _I)
_WITHOUT = re.compile(r"\bwithout\s+(?:any\s+)?(?:(?P<injured>injur(?:y|ies))|casualties)\b", _I)

_UNIT_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:years?|yrs|months?|weeks?|days?|hours?|minutes?|mins|seconds?|decades?"
    r"|centuries|times|percent|per|pm|am|a\.m|p\.m|o'clock|km|kilomet\w+|miles?|met(?:re|er)s?"
    r"|feet|kg|tons?|tonnes?|dollars?|euros?|pounds?|shekels?|rupees?|yuan|points?|goals?|votes?"
    r"|seats?|rounds?|bullets?|rockets?|missiles?|shells?|bombs?|drones?|while|moment)\b", _I)
_BEFORE_BAD = re.compile(r"(?:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
                         r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
                         r"|\baged?|\bno\.|\bnumber|\bpage|\broute|[$£€¥₪])\s*$", _I)
_YEAR_PREP = re.compile(r"\b(?:in|on|at|since|until|by|from|of|before|after|during|to)\s*$", _I)
_YEAR = re.compile(r"1[89][0-9]{2}|20[0-9]{2}")
_TOKEN_SPLIT = re.compile(r"[\s-]+")
_QUAL_HEAD = re.compile(_QUAL.replace("{0,3}", "{1,3}"), _I)


def _value(phrase: str) -> int:
    """Read a matched number phrase ("at least 1,200", "two dozen", "no one")."""
    text = " ".join(phrase.lower().split())
    head = _QUAL_HEAD.match(text)
    if head:
        text = text[head.end():]
    first = text.split()[0]
    if first in ("no", "nobody", "none", "not", "no-one"):
        return 0
    if text.endswith("dozen"):
        lead = text[:-len("dozen")].strip()
        mult = 0.5 if lead == "half a" else (_value(lead) if lead not in ("a", "an") else 1)
        return int(mult * 12)
    if first in _VAGUE or text in ("a few", "a couple", "a handful"):
        base = _VAGUE[text.split()[-1] if first in ("a", "an") else first]
        return base * 1000 if text.endswith("of thousands") else base
    if text in ("a", "an"):
        return 1
    if text[0].isdigit():
        digits, _, scale = text.replace(",", "").partition(" ")
        whole, _, frac = digits.partition(".")
        mult = _SCALES.get(scale, 1)  # integer maths: "1.5 million" must not go through float
        return int(whole) * mult + int(frac or 0) * mult // 10 ** len(frac)
    total = current = 0
    for tok in _TOKEN_SPLIT.split(text):
        if tok in ("a", "an"):
            current = 1
        elif tok in _WORDS:
            current += _WORDS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in _SCALES:
            total, current = total + max(current, 1) * _SCALES[tok], 0
    return total + current


def _checked(m: re.Match[str], group: str) -> int | None:
    """The value of a number group, unless it is a date, age, money, year or a unit amount."""
    phrase, start = m.group(group), m.start(group)
    before = m.string[max(0, start - 12):start]
    head = _QUAL_HEAD.match(phrase)
    core = phrase[head.end():] if head else phrase
    if core[:1].isdigit() and (_BEFORE_BAD.search(before)
                               or (_YEAR.fullmatch(core) and _YEAR_PREP.search(before))):
        return None
    return None if _UNIT_AFTER.match(m.string, m.end(group)) else _value(phrase)


def _category(m: re.Match[str]) -> str | None:
    return next((k for k in ("killed", "injured", "detained") if m.groupdict().get(k)), None)


def _subject(m: re.Match[str]) -> Iterator[tuple[str, int]]:
    cat, value = _category(m), _checked(m, "n")
    if cat is None or value is None:
        return
    aux, verb = m.group("aux"), m.group(cat)
    passive = bool(_PASSIVE.search(aux))
    noun = m.string[m.end("n"):m.start("aux")].strip()
    if verb.lower() == "held" and not (passive and (not noun or _PERSONISH.search(noun))):
        return
    if not passive and not _INTRANSITIVE.fullmatch(verb) and not _FOLLOW_OK.match(m.string, m.end()):
        return  # "two missiles killed five": the number is the agent
    yield cat, 0 if _NEGATED.search(aux) else value


def _simple(m: re.Match[str]) -> Iterator[tuple[str, int]]:
    cat, value = _category(m), _checked(m, "n" if m.groupdict().get("n") else "m")
    if value is None:
        return
    if m.groupdict().get("casualties"):
        if value == 0:  # "no casualties" rules out both; a positive figure mixes them
            yield from (("killed", 0), ("injured", 0))
        return
    yield cat or "killed", value


def _without(m: re.Match[str]) -> Iterator[tuple[str, int]]:
    yield "injured", 0
    if not m.group("injured"):
        yield "killed", 0


_Reader = Callable[[re.Match[str]], Iterator[tuple[str, int]]]
# Each rule has a cheap cue: most news sentences name no casualty at all, and
# skipping the number-anchored searches keeps those sentences near free.
_VERB_CUE = ("kill", "dead", "die", "slain", "slew", "murder", "massacr", "execut", "lives",
             "death", "fatal", "shot", "gunn", "injur", "wound", "hurt", "sustain", "suffer",
             "arrest", "detain", "apprehend", "round", "custody", "held")
_RULES: tuple[tuple[tuple[str, ...], re.Pattern[str], _Reader], ...] = (
    (_VERB_CUE, _SUBJECT, _subject), (_VERB_CUE, _OBJECT, _simple), (("custody",), _CUSTODY, _simple),
    (("death", "fatalit", "injur", "arrest", "detention", "casualt"), _NOUN, _simple),
    (("toll", "number", "count", "tally"), _TOLL, _simple), (("lives",), _LIVES, _simple),
    (("wounded", "injured", "dead", "slain"), _PRENOMINAL, _simple),
    (("without",), _WITHOUT, _without))


def find_counts(sentence: str) -> dict[str, int]:
    """Counts of people killed, injured and detained that the sentence reports."""
    counts: dict[str, int] = {}
    lowered = sentence.lower()
    for cues, regex, read in _RULES:
        if not any(cue in lowered for cue in cues):
            continue
        pos = 0
        while pos <= len(sentence) and (m := regex.search(sentence, pos)) is not None:
            found = list(read(m))
            for key, value in found:
                counts[key] = max(counts.get(key, value), value)
            # A rejected match may hide a good one starting inside it.
            pos = m.end() if found else m.start() + 1
    return counts
