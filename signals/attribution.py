"""Which companies a cue belongs to: the ones its sentence says it happened to.

Inside the cue's sentence the company named nearest before the cue wins (the subject
comes first in both Turkish and English), else the nearest after it. Two things change
that default:

* roles: for a lawsuit the defendant gets the signal, not the plaintiff (Turkish marks
  the defendant with a dative/accusative suffix or "hakkında"/"aleyhine"; English puts it
  after an active "sued"/"against"); for an asset sale the buyer ("Y'ye sattı", "to Y")
  gets nothing;
* lists: companies named together ("A, B ve C hakkında dava açıldı") share the signal.

With no company in the sentence, the last company of the previous sentence ("The company
said …") or the document's only company is used, with less certainty.
"""

from __future__ import annotations

import re

from signals.classify import CueHit
from signals.matching import NameHit

ONLY_COMPANY_FACTOR = 0.8
# Turkish news often names one company in passing in a story about a country, a ministry
# or a person; a cue in a sentence that names no company and does not point back at one
# ("şirket", "firma", "şirketimiz") or quote one of its officers ("Yönetim Kurulu Başkanı",
# "Genel Müdürü") is then weak evidence for that company.
ONLY_COMPANY_FACTOR_TR_UNREFERRED = 0.7
PREVIOUS_SENTENCE_FACTOR = 0.85
AFTER_CUE_FACTOR = 0.9
# Words that refer back to a company without naming it.
_COMPANY_ANAPHOR = re.compile(
    r"\b(?:şirket|firma|grup|grub|holding|topluluk|topluluğ)(?!l[ae]r)\w{0,8}\b"
    r"|\b(?:yönetim|icra) kurulu başkan|\bgenel müdür(?:ü|ümüz)?\b|\bCEO",
    re.IGNORECASE,
)

# Apostrophes: ' and ’, and U+0092, what a windows-1252 ’ becomes when a page is decoded as
# Latin-1 (common in Turkish news archives).
# A Turkish suffix right after a name (with or without apostrophe), then a word; also after
# a company noun ("X şirketine", "X firması hakkında").
_TR_OBJECT = re.compile(
    r"(?:\s+(?:şirketi|firması|grubu)(?=n[aeıi]\b|\s+(?:hakkında|aleyhine|aleyhinde|karşı)\b))?"
    r"(?:['’\x92]?[yn]?[aeıiuü]\b|(?:['’\x92]\w{1,5})?\s+(?:hakkında|aleyhine|aleyhinde|karşı)\b)",
    re.IGNORECASE,
)
_TR_DATIVE = re.compile(r"['’\x92]?[yn]?[ae]\b", re.IGNORECASE)
# The agent of a passive: "X tarafından", "X'çe", "X firmasınca / şirketince".
_TR_AGENT = re.compile(
    r"(?:['’\x92]\w{1,4})?\s+tarafından\b|['’\x92]n?[cç][ae]\b"
    r"|\s+(?:firma|şirket)(?:s[ıi]|[ıi])n?[cç][ae]\b",
    re.IGNORECASE,
)
# An active filing verb ("dava açtı", "açtığı dava", "mahkemeye verdi", "suç duyurusunda
# bulundu"): a company named before it without a case suffix is its subject, the plaintiff;
# the defendant carries a case suffix or "hakkında"/"aleyhine"/"karşı". Passives ("açıldı",
# "açılan") are not matched.
_TR_ACTIVE_FILING = re.compile(
    r"\bdava\w*\s+aç(?![ıi]l)|\baç(?:tı|mış|an\b|acak|acağı)\w*(?=[^.]{0,60}\bdava)"
    r"|\bmahkemeye\s+ver(?!il)|\bsuç\s+duyuru\w*\s+bulun",
    re.IGNORECASE,
)
# A locative ("Ay Marka'da hisse sattı", "X'teki payını"): the company whose shares are
# sold, not the seller.
_TR_LOCATIVE = re.compile(r"['’\x92]?[dt][ae](?:ki)?\b", re.IGNORECASE)
# A partner ("X ile işbirliği yapacak", "X'le ortaklık"): not the one who invests.
_TR_PARTNER = re.compile(r"['’\x92]?y?l[ae]\b|\s+ile\b", re.IGNORECASE)
_INVESTMENT = "investment"
_EN_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+$", re.IGNORECASE)
_EN_ACTIVE_LEGAL = re.compile(r"(?:sue[sd]?|suing|accuse[sd]?|accusing|charged)\b", re.I)
_EN_SELLING = re.compile(r"(?:sold|sells?|selling|divest\w*|spun|spin)\b", re.IGNORECASE)
# The buyer of an asset sale ("to Globex"); "from" and "by" name the seller.
_EN_TO = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_EN_BEFORE = re.compile(r"\b(?:against|to|by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINER = r"&|/|\band\b|\bve\b|\bile\b|\bor\b|\bveya\b"
_CONJUNCTION = re.compile(_JOINER, re.IGNORECASE)
# What may stand between two companies of one list.
_LIST_GAP = re.compile(
    rf"^(?:['’\x92]\w{{1,5}})?\s*(?:,|;|{_JOINER})\s*(?:\b(?:and|ve|ile)\b\s*)?$", re.IGNORECASE
)


def attribute(
    hit: CueHit,
    mentions: list[NameHit],
    previous_sentence_start: int | None,
    text: str,
    lang: str,
) -> list[tuple[NameHit, float]]:
    """The mentions a cue hit belongs to, each with a factor for how sure that is."""
    inside = sorted(
        (m for m in mentions if hit.sentence_start <= m.start < hit.sentence_end),
        key=lambda m: m.start,
    )
    if inside:
        groups = _by_role(hit, _lists(inside, text), text, lang, hit.sentence_start)
        before = [g for g in groups if g[0].start <= hit.cue_start]
        if before:
            return [(m, 1.0) for m in before[-1]]
        return [(m, AFTER_CUE_FACTOR) for m in groups[0]] if groups else []
    if previous_sentence_start is not None:
        previous = sorted(
            (m for m in mentions if previous_sentence_start <= m.start < hit.sentence_start),
            key=lambda m: m.start,
        )
        if previous:
            # The same roles as inside the sentence: a plaintiff, a buyer or a partner named
            # in the previous sentence does not take the signal; if no company there can,
            # none does.
            groups = _by_role(hit, _lists(previous, text), text, lang, previous_sentence_start)
            return [(groups[-1][-1], PREVIOUS_SENTENCE_FACTOR)] if groups else []
    companies = {m.company_id for m in mentions}
    if len(companies) == 1:
        factor = ONLY_COMPANY_FACTOR
        sentence = text[hit.sentence_start : hit.sentence_end]
        if lang == "tr" and not _COMPANY_ANAPHOR.search(sentence):
            factor = ONLY_COMPANY_FACTOR_TR_UNREFERRED
        return [(max(mentions, key=lambda m: m.confidence), factor)]
    return []


def _lists(inside: list[NameHit], text: str) -> list[list[NameHit]]:
    """The sentence's mentions grouped into lists ("A, B ve C"), in text order."""
    groups = [[inside[0]]]
    joined: list[bool] = [False]  # does the group hold "ve"/"and", not only commas?
    for mention in inside[1:]:
        gap = text[groups[-1][-1].end : mention.start]
        if _LIST_GAP.match(gap):
            groups[-1].append(mention)
            joined[-1] = joined[-1] or bool(_CONJUNCTION.search(gap))
        else:
            groups.append([mention])
            joined.append(False)
    # "Arçelik, Vestel'e dava açtı": a comma after a subject is not a list; three or more
    # names in a row joined by commas are one ("A, B, C isimli şirketler").
    return [
        part
        for group, has_conjunction in zip(groups, joined, strict=True)
        for part in ([group] if has_conjunction or len(group) >= 3 else [[m] for m in group])
    ]


def _by_role(
    hit: CueHit, groups: list[list[NameHit]], text: str, lang: str, sentence_start: int
) -> list[list[NameHit]]:
    """The lists that can hold this type (defendants, sellers …). A Turkish case suffix
    on the last name of a list marks the whole list ("A ve B'ye"); an English preposition
    before the first name does ("against A and B"). `sentence_start`: where the sentence
    holding the groups starts (the cue's, or the one before it)."""
    if hit.type == "lawsuit":
        return _defendants(hit, groups, text, lang, sentence_start)
    if hit.type == "asset_sale":
        if lang == "tr":
            return [
                g
                for g in groups
                if not _TR_DATIVE.match(text, g[-1].end) and not _TR_LOCATIVE.match(text, g[-1].end)
            ]
        # "Abbott spun off AbbVie", "sold its unit Marinol to …": after a selling verb come
        # the asset and the buyer; the seller is named before it.
        if _EN_SELLING.match(text, hit.cue_start):
            groups = [g for g in groups if g[0].start < hit.cue_start]
        return [g for g in groups if not _EN_TO.search(text, sentence_start, g[0].start)]
    if hit.kind == _INVESTMENT and lang == "tr":
        groups = [g for g in groups if not _TR_PARTNER.match(text, g[-1].end)]
    if hit.type == "expansion_tender" and lang == "tr":
        # The employer opens the tender before the cue ("DHMİ ihaleye çıktı"); a company
        # named after it, or in the dative ("ihaleyi X'e verdi"), is the contractor.
        return [
            g
            for g in groups
            if g[0].start <= hit.cue_start and not _TR_DATIVE.match(text, g[-1].end)
        ]
    return groups


def _defendants(
    hit: CueHit, groups: list[list[NameHit]], text: str, lang: str, sentence_start: int
) -> list[list[NameHit]]:
    if lang == "tr":
        marked = [g for g in groups if _TR_OBJECT.match(text, g[-1].end)]
        if marked:
            return marked
        unmarked = [
            g
            for g in groups
            if not _TR_AGENT.match(text, g[-1].end) and not _TR_LOCATIVE.match(text, g[-1].end)
        ]
        filing = _TR_ACTIVE_FILING.search(text, sentence_start, hit.sentence_end)
        if filing:
            return [g for g in unmarked if g[0].start > filing.start()]
        return unmarked
    against = [g for g in groups if _EN_BEFORE.search(text, sentence_start, g[0].start)]
    named_against = [g for g in against if "against" in text[max(0, g[0].start - 12) : g[0].start]]
    if named_against:
        return named_against
    active = _EN_ACTIVE_LEGAL.match(text, hit.cue_start) and not _EN_PASSIVE.search(
        text, hit.sentence_start, hit.cue_start
    )
    if active:
        return [g for g in groups if g[0].start > hit.cue_start]
    return [g for g in groups if g not in against]
