"""Provenance lens: clues to where the text came from, for lateral reading.

A clue is a question to investigate (open a new tab: who published this first? is
there an original?), never a verdict about the text, the writer or the people in it.
Labels:

- ``spelling_variant``: one name spelled two ways in the same text ("Kiev" and
  "Kyiv"; pairs in ``provenance_variants.csv``, kind ``spelling``). The span sits on
  each occurrence of the form this text uses less (on a tie, the older form); meta
  ``other`` lists the other form's occurrences. A text that uses only one form is not
  flagged here (the loaded lens speaks about the word choice).
- ``transliteration``: a Russian-style given name ("Nikolai") for a person the article
  itself ties to Ukraine. **The rule**: a listed given name followed by a capitalised
  surname is flagged only when (a) the same surname also appears with the other form
  of the given name, or (b) the person's role description names a Ukrainian
  institution or place (``provenance_markers.csv``): the ``role`` of a ``source`` span
  on the name, else an apposition right after the name (", a research fellow at ...
  Ukraine's Department ...") or the words right before it back to a comma or "and"
  ("Ukraine's defence minister ..."). So "Vladimir Putin" is never flagged: it is the
  usual spelling of a Russian name. The clue is that the text may have passed through
  Russian (a translation or a relay); some people also use the Russian form themselves.
- ``mixed_quotes``: straight (") and curly (“ ”) double quotes in one text. Two spans:
  the first curly and the first straight quote mark, each pointing at the other.
- ``formatting``: a space before punctuation ("reports ."), a trace of copy-paste or
  machine translation. The span covers the word, the space and the mark.
- ``relayed_report``: a sentence that relays another outlet's report ("the Financial
  Times reports", "according to Reuters") when the text has no link; the span covers
  the outlet's name.
Document-level findings (:func:`findings`, :class:`~mediakit.spans.Finding` of kind
``provenance``; the markup lists them under ``"document"``, never as spans):

- ``missing_byline``, ``missing_date``, ``missing_outlet``, ``missing_link``: nothing in
  the text or the page metadata says who wrote it, when, where it was published, or
  (when it relays a report) where the original is. A relative time such as "5 months
  ago" is not a date; a dateline with a day and no year ("Nov 14 (Reuters)") gets a
  ``missing_date`` that says only the year is missing. ``missing_link`` is given only
  when the text relays a report.
- ``dateline``: a wire dateline at the start of the body ("KYIV, Ukraine (AP) —",
  "(CNN) --", "LONDON, March 3 (Reuters) -"); when it names an agency or outlet in
  brackets, the text has an outlet, so there is no ``missing_outlet``.
- ``credit``: a signature or credit line at the end ("– Dana Ortiz, Harbor Gazette",
  "(Reporting by ...; Editing by ...)", "The Associated Press contributed to this
  report."); a name there is a byline, an outlet there is an outlet.
- an outlet named in the page's masthead line above the body ("Opinion | The Midland
  Courier | Thursday 14 September 2023", "Wakefield Evening Post, 22 July 2020") or in a
  picture credit ("Photographs: Luc Bérubé for The Coastline Review") is an outlet too:
  no ``missing_outlet`` (see :func:`masthead_outlet`).

What it does NOT detect: a lone older spelling (only "Kiev"); Russian-style surnames
("Beleskov" for "Bielieskov") or any name not listed; transliteration clues for
countries other than Ukraine; whether the relayed report exists or says the same; a
date that is only in the body ("on 5 November" without a year); an outlet named only
in the page design (logos); links removed when an HTML page was turned into text;
machine translation beyond the spacing clue; single curly quotes and apostrophes.

>>> from mediakit import load_article
>>> a = load_article("Mayor opens bridge\\n\\nThe mayor opened the bridge , the Harbor Gazette reports.")
>>> [(s.label, s.text) for s in find(a, {})]
[('formatting', 'bridge ,'), ('relayed_report', 'the Harbor Gazette')]
>>> [f.label for f in findings(a, {})]
['missing_byline', 'missing_date', 'missing_link', 'missing_outlet']
>>> b = load_article("Quake hits coast\\n\\nLIMA, Peru (AP) — A strong quake hit the coast on Monday.")
>>> [(f.label, b.text[slice(*f.evidence[0])]) for f in findings(b, {}) if f.evidence]
[('dateline', 'LIMA, Peru (AP) —')]
>>> [f.label for f in findings(b, {}) if f.label.startswith("missing_")]
['missing_byline', 'missing_date']
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from .. import genre, segment
from ..lexicon import load, require_columns
from ..spans import Finding, Span, make_span, sort_key
from .headline import normalized

LAYER = "provenance"

#: At most this many links to the other spelling's occurrences are kept in a span's meta.
MAX_LINKS = 20
_LATERAL = "A clue to check, not a verdict: look for the original source in a new tab (lateral reading)."


@functools.cache
def _variants():
    rows = require_columns(
        load("provenance_variants"), "provenance_variants", ("variant", "preferred", "kind", "country", "explanation")
    )
    spelling = [r for r in rows if r["kind"] == "spelling"]
    translit = {r["variant"]: r for r in rows if r["kind"] == "transliteration"}
    return spelling, translit


@functools.cache
def _translit_re() -> re.Pattern:
    _, translit = _variants()
    return re.compile(r"(" + "|".join(re.escape(v) for v in sorted(translit, key=len, reverse=True)) + r")(?=\s+[A-Z])")


@functools.cache
def _markers() -> dict:
    rows = require_columns(load("provenance_markers"), "provenance_markers", ("term", "country"))
    by: dict = {}
    for r in rows:
        by.setdefault(r["country"], []).append(r["term"].lower())
    return {
        c: re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(ts, key=len, reverse=True)) + r")\b")
        for c, ts in by.items()
    }


@functools.cache
def _outlet_re() -> tuple:
    rows = require_columns(load("provenance_outlets"), "provenance_outlets", ("name", "kind"))
    names = sorted((r["name"] for r in rows if r["kind"] == "name"), key=len, reverse=True)
    heads = sorted((r["name"] for r in rows if r["kind"] == "head"), key=len, reverse=True)
    cap = r"[A-Z][\w&'\u2019.-]*"
    outlet = (
        r"(?:(?:[Tt]he\s+)?(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])"
        r"|(?:[Tt]he\s+)?(?:" + cap + r"\s+){0,3}(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w]))"
    )
    # The cue words are found first, in one scan of the lower-cased text; the outlet is then
    # matched in a short window before ("the Financial Times reports") or after ("according to Reuters").
    cue = re.compile(
        r"(?P<before>according\s+to|citing|as\s+reported\s+by|reported\s+by|reports\s+(?:in|by)|"
        r"a\s+report\s+(?:in|by))\s+"
        r"|(?P<after>reports|reported|report|wrote|writes|has\s+written|published|publishes|"
        r"said\s+in\s+a\s+report|revealed|reveals)\b"
    )
    outlet_end = re.compile(r"(?P<o>" + outlet + r")\s*,?\s*(?:has\s+|have\s+)?$")
    outlet_start = re.compile(r"(?P<o>" + outlet + r")")
    return cue, outlet_end, outlet_start


_URL = re.compile(r"\bhttps?://[^\s<>\"]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s<>\"]*", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:by|written by|words by|reporting by)\s+[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+)*", re.M | re.I
)
_SPACE_PUNCT = re.compile(r"[ \t]+([.,;:!?])(?![.\w])")
_WORD_BEFORE = re.compile(r"\w+$")
_SPACE_LITERALS = tuple(re.compile(re.escape(sp + p)) for sp in " \t" for p in ".,;:!?")
_NAME_AFTER = re.compile(r"\s+([A-Z][\w'\u2019-]+)")
_RELATIVE = re.compile(r"\bago\b|^(?:just now|yesterday|today)$", re.I)


def find(article, found) -> list[Span]:
    """The provenance clues of ``article`` (see the module docstring for each label)."""
    text = article.text
    spans: list[Span] = []
    spans += _spelling(article)
    spans += _transliteration(article, found)
    spans += _mixed_quotes(article)
    spans += _formatting(article)
    has_link = _has_link(text)
    relayed = [] if has_link else _relayed(article, found)
    spans += relayed
    return sorted(spans, key=sort_key)


def findings(article, found) -> list[Finding]:
    """Document-level provenance: datelines and credits found, bylines, dates, outlets and links missing."""
    has_link = _has_link(article.text)
    relayed = [] if has_link else _relayed(article, found or {})
    dateline = _dateline(article)
    credit = _credit(article)
    out = []
    if dateline:
        a, b, outlet = dateline
        out.append(
            Finding(
                "provenance",
                "dateline",
                f"A dateline ('{article.text[a:b].strip()}') says where the story was filed"
                + (f" and that it comes from {outlet}" if outlet else "")
                + ". Check that the outlet or agency really carried it.",
                ((a, b),),
            )
        )
    if credit:
        a, b, name, outlet = credit
        who = " and ".join(
            x for x in (f"the writer ({name})" if name else "", f"the outlet ({outlet})" if outlet else "") if x
        )
        out.append(
            Finding(
                "provenance",
                "credit",
                f"A credit line at the end ('{article.text[a:b].strip()}') names {who or 'who contributed'}. "
                "Look the name up: who is it, and did they report this?",
                ((a, b),),
            )
        )
    missing = _missing(article, has_link, relayed, dateline, credit)
    if genre.detect(article).is_press_release and genre.issuer(article):
        # A press release is signed and published by its issuer: the issuer is its author and outlet.
        missing = [f for f in missing if f.label not in ("missing_byline", "missing_outlet")]
    return out + missing


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\-]{2,}(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[^()\n\u2013\u2014]{1,40}?)?)?[ \t]*"
    r"(?:\((?P<outlet>[A-Z][\w&.' -]{0,30}?)\))?[ \t]*(?:--|[\u2013\u2014]|-(?=\s))[ \t]*"
)
_CREDIT = re.compile(
    r"[\u2013\u2014-]{1,2}[ \t]*(?P<name>[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){1,3})"
    r"(?:[ \t]*,[ \t]*(?P<outlet>(?:[Tt]he[ \t]+)?[A-Z][\w'\u2019.&-]*(?:[ \t]+(?:of[ \t]+|for[ \t]+)?[A-Z][\w'\u2019.&-]*){0,5}))?[ \t]*$"
    r"|\(?(?i:reporting|writing|additional reporting) by (?P<name2>[A-Z][^;()\n]{1,60}?)(?:;[^()\n]{0,80})?\)?[ \t]*$"
    r"|(?P<outlet2>(?:[Tt]he )?[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4}) contributed to this (?:report|story|article)\.?[ \t]*$",
    re.IGNORECASE * 0,
)


def _dateline(article):
    """``(start, end, outlet)`` of a dateline at the start of the body (own line or first words), else None."""
    text = article.text
    h_end = article.headline.end if article.headline is not None else 0
    first = article.paragraphs[0].start if article.paragraphs else len(text)
    starts = [f.start for f in article.furniture if h_end <= f.start < first][:8]
    if article.paragraphs:
        starts.append(first)
    for st in sorted(starts):
        m = _DATELINE.match(text, st, min(len(text), st + 90))
        if m and (m.group("place") or m.group("outlet")) and m.end() > st:
            place = m.group("place") or ""
            if place and not m.group("outlet") and len(place.split(",")[0]) < 3:
                continue
            end = m.end()
            while end > st and text[end - 1] in " \t":
                end -= 1
            return st, end, (m.group("outlet") or "").strip()
    return None


def _credit(article):
    """``(start, end, name, outlet)`` of a credit or signature line among the last lines, else None."""
    text = article.text
    tail_start = max(0, len(text) - 400)
    if article.paragraphs:
        tail_start = max(tail_start, article.paragraphs[-1].start - 200) if len(article.paragraphs) > 1 else tail_start
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text[tail_start:])]
    for a, b in reversed(lines[-4:]):
        a, b = a + tail_start, b + tail_start
        while a < b and text[a] in " \t":
            a += 1
        m = _CREDIT.match(text, a, b)
        if m:
            name = (m.group("name") or m.group("name2") or "").strip()
            outlet = (m.group("outlet") or m.group("outlet2") or "").strip()
            return a, b, name, outlet
    return None


def _boundary(text, start, end) -> bool:
    """Whether ``text[start:end]`` is a whole word (no letter, digit or hyphen on either side)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-")


def _in_body(article, offset) -> bool:
    """Whether ``offset`` lies in the headline or a body paragraph (not in page furniture)."""
    h = article.headline
    if h is not None and h.start <= offset < h.end:
        return True
    starts = article._cache.get("provenance_para_starts")
    if starts is None:
        starts = article._cache["provenance_para_starts"] = [p.start for p in article.paragraphs]
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < article.paragraphs[i].end


def _body_ranges(article):
    """Where the article's own words are: headline and paragraphs (furniture left out)."""
    out = []
    if article.headline is not None:
        out.append((article.headline.start, article.headline.end))
    out += [(p.start, p.end) for p in article.paragraphs]
    return out


def _where(article, offset) -> str:
    if article.headline is not None and article.headline.start <= offset < article.headline.end:
        return "the headline"
    starts = article._cache.get("provenance_para_starts")
    if starts is None:
        starts = article._cache["provenance_para_starts"] = [p.start for p in article.paragraphs]
    i = bisect_right(starts, offset) - 1
    return f"\u00b6{i + 1}" if i >= 0 and offset < article.paragraphs[i].end else "the page"


@functools.cache
def _spelling_re() -> re.Pattern:
    spelling, _ = _variants()
    # ties in a fixed order: the same pattern text in every process, so the cache file finds it
    forms = sorted({f for r in spelling for f in (r["variant"], r["preferred"])}, key=lambda x: (-len(x), x))
    return re.compile(r"(" + "|".join(re.escape(f) for f in forms) + r")(?:['\u2019]s)?")


def _spelling(article) -> list[Span]:
    text = article.text
    spelling, _ = _variants()
    if not spelling:
        return []
    seen: dict = {}
    for m in _spelling_re().finditer(text):
        if _boundary(text, m.start(), m.end()):
            seen.setdefault(m.group(1), []).append(m.span())
    out = []
    for row in spelling:
        old = seen.get(row["variant"], [])
        new = seen.get(row["preferred"], [])
        if not old or not new:
            continue
        less, more, less_form, more_form = (
            (old, new, row["variant"], row["preferred"])
            if len(old) <= len(new)
            else (new, old, row["preferred"], row["variant"])
        )
        where_more = ", ".join(dict.fromkeys(_where(article, a) for a, _ in more[:MAX_LINKS]))
        if len(more) > MAX_LINKS:
            where_more += " ..."
        for a, b in less:
            w = text[a:b]
            out.append(
                make_span(
                    text,
                    LAYER,
                    "spelling_variant",
                    a,
                    b,
                    f"This text spells one name two ways: '{w}' here and '{more_form}' elsewhere ({where_more}). "
                    f"{row['explanation']} Two spellings in one text can mean it was put together from different "
                    f"sources or translated in parts. {_LATERAL}",
                    alternative=row["preferred"] if less_form == row["variant"] else "",
                    other=[list(r) for r in more[:MAX_LINKS]],
                    other_count=len(more),
                    form=less_form,
                )
            )
    return out


def _bisect_spans(spans, offset) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _role_text(article, found, name_start, name_end) -> tuple:
    """``(start, end)`` of the role description of the person named at ``[name_start, name_end)``."""
    text = article.text
    roles = found.get("source", ())
    # ``found`` spans are in document order; look only at sources that start at or before the name.
    i = bisect_right([s.start for s in roles], name_start) if len(roles) < 64 else _bisect_spans(roles, name_start)
    for s in roles[max(0, i - 8) : i]:
        if s.start <= name_start and name_end <= s.end and s.get("role"):
            r = s.get("role")
            return int(r[0]), int(r[1])
    sent = article.sentence_at(name_start)
    s_start, s_end = (sent.start, sent.end) if sent else (name_start, name_end)
    m = re.match(r",\s+(?:a|an|the|who|[a-z]+\s+of)\b[^.!?]*", text[name_end:s_end])
    if m:
        return name_end + 1, name_end + m.end()
    before = text[s_start:name_start]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind('"'), before.rfind("\u201d"))
    for conj in (" and ", " or ", " with "):
        cut = max(cut, before.rfind(conj) + len(conj) - 1 if conj in before else -1)
    seg = before[cut + 1 :]
    if seg.strip():
        a, b = segment.strip_span(text, s_start + cut + 1, name_start)
        return a, b
    return None


def _transliteration(article, found) -> list[Span]:
    text = article.text
    _, translit = _variants()
    if not translit:
        return []
    markers = _markers()
    names = _translit_re()
    hits = [(m, _NAME_AFTER.match(text, m.end())) for m in names.finditer(text) if _boundary(text, m.start(), m.end())]
    hits = [(m, sm) for m, sm in hits if sm]
    if not hits:
        return []
    # For each surname hit, the first place it follows the other form of the given name (one search each).
    other_of: dict = {}
    for m, sm in hits:
        key = (translit[m.group(1)]["preferred"], sm.group(1))
        if key not in other_of:
            pat = re.compile(re.escape(key[0]) + r"[\w'\u2019-]*\s+" + re.escape(key[1]))
            other_of[key] = next(
                (om.span() for om in pat.finditer(text) if _boundary(text, om.start(), om.end())), None
            )
    out = []
    for m, sm in hits:
        row = translit[m.group(1)]
        surname = sm.group(1)
        a, b = m.start(), sm.end()
        why = ""
        other = other_of[(row["preferred"], surname)]
        meta = {"form": row["preferred"]}
        if other is not None:
            why = (
                f"The same text also writes '{text[other[0] : other[1]]}' ({_where(article, other[0])}), "
                "so the two spellings name the same person."
            )
            meta["other"] = list(other)
        else:
            role = _role_text(article, found, a, b)
            pat = markers.get(row["country"])
            if role and pat and pat.search(segment.normalize(text[role[0] : role[1]])):
                why = (
                    f"The text describes this person with a Ukrainian institution or place "
                    f"('{text[role[0] : role[1]].strip()}')."
                )
                meta["role"] = list(role)
        if not why:
            continue
        out.append(
            make_span(
                text,
                LAYER,
                "transliteration",
                a,
                b,
                f"{row['explanation']} {why} English texts usually spell a Ukrainian person's name from Ukrainian, "
                "so a Russian-style spelling can mean the text passed through Russian (a translation or a relay); "
                f"some people also use the Russian form themselves. {_LATERAL}",
                alternative=f"{row['preferred']} {surname}",
                **meta,
            )
        )
    return out


def _mixed_quotes(article) -> list[Span]:
    text = article.text
    first_straight = first_curly = None
    for a, b in _body_ranges(article):
        if first_straight is None:
            i = text.find('"', a, b)
            if i >= 0:
                first_straight = i
        if first_curly is None:
            m = re.compile("[\u201c\u201d]").search(text, a, b)
            if m:
                first_curly = m.start()
        if first_straight is not None and first_curly is not None:
            break
    if first_straight is None or first_curly is None:
        return []
    expl = (
        'This text mixes straight quotes (") and curly quotes (\u201c \u201d). Writers and publishing tools '
        "usually keep to one style, so a mix can mean that parts were pasted from different places or "
        f"edited with different tools. {_LATERAL}"
    )
    return [
        make_span(
            text,
            LAYER,
            "mixed_quotes",
            first_curly,
            first_curly + 1,
            expl,
            style="curly",
            other=[first_straight, first_straight + 1],
        ),
        make_span(
            text,
            LAYER,
            "mixed_quotes",
            first_straight,
            first_straight + 1,
            expl,
            style="straight",
            other=[first_curly, first_curly + 1],
        ),
    ]


def _formatting(article) -> list[Span]:
    text = article.text
    out = []
    # Literal scans for " ." " ," ... (fast), then the full rule at each hit.
    hits = sorted({m.start() for lit in _SPACE_LITERALS for m in lit.finditer(text)})
    last_end = -1
    for h in hits:
        m = _SPACE_PUNCT.match(text, h)
        if not m or m.start() < last_end:
            continue
        a = m.start()
        while a > 0 and text[a - 1] in " \t":
            a -= 1
        if a == 0 or not (text[a - 1].isalnum() or text[a - 1] == "_") or not _in_body(article, a):
            continue
        last_end = m.end()
        w = _WORD_BEFORE.search(text, max(0, a - 40), a)
        start = w.start() if w else a
        out.append(
            make_span(
                text,
                LAYER,
                "formatting",
                start,
                m.end(),
                f"A space before '{m.group(1)}'. Careful editing removes such spaces; they are a trace of "
                "copy-paste, of typing on another keyboard layout, or of machine translation. "
                f"{_LATERAL}",
                alternative=text[start:a] + m.group(1),
            )
        )
    return out


def _relayed(article, found) -> list[Span]:
    text = article.text
    cue, outlet_end, outlet_start = _outlet_re()
    seen = set()
    out = []
    h = article.headline
    found_here = []
    norm = normalized(article)
    for m in _cue_matches(norm, cue):
        if m.start() > 0 and (norm[m.start() - 1].isalnum() or norm[m.start() - 1] == "_"):
            continue
        if not _in_body(article, m.start()) or (h is not None and m.start() < h.end):
            continue
        p = article.sentence_at(m.start())
        if m.group("before"):
            om = outlet_start.match(text, m.end(), min(p.end if p else len(text), m.end() + 80))
        else:
            om = outlet_end.search(text, max(p.start if p else 0, m.start() - 80), m.start())
        if om:
            found_here.append(om.span("o"))
    for s, e in sorted(found_here):
        if (s, e) in seen:
            continue
        seen.add((s, e))
        name = text[s:e]
        out.append(
            make_span(
                text,
                LAYER,
                "relayed_report",
                s,
                e,
                f"This relays a report by {name} ({_where(article, s)}), but the text gives no link to it and "
                "no date or title for it. Find the original: does it say the same thing, in the same words, "
                f"and does it hedge where this text does not? {_LATERAL}",
                sentence=list(_sentence(article, s)),
            )
        )
    return out


#: Literal words that every relaying cue contains: scanning for plain literals is much faster
#: than scanning for the whole alternation, which is then tried only around each hit.
_ANCHORS = tuple(
    re.compile(w) for w in ("report", "according", "citing", "wrote", "writes", "written", "publish", "reveal")
)


def _cue_matches(norm, cue):
    hits = sorted({m.start() for pat in _ANCHORS for m in pat.finditer(norm)})
    seen = set()
    out = []
    for p in hits:
        for m in cue.finditer(norm, max(0, p - 12), min(len(norm), p + 40)):
            if m.start() <= p < m.end() and m.span() not in seen:
                seen.add(m.span())
                out.append(m)
    out.sort(key=lambda m: m.start())
    return out


def _has_link(text) -> bool:
    return ("http" in text or "www." in text) and bool(_URL.search(text))


_YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d)")


#: A day and a month with no year ("Nov 14", "14 November"), as in a wire dateline.
_DAY_MONTH = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?!\d)"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b)"
)


def _has_date(text) -> bool:
    """Whether ``text`` holds a full date (day, month and year, or an ISO date); found from its years."""
    for m in _YEAR.finditer(text):
        if _DATE.search(text, max(0, m.start() - 25), min(len(text), m.end() + 7)):
            return True
    return False


def _sentence(article, offset):
    s = article.sentence_at(offset)
    return (s.start, s.end) if s else (offset, offset)


#: One part of a masthead line: two or more capitalised words ("The Midland Courier", "Wakefield Evening Post").
_OUTLET_NAME = re.compile(r"(?:The\s+)?[A-Z][\w'\u2019&.-]*(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w'\u2019&.-]*){1,5}")
_NOT_OUTLET = re.compile(
    r"(?i)^(?:the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|^(?:updated|published|posted|by)\b"
)


def masthead_outlet(article) -> str:
    """The outlet a furniture line names: a part of a masthead line above the second paragraph ("Opinion | The
    Midland Courier | Thursday 14 September 2023") that is two or more capitalised words and no date, or the name
    after "for" in a picture credit ("Photographs: Luc Bérubé for The Coastline Review"); else ''.

    >>> from mediakit import load_article
    >>> masthead_outlet(load_article("Bridge opens\\n\\nOpinion | The Midland Courier | 3 May 2023\\n\\nIt opened."))
    'The Midland Courier'
    >>> masthead_outlet(load_article("Bridge opens\\n\\nPhoto: Ann Lee\\n\\nIt opened."))
    ''
    >>> masthead_outlet(load_article("Bridge opens\\n\\nOld Trafford, 21 May 2026\\n\\nIt opened."))
    ''
    >>> masthead_outlet(load_article("Bridge opens\\n\\nThe Harbour Post, 21 May 2026\\n\\nIt opened."))
    'The Harbour Post'
    """
    # the masthead zone: above the second paragraph (a review's facts line may come first)
    paras = article.paragraphs
    first = paras[1].start if len(paras) > 1 else (paras[0].end if paras else len(article.text))
    for f in article.furniture:
        parts: list[str] = []
        if f.label == "caption":
            m = re.search(r"\sfor\s+(.+)$", f.text)
            parts = [m.group(1)] if m else []
        elif f.label in ("timestamp", "widget") and f.start < first and re.search(r"[|\u2022\u00b7,]", f.text):
            parts = re.split(r"\s*[|\u2022\u00b7,]\s*", f.text)
            if not re.search(r"[|\u2022\u00b7]", f.text):
                # "Old Trafford, 21 May 2026": a comma line is a place and a date as often as an outlet and a
                # date, so only a name that reads as an outlet ("The ...", "... Post") counts
                parts = [p for p in parts if p.startswith("The ") or re.fullmatch(_outlet_re()[2].pattern, p.strip())]
        for part in parts:
            part = part.strip()
            if _OUTLET_NAME.fullmatch(part) and not _NOT_OUTLET.search(part):
                return part
    return ""


def _missing(article, has_link, relayed, dateline=None, credit=None) -> list[Finding]:
    text = article.text
    labels = {f.label for f in article.furniture}
    furniture_text = [f.text for f in article.furniture]
    head_zone = text[: article.paragraphs[0].start] if article.paragraphs else text
    out = []

    def add(label, explanation):
        out.append(Finding("provenance", label, explanation + " " + _LATERAL))

    if not (
        article.meta("byline")
        or (credit and credit[2])
        or "byline" in labels
        or _BYLINE.search(head_zone)
        or _BYLINE.search(text[article.paragraphs[-1].start :] if article.paragraphs else "")
    ):
        add(
            "missing_byline",
            "No byline: nothing says who wrote this text. Without a writer you cannot check "
            "their record, their expertise or whether they were there.",
        )
    if not (article.meta("date") or _has_date(text)):
        rel = [t for t in furniture_text if _RELATIVE.search(t)]
        extra = (
            f" The page shows only '{rel[0]}', a relative time that depends on when the page was saved or "
            "viewed: it is not a date."
            if rel
            else ""
        )
        day = _DAY_MONTH.search(text, dateline[0], dateline[1]) if dateline else None
        if day:
            # "AREQUIPA, Peru, Nov 14 (Reuters) -": the wire gives the day, not the year
            add(
                "missing_date",
                f"Only part of a date: the dateline gives the day ('{day.group(0)}') but no year, so you cannot "
                "tell from the text alone which year the story is from or what was known at the time." + extra,
            )
        else:
            add(
                "missing_date",
                "No date: nothing says when this was written or published, so you cannot tell how "
                "fresh it is or what was known at the time." + extra,
            )
    if relayed and not has_link:
        names = ", ".join(dict.fromkeys(s.text for s in relayed))
        add(
            "missing_link",
            f"No link to the report it relays ({names}). You cannot check the original from "
            "here: search for it, and compare what it says with this text.",
        )
    if not (
        article.meta("outlet")
        or article.meta("url")
        or has_link
        or (dateline and dateline[2])
        or (credit and credit[3])
        or any(re.search(r"(?i)©|copyright", t) for t in furniture_text)
        or masthead_outlet(article)
    ):
        add(
            "missing_outlet",
            "No outlet: nothing says which newspaper, site or agency published this text. "
            "Who publishes a text tells you about its standards and interests.",
        )
    return out
