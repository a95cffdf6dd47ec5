"""Cue rules: find signal cues per sentence with spaCy's Matcher, with negation.

Speed comes from the vocabulary: each new word's NORM is computed once (its cue stem,
or its folded form), so the Matcher compares hashes instead of running a regular
expression per token. A cue hit says "this sentence reports an event of type T"; the
pipeline decides which company it belongs to (signals/attribution.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, cast

import spacy
from spacy.attrs import IS_ALPHA, IS_TITLE, LOWER, NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex
from wordfreq import zipf_frequency

from signals.cue_sentences import CueSentenceFinder, prepared_words
from signals.gapped_cues import GappedCues
from signals.lexicon import LANGUAGES, SignalType, Taxonomy, cue_patterns, cue_words
from signals.normalize import fold
from signals.refund_requests import REFUND_TYPE, refund_refused
from signals.textcat import SentenceModel

log = logging.getLogger("radar.signals")

NEGATION_FACTOR = 0.2
MODEL_BASE = 0.65
MODEL_CAP = 0.99
TOKENIZER_CACHE = 1_000_000
# Words a pipeline's vocabulary may hold before it is made anew (~160 MB; see
# CueClassifier._bound_vocabulary): 3,600 Turkish news texts bring ~13,000.
VOCABULARY_LIMIT = 200_000
_NEGATION = "__negation__"
_HEARSAY = "__hearsay__"
_CANCELLED = "__cancelled__"
_EXCLUDED = "__not__"  # + type name: an exclusion phrase of that type
# The word attributes the rules read (token.lower_, is_alpha, is_title; NORM is the cue stem).
_LEXEME_ATTRS = frozenset({LOWER, NORM, IS_ALPHA, IS_TITLE})
# A word's fold(), kept: the rules fold the same few thousand words over and over.
_fold_word = lru_cache(maxsize=1 << 16)(fold)
# Split Turkish suffixes after an apostrophe: "Tüpraş'tan" → "Tüpraş", "'", "tan".
_APOSTROPHE_INFIX = r"(?<=[^\W\d_])['’](?=[^\W\d_])"
# What follows a Turkish cue stem (folded to ASCII) when the verb does not assert the event:
# negated ("açmadı", "satmayacak", "yapmıyor", "yapmaz"), only possible ("yapılabilir"),
# an obligation ("yapmalı") or the act talked about rather than done ("yatırım yapmak
# isteyenler", "yapmayı", "yapmanın", "temel atma törenleri"). Reported past ("yapmış")
# and "-makta" (is doing) assert it; so does "-ması" ("yapılmasına karar verildi"). The
# negative optative "-masın" ("yatırım yapmasın": let it not invest) does not; "-masına",
# "-masını" do.
_NOT_ASSERTED_TR = re.compile(
    r"^(?:[iu]?[ln])?m(?:[ae](?:$|d|y|z|m|l[iu]|k(?!t)|n[iu]n|s[iu]n(?:$|l[ae]r))|[iu]y)|[ae]bil"
)
# "yapmaya devam ediyor", "yapmaya başladı", "yapma kararı aldı": a verbal noun before
# these asserts the act.
_ASSERTING_AFTER_INFINITIVE = (
    (re.compile(r"^(?:[iu]?[ln])?m[ae]y[ae]$"), re.compile(r"^(?:devam|basla)")),
    (re.compile(r"^(?:[iu]?[ln])?m[ae]$"), re.compile(r"^karar")),
)
# Light verbs that carry a noun cue's event ("yatırım yapmak", "yatırım gerçekleştirdi",
# "iade etmedi"), folded. A cue that ends in the noun ("milyon liralık yatırım") is asserted
# or not by the verb form of the next words.
_LIGHT_VERBS_TR = ("yap", "gerceklestir", "et", "harca")
LOOKAHEAD_TOKENS = 2
# The first end of a clause after a cue: a question mark there makes the cue a question
# ("Neden iflas ettiniz?", "Will Acme build a plant in Ohio?"), which asserts nothing.
_CLAUSE_END = re.compile(r"[.!?;]")
# A verbal noun of a light verb ("yapması", "yapmamız", "yapmak") followed by a word of
# expectation, obligation or wish ("bekleniyor", "gerekiyordu", "lazım", "istiyor"): the
# act is expected, required or wanted, not announced.
_VERBAL_NOUN_TR = re.compile(r"^(?:[iu]?[ln])?m[ae](?:k|s[iu]|m[iu]z|n[iu]z|l[ae]r[iu])")
_MODAL_TR = re.compile(r"^(?:gerek|lazim|bekleni|beklen|istiy|istem|iste[dn])")
# A verbal noun of any cue verb ("üretime başlamasını", "tesisi kurmayı", "devreye
# alınması") followed by a word of plan or target ("planlıyor", "hedefliyor",
# "planlanmaktadır", "öngörülüyor", "amaçlıyor"): the act is planned, not done. A plan is
# what an investment statement announces (see _PLAN_ASSERTS); for every other type (a
# plant to start production in 2027, a suit a company plans to file) nothing has happened.
_PLAN_NOUN_TR = re.compile(r"^(?:[iu]?[ln])?m[ae](?:$|k$|y[iu]$|s[iu]$|s[iu]n[iu]$|s[iu]n[ae]$)")
_PLAN_WORDS_TR = ("planl", "plani", "hedef", "ongor", "amacl")
_PLAN_TR = re.compile(
    rf"^(?:{'|'.join(_PLAN_WORDS_TR)})"
    r"(?![a-z]*?m(?:[iu]yor|[ae]d|[ae]y|[ae]z|[ae]m[iu]s))"  # not "planlamıyor", "hedeflemedi"
)
_INVESTMENT_TYPE = "investment_statement"
_PLAN_ASSERTS = frozenset((_INVESTMENT_TYPE,))
# Capacity planned is an investment announced (see CueClassifier._add_planned_investment).
_PLANNED_AS_INVESTMENT = "capacity_increase"
_DECISION_TR = re.compile(r"^karar")
# A headline without a verb ("Şişecam'dan Bulgaristan'a yeni fabrika") names a new plant
# without saying whether it is built or only planned: its bare noun cue ("yeni fabrika",
# "yeni tesis", "yeni hat") adds no capacity; the body tells which. A finite verb, folded:
# past, present, future, reported or copula ("açtı", "kuruyor", "açacak", "açılmış",
# "açıldı", "hazırdır").
_BARE_NOUN_CUE_TR = "yeni"
_FINITE_VERB_TR = re.compile(r"(?:[dt][iu][kmn]?|[iu]yor|[ae]c[ae]k|m[iu]s|[dt][iu]r)$")
# A planned facility or amount in the sentence: a product's planned production ("ürünün seri
# üretime geçmesi planlanıyor") is no investment.
_PLANNED_FACILITY_TR = re.compile(
    r"milyon|milyar|\bbin\b|fabrika|tesis|santral|merkez|magaza|otel|depo|hat(?:t|l)"
)
DECISION_WINDOW = 4  # tokens at a sentence's end that hold its main verb
# A Turkish sentence ends in its main verb: one that ends in a word of plan ("… yeni
# fabrikanın 2026'da üretime başlamasını hedefliyor", "… devreye alınması planlanmaktadır")
# tells a plan, whatever noun cue stands before it ("yeni fabrika", "yeni hat").
# The last word is matched on the reversed text: a search for "(\w+)\W*$" tries every word.
_LAST_WORD_REVERSED = re.compile(r"\W*(\w+)")


# A participle of plan right before the cue ("planlanan kapasite artışı", "hedeflenen yeni
# hat"): the planned thing, not a done one.
_PLANNED_TR = re.compile(r"^(?:planlanan|hedeflenen|ongorulen|planladig|hedefledig)")
# A sentence whose folded text holds none of these has no word of plan (_PLAN_TR,
# _PLANNED_TR) or decision (_DECISION_TR): a word's folded form is the folded text's at its
# place. Most sentences hold none, and their words need not be folded one by one.
_PLAN_HINT_TR = re.compile("|".join(_PLAN_WORDS_TR))
_PLAN_OR_DECISION_HINT_TR = re.compile("|".join((*_PLAN_WORDS_TR, "karar")))


def _plan_hint(doc: Doc, decision: bool) -> bool:
    """Can a word of the sentence be one of plan, or with `decision` of decision?"""
    hint = _PLAN_OR_DECISION_HINT_TR if decision else _PLAN_HINT_TR
    return hint.search(_folded_text(doc)) is not None


def _plan_sentence(doc: Doc, start: int, decision: bool = False) -> bool:
    """Does a Turkish sentence end in a word of plan or target (see _PLAN_TR), or, with
    `decision`, in a decision ("… kurulmasına karar verdi", "… kurma kararı aldı"); or does
    a participle of plan stand right before the cue at token `start` (_PLANNED_TR)?"""
    if not _plan_hint(doc, decision):
        return False
    if start > 0 and _PLANNED_TR.match(_fold_word(doc[start - 1].text)):
        return True
    if decision and any(
        _DECISION_TR.match(_fold_word(token.text))
        for token in doc[-DECISION_WINDOW:]
        if token.is_alpha
    ):
        return True
    last = _LAST_WORD_REVERSED.match(_text(doc)[::-1])
    return last is not None and bool(_PLAN_TR.match(_fold_word(last.group(1)[::-1])))


# A denial that is someone's defence, not a denial of the event: in Turkish a denial inside
# a relative clause of saying ("zararlı olmadığını savunan şirket, mahkemeye başvurdu"; the
# event comes after the participle), in English a denial of wrongdoing or of the charges
# ("denied any wrongdoing"). Folded words.
_SAYING_PARTICIPLE_TR = re.compile(
    r"^(?:savun|belirt|soyle|acikla|kaydet|vurgula|bildir|hatirlat|ifade ed|iddia ed|one sur)"
    r"\w*(?<=[ae]n)$"
)
# "değerlendirme sonucunda" (as a result of the evaluation): a finished evaluation doubts
# nothing.
_DONE_TR = re.compile(r"^(?:sonuc|sonra)")
# Investments looked back on in the plural ("gerçekleştirdiğimiz yatırımlar", "yaptığı
# yatırımlarla") in a sentence with no amount and no site: a company's record in general,
# not an announced investment. Folded forms; a bare number is no amount ("100. yılımız").
_PAST_PARTICIPLE_TR = re.compile(r"[dt][iu]g[iu]|olmus")
_PLURAL_INVESTMENTS_TR = re.compile(r"^yatirimlar")
# The writer as a private person (folded): "against me", "on my behalf", "without my
# knowledge", and "my" on money, property, debts and orders ("maaşıma", "hesabımdan",
# "borcum", "kiramın", "hissem", "satış emrim", "işlemlerim"). Not "our" ("hisselerimiz"):
# a company speaks in the plural.
_FIRST_PERSON_TR = frozenset(
    {"bana", "hakkimda", "tarafima", "adima", "aleyhime", "uzerime", "elimde", "bilgim"}
    | {"bilgimi"}
)
_OWN_THING_TR = re.compile(
    r"^(?:maas|hesab|hesap|arac|ev|kart|borc|kira|hisse|promosyon|para|birikim|mulk|islem"
    r"|emr|emir|siparis)(?:l[ae]r)?(?:[iu]?m)(?:[iu]n|[ae]|[iu]|d[ae]|d[ae]n|d[ae]ki)?$"
)
# A patent in a sentence spoken in the first person singular ("23 patentim var", "ikinci
# patentli ürünümü geliştirdim", "bu buluşun patentini aldım"): an inventor's own, not the
# company's (DESIGN.md: a patent held by a person is not the company's). A company speaks
# in the plural ("patent aldık"). Folded: "my patent(s)", and a past verb in "-dım/-tım"
# after a consonant that ends verb stems ("aldım", "geliştirdim", "keşfettim", "yaptım").
_PATENT_TYPE = "patent"
# A court in a sentence about a concordat or bankruptcy ("konkordato talebiyle mahkemeye
# başvurdu", "mahkeme iflasına karar verdi") is the insolvency proceeding, no lawsuit.
_LAWSUIT_TYPE = "lawsuit"
_INSOLVENCY_TYPE = "insolvency"
_COURT_TR = "mahkeme"
# What the folded text of a sentence holds where one of its words is a _FIRST_PERSON_TR word
# or an _OWN_THING_TR one: a word's folded form is the folded text's at its place.
_PRIVATE_HINT_TR = re.compile(
    "|".join(sorted(_FIRST_PERSON_TR)) + "|" + _OWN_THING_TR.pattern.strip("^$")
)
_MY_PATENT_TR = re.compile(r"^patent(?:ler)?[iu]m")
_FIRST_SINGULAR_PAST_TR = re.compile(r"^\w{2,}(?:[lnr]d|[pkstcs]t)[iu]m$")
_NOT_FIRST_SINGULAR_TR = frozenset(("yardim",))
_CONCRETE_INVESTMENT_TR = re.compile(
    r"milyon|milyar|\bbin\b|fabrika|tesis|santral|magaza|sube|otel|hastane|depo|hat(?:t|l)"
)
_DEFENCE_OBJECT_EN = re.compile(
    r"^(?:wrongdoing|allegation|claim|charge|accusation|liabilit|fault|guilt|responsibilit)"
)
_DEFENCE_FILLERS_EN = frozenset(("any", "all", "the", "these", "those", "such", "its", "their"))
# An English cue right after a word that keeps the event from happening ("without asset
# sales", "avoided bankruptcy", "to stave off insolvency"): the event is the one not had.
_AVOIDED_EN = frozenset(
    ("without", "avoid", "avoids", "avoided", "avoiding", "avert", "averts", "averted", "averting")
)
_STAVE_EN = frozenset(
    ("stave", "staves", "staved", "staving", "fend", "fends", "fended", "fending")
)
_AVOIDED_HINT_EN = re.compile("|".join(sorted(_AVOIDED_EN | _STAVE_EN)))
AVOIDED_WINDOW = 3
# An English cue inside an "if" clause ("if there is going to be a fine, …"): a condition,
# not an event. The clause runs back from the cue to a comma, semicolon or dash.
_CONDITIONAL_EN = frozenset(("if", "unless", "whether"))
_CONDITIONAL_HINT_EN = re.compile("|".join(sorted(_CONDITIONAL_EN)))
# An English opening of a named place ("Disney opens Pandora", "opened Volcano Bay on
# Thursday", "opening Shanghai Disneyland in 2016"): a park, store or plant added, which no
# cue phrase can name. Not a day or month ("the film opened Friday"), nor a platform opened
# to others ("opened Android to developers"). Also a named place or one pointed back at that
# "opened in" a year or month ("Disneyland Paris opened in 1992", "which opened in June");
# a lower-case noun before it ("the probe opened in May") is no place.
_OPENING_EN = frozenset(("opens", "opened", "opening"))
_PLACE_REFERENCE_EN = frozenset(("which", "that", "it"))
_YEAR = re.compile(r"^(?:18|19|20)\d\d$")
_OPENING_TYPE = "capacity_increase"
_NOT_A_PLACE_EN = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "i", "it", "its", "this", "that",
    )
)  # fmt: skip
_CLAUSE_BREAK_EN = frozenset((",", ";", ":", "--", "-", "—", "–"))


@dataclass(frozen=True)
class CueHit:
    """One cue of one type found in one sentence."""

    type: str
    kind: str
    probability: float
    cue: str
    cue_start: int
    sentence: str
    sentence_start: int
    sentence_end: int
    negated: bool
    model_probability: float | None = None


def stem_norm(stems: frozenset[str], exact: frozenset[str]) -> Callable[[str], str]:
    """NORM for a word: itself if a cue names it exactly, else its longest cue stem, else
    its folded form. Computed once per vocabulary entry, not per token."""
    longest = max((len(stem) for stem in stems), default=0)

    def norm(text: str) -> str:
        folded = fold(text)
        if folded in exact:
            return folded
        for end in range(min(len(folded), longest), 0, -1):
            if folded[:end] in stems:
                return folded[:end]
        return folded

    return norm


def _rarest(pattern: list[dict[str, Any]], lang: str) -> str:
    """The pattern's least common word: sentences without it cannot match."""
    words = [token["NORM"] for token in pattern if "NORM" in token]
    return str(min(words, key=lambda word: zipf_frequency(word, lang)))


def _pattern_words(pattern: list[dict[str, Any]], nlp: Language) -> frozenset[int]:
    """The NORM hashes a Matcher pattern needs, each somewhere in the sentence."""
    return frozenset(nlp.vocab.strings.add(token["NORM"]) for token in pattern if "NORM" in token)


def build_pipeline(lang: str, cues: Iterable[str]) -> tuple[Language, frozenset[str]]:
    """A blank pipeline whose NORMs are cue stems; returns it with the stem vocabulary."""
    stems, exact = cue_words(cues)
    nlp = spacy.blank(lang)
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    # No tokenizer exceptions: after the first one in a text spaCy caches nothing more for
    # that text (sentences come from signals/sentences.py instead). And a cache sized for
    # real news: the default 10,000 chunks fill at once and tokenising slows down many times.
    tokenizer.rules = {}
    tokenizer.max_cache_size = TOKENIZER_CACHE
    infixes = [*(nlp.Defaults.infixes or ()), _APOSTROPHE_INFIX]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    norm = stem_norm(stems, exact)
    vocab: Any = nlp.vocab  # lex_attr_getters is not in spaCy's type stubs
    # Only the attributes the rules read: every new word of a text becomes a vocabulary
    # entry, and the other getters (shape, like_num, like_url, stop words, …) took about
    # half of that, on every unseen word of a stream of real news.
    vocab.lex_attr_getters = {
        attr: getter for attr, getter in vocab.lex_attr_getters.items() if attr in _LEXEME_ATTRS
    }
    vocab.lex_attr_getters[NORM] = norm
    for lexeme in nlp.vocab:  # entries made before the getter was set
        lexeme.norm_ = norm(lexeme.orth_)
    return nlp, stems | exact


def _suffix_not_asserted(suffix: str, following: str) -> bool:
    """A verb suffix (after its stem) that does not assert the act, given the next word."""
    if not _NOT_ASSERTED_TR.search(suffix):
        return False
    return not any(
        form.match(suffix) and after.match(following) for form, after in _ASSERTING_AFTER_INFINITIVE
    )


def _light_verb_suffix(folded: str) -> str | None:
    """The suffix of a light verb form ("yapmadı" → "madı"), or None for other words."""
    for verb in _LIGHT_VERBS_TR:
        if folded.startswith(verb):
            return folded[len(verb) :]
    return None


def _verb_not_asserted(doc: Doc, start: int, end: int, plan_asserts: bool = False) -> bool:
    """True when a Turkish cue is not asserted by its verb: a cue word matched by its stem
    is a negated, possible or non-finite verb form (see _NOT_ASSERTED_TR), or a cue ending
    in a noun is followed by such a form of a light verb ("yatırım yapmadı"), or by a
    light verb's verbal noun with a word of expectation, obligation or wish ("yatırım
    yapması bekleniyor", "yatırım daha yapmamız gerekiyordu"). A cue verb's verbal noun
    before a word of plan ("üretime başlamasını planlıyor") asserts only a plan: the act
    when `plan_asserts` (an investment statement), else not (see _PLAN_TR)."""
    folded_words: dict[int, str] = {}

    def word(i: int) -> str:
        """Token `i` folded ("" past the sentence's end), once: the word after the cue is
        also the first one looked ahead at."""
        found = folded_words.get(i)
        if found is None:
            found = folded_words[i] = _fold_word(doc[i].text) if i < len(doc) else ""
        return found

    stem = ""
    for i in range(start, end):
        folded, stem = word(i), doc[i].norm_
        if stem == folded or not folded.startswith(stem):
            continue
        suffix = folded[len(stem) :]
        if i == end - 1 and _PLAN_NOUN_TR.match(suffix) and _PLAN_TR.match(word(i + 1)):
            return not plan_asserts
        # (the next word matters only for a suffix that may not assert)
        if _NOT_ASSERTED_TR.search(suffix) and _suffix_not_asserted(suffix, word(i + 1)):
            return True
        if i == end - 1 and stem in _LIGHT_VERBS_TR:
            return bool(_VERBAL_NOUN_TR.match(suffix) and _MODAL_TR.match(word(i + 1)))
    if _light_verb_suffix(stem) is not None:  # the last cue word's NORM
        return False  # the cue holds its verb, checked above
    for i in range(end, min(end + LOOKAHEAD_TOKENS, len(doc))):
        verb_suffix = _light_verb_suffix(word(i))
        if verb_suffix is None:
            continue
        if _PLAN_NOUN_TR.match(verb_suffix) and _PLAN_TR.match(word(i + 1)):
            return not plan_asserts
        if _suffix_not_asserted(verb_suffix, word(i + 1)):
            return True
        return bool(_VERBAL_NOUN_TR.match(verb_suffix) and _MODAL_TR.match(word(i + 1)))
    return False


def _verbless_headline_noun(doc: Doc, start: int) -> bool:
    """Is a Turkish cue at token `start` a bare noun ("yeni fabrika") in a sentence with no
    finite verb (see _FINITE_VERB_TR)?"""
    if _fold_word(doc[start].text) != _BARE_NOUN_CUE_TR:
        return False
    return not any(
        _FINITE_VERB_TR.search(_fold_word(token.text)) for token in doc if token.is_alpha
    )


def _verb_planned(doc: Doc, start: int, end: int, decision: bool = False) -> bool:
    """Is a Turkish cue's last word, or a light verb right after it, a verbal noun before a
    word of plan ("üretime başlamasını planlıyor", "yatırım yapılması hedefleniyor"), or,
    with `decision`, of decision ("santral kurma kararı aldı": a plant decided, not built)?"""
    if not _plan_hint(doc, decision):
        return False

    def following(i: int) -> str:
        word = _fold_word(doc[i + 1].text) if i + 1 < len(doc) else ""
        return "planli" if decision and _DECISION_TR.match(word) else word

    last = doc[end - 1]
    folded, stem = _fold_word(last.text), last.norm_
    suffix = folded[len(stem) :] if stem != folded and folded.startswith(stem) else None
    if suffix is not None and _PLAN_NOUN_TR.match(suffix) and _PLAN_TR.match(following(end - 1)):
        return True
    for i in range(end, min(end + LOOKAHEAD_TOKENS, len(doc))):
        verb_suffix = _light_verb_suffix(_fold_word(doc[i].text))
        if verb_suffix is not None:
            return bool(_PLAN_NOUN_TR.match(verb_suffix) and _PLAN_TR.match(following(i)))
    return False


def _defence(doc: Doc, start: int, end: int, cue_start: int, lang: str) -> bool:
    """Is the negation at tokens [start, end) a defence rather than a denial of the cue at
    token `cue_start` (see _SAYING_PARTICIPLE_TR, _DEFENCE_OBJECT_EN), or a finished
    evaluation (_DONE_TR)?"""
    if lang == "tr":
        if end < len(doc) and _DONE_TR.match(_fold_word(doc[end].text)):
            return True
        for i in range(end, min(end + 2, len(doc), cue_start)):
            word = _fold_word(doc[i].text)
            if i > end:
                word = _fold_word(doc[i - 1].text) + " " + word
            if _SAYING_PARTICIPLE_TR.match(word):
                return True
        return False
    i = end
    while i < len(doc) and i < end + 3 and doc[i].lower_ in _DEFENCE_FILLERS_EN:
        i += 1
    return i < len(doc) and bool(_DEFENCE_OBJECT_EN.match(doc[i].lower_))


def _vague_record(doc: Doc, start: int, end: int) -> bool:
    """Does a Turkish cue look back on investments in the plural ("gerçekleştirdiğimiz
    yatırımlar") in a sentence naming no amount and no site? (Most cues are one word.)"""
    if end - start < 2 or not _PLURAL_INVESTMENTS_TR.match(_fold_word(doc[end - 1].text)):
        return False
    if not any(
        _PAST_PARTICIPLE_TR.search(_fold_word(token.text)) for token in doc[start : end - 1]
    ):
        return False
    return not _CONCRETE_INVESTMENT_TR.search(_folded_text(doc))


def _private_speaker(doc: Doc) -> bool:
    """Does a Turkish sentence speak of the writer's own affairs ("aracıma haciz uygulandı",
    "hissem satıldı", "hesabımın açıldığı şube")? A complainant's debts, sales and accounts
    are no event of the company they name."""
    if not _PRIVATE_HINT_TR.search(_folded_text(doc)):
        return False  # most sentences: their tokens need not be walked
    for token in doc:
        word = _fold_word(token.text)
        if word in _FIRST_PERSON_TR or _OWN_THING_TR.match(word):
            return True
    return False


def _inventor_speaks(doc: Doc) -> bool:
    """Does a Turkish sentence speak of a patent in the first person singular (see
    _MY_PATENT_TR, _FIRST_SINGULAR_PAST_TR)?"""
    for token in doc:
        word = _fold_word(token.text)
        if _MY_PATENT_TR.match(word):
            return True
        if _FIRST_SINGULAR_PAST_TR.match(word) and word not in _NOT_FIRST_SINGULAR_TR:
            return True
    return False


def _avoided(doc: Doc, start: int) -> bool:
    """Does an English cue at token `start` follow, within a few words, a word that keeps
    the event from happening ("without any asset sales", "staved off bankruptcy")?"""
    if not _AVOIDED_HINT_EN.search(_lower_text(doc)):
        return False  # a word's lower case is the sentence's at its place
    for i in range(max(0, start - AVOIDED_WINDOW), start):
        word = doc[i].lower_
        if word in _AVOIDED_EN:
            return True
        if word in _STAVE_EN and i + 1 < len(doc) and doc[i + 1].lower_ == "off":
            return True
    return False


def _conditional(doc: Doc, start: int) -> bool:
    """Is an English cue at token `start` in a clause opened by "if", "unless", "whether"?"""
    if not _CONDITIONAL_HINT_EN.search(_lower_text(doc)):
        return False  # as in _avoided
    for i in range(start - 1, -1, -1):
        word = doc[i].lower_
        if word in _CLAUSE_BREAK_EN:
            return False
        if word in _CONDITIONAL_EN:
            return True
    return False


def _opened_in(doc: Doc, i: int) -> bool:
    """Is token `i` "opened" + "in" + a year or month, after a name or "which"/"it"?"""
    if doc[i].lower_ != "opened" or i + 2 >= len(doc) or doc[i + 1].lower_ != "in":
        return False
    when = doc[i + 2]
    if not (_YEAR.match(when.text) or (when.lower_ in _NOT_A_PLACE_EN and when.is_title)):
        return False
    before = doc[i - 1]
    return before.lower_ in _PLACE_REFERENCE_EN or (before.is_title and before.is_alpha)


def _cue_hit(
    signal_type: SignalType,
    probability: float,
    text: str,
    bounds: tuple[int, int],
    cue: Span | tuple[str, int],
    negated: bool,
) -> CueHit:
    """A hit of `signal_type` in the sentence at `bounds` of `text` for the cue words `cue`
    (a span of the sentence's Doc, or the words and their offset in `text`)."""
    if isinstance(cue, Span):  # its text sliced from the sentence's: Span.text joins tokens
        cue_text, cue_start = (
            _text(cue.doc)[cue.start_char : cue.end_char],
            bounds[0] + cue.start_char,
        )
    else:
        cue_text, cue_start = cue
    return CueHit(
        type=signal_type.name,
        kind=signal_type.kind,
        probability=round(probability, 4),
        cue=cue_text,
        cue_start=cue_start,
        sentence=text[bounds[0] : bounds[1]].strip(),
        sentence_start=bounds[0],
        sentence_end=bounds[1],
        negated=negated,
    )


def _folded_text(doc: Doc) -> str:
    """fold() of the sentence's text, kept on the Doc like the text (see _text)."""
    folded: str | None = doc.user_data.get("folded")
    if folded is None:
        folded = doc.user_data["folded"] = fold(_text(doc))
    return folded


def _lower_text(doc: Doc) -> str:
    """The sentence's text in lower case, kept on the Doc like the text (see _text)."""
    lower: str | None = doc.user_data.get("lower")
    if lower is None:
        lower = doc.user_data["lower"] = _text(doc).lower()
    return lower


def _text(doc: Doc) -> str:
    """The sentence's text, kept on the Doc: spaCy joins its tokens anew on every doc.text."""
    text: str | None = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _openings(doc: Doc, norms: list[int], opening_norms: frozenset[int]) -> list[tuple[int, int]]:
    """(start, end) of each "opens/opened/opening" + capitalised name in an English
    sentence (see _OPENING_EN), "The" allowed before the name. `norms`: the tokens' NORM
    hashes; `opening_norms`: those of the opening words (a token in lower case one of them
    has one of these NORMs; only those tokens are looked at)."""
    if opening_norms.isdisjoint(norms):
        return []
    out = []
    for i in range(1, len(doc) - 1):
        if norms[i] not in opening_norms or doc[i].lower_ not in _OPENING_EN:
            continue
        if _opened_in(doc, i):
            out.append((i, i + 3))
            continue
        j = i + 1
        if doc[j].text == "The" and j + 1 < len(doc):
            j += 1
        end = j
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == j or doc[j].lower_ in _NOT_A_PLACE_EN:
            continue
        if end < len(doc) and doc[end].lower_ == "to":
            continue
        out.append((i, end))
    return out


def _asked(doc: Doc, end: int) -> bool:
    """True when the clause holding a cue (ending at token `end`) is a question."""
    if "?" not in _text(doc):
        return False
    after = _text(doc)[doc[end - 1].idx + len(doc[end - 1].text) :]
    clause_end = _CLAUSE_END.search(after)
    return clause_end is not None and clause_end.group() == "?"


class CueClassifier:
    """Per-language blank spaCy pipelines with the taxonomy's cue and negation patterns.

    Only sentences that can hold a cue are tokenised (signals/cue_sentences.py: ~4 % of
    a news text). Cues without gaps go to a PhraseMatcher (one hash-trie pass); cues with
    a `*` gap go to groups by their rarest word (signals/gapped_cues.py), run only on
    sentences holding every word of one of the group's patterns.
    """

    def __init__(self, taxonomy: Taxonomy, models: dict[str, SentenceModel] | None = None) -> None:
        self.taxonomy = taxonomy
        self.models = models or {}
        self._nlp: dict[str, Language] = {}
        self._phrases: dict[str, PhraseMatcher] = {}
        # Gapped patterns grouped by their rarest word: a sentence runs only the groups
        # whose word it holds.
        self._gapped: dict[str, dict[int, GappedCues]] = {}
        # Per anchor, the word hashes each of its patterns needs: a group runs only when one
        # of its patterns has all of its words in the sentence.
        self._needs: dict[str, dict[int, list[frozenset[int]]]] = {}
        self._finders: dict[str, CueSentenceFinder] = {}
        self._opening_norms: dict[str, frozenset[int]] = {}  # see _openings
        for lang in LANGUAGES:
            self._setup(lang)

    def _setup(self, lang: str) -> None:
        """The language's pipeline, matchers and cue-sentence finder, made anew."""
        taxonomy = self.taxonomy
        cues = {t.name: t.cues[lang] for t in taxonomy.types.values()}
        cues[_NEGATION] = taxonomy.negation[lang]
        cues[_HEARSAY] = taxonomy.hearsay[lang]
        cues[_CANCELLED] = taxonomy.cancellation.get(lang, ())
        for t in taxonomy.types.values():
            if t.exclusions[lang]:
                cues[_EXCLUDED + t.name] = t.exclusions[lang]
        distinct = taxonomy.distinct.get(lang, ())
        nlp, vocabulary = build_pipeline(
            lang, [c for group in cues.values() for c in group] + list(distinct)
        )
        distinct_folded = frozenset(fold(word) for word in distinct)
        phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        gapped: dict[int, GappedCues] = {}
        needs: dict[int, set[frozenset[int]]] = {}
        for name, group in cues.items():
            patterns = [p for cue in group for p in cue_patterns(cue, vocabulary, distinct_folded)]
            plain = [p for p in patterns if all("NORM" in token for token in p)]
            with_gaps = [p for p in patterns if p not in plain]
            if plain:
                phrases.add(name, [Doc(nlp.vocab, words=[t["NORM"] for t in p]) for p in plain])
            for pattern in with_gaps:
                anchor = nlp.vocab.strings.add(_rarest(pattern, lang))
                gapped.setdefault(anchor, GappedCues(nlp.vocab)).add(name, pattern)
                needs.setdefault(anchor, set()).add(_pattern_words(pattern, nlp))
        self._nlp[lang] = nlp
        self._phrases[lang] = phrases
        self._gapped[lang] = gapped
        self._needs[lang] = {anchor: sorted(group, key=len) for anchor, group in needs.items()}
        self._opening_norms[lang] = frozenset(nlp.vocab[word].norm for word in _OPENING_EN)
        type_cues = [c for t in taxonomy.types.values() for c in t.cues[lang]]
        if lang == "en":
            type_cues += sorted(_OPENING_EN)  # sentences for _openings()
        self._finders[lang] = CueSentenceFinder(type_cues, lang)

    def parse(self, text: str, lang: str) -> Doc:
        """Tokenise with the language's pipeline (NORMs are cue stems)."""
        return self._nlp[self._lang(lang)](text)

    def _lang(self, lang: str) -> str:
        return lang if lang in self._nlp else "en"

    def classify(self, text: str, lang: str) -> list[CueHit]:
        """Every (sentence, type) with a cue; negated ones keep a lowered probability."""
        return self.classify_many([(text, lang)])[0]

    def classify_many(self, texts: list[tuple[str, str]]) -> list[list[CueHit]]:
        """classify() for many (text, language) pairs. Only the sentences that hold a cue's
        rarest word are tokenised (most of a text holds none), all of a language's in one
        nlp.pipe; and one model call per language: ~10 ms a call but ~0.2 ms a sentence."""
        by_lang: dict[str, list[int]] = {}
        for i, (_, lang) in enumerate(texts):
            by_lang.setdefault(self._lang(lang), []).append(i)
        out: list[list[CueHit]] = [[] for _ in texts]
        for lang, indexes in by_lang.items():
            finder = self._finders[lang]
            # Each text folded and prepared once, for the cue finder and the refund rule.
            folded = {i: fold(texts[i][0]) for i in indexes}
            prepared = {i: prepared_words(folded[i]) for i in indexes}
            spans = [finder.sentences(texts[i][0], folded[i], prepared[i]) for i in indexes]
            docs = iter(
                self._parse_sentences(
                    [
                        texts[i][0][a:b]
                        for i, bounds in zip(indexes, spans, strict=True)
                        for a, b in bounds
                    ],
                    lang,
                )
            )
            rule_hits = [
                self._rule_hits(texts[i][0], [(bounds, next(docs)) for bounds in doc_spans], lang)
                for i, doc_spans in zip(indexes, spans, strict=True)
            ]
            for i, hits in zip(indexes, self._with_model(rule_hits, lang), strict=True):
                out[i] = self._with_refund_request(texts[i][0], hits, lang, folded[i], prepared[i])
            self._bound_vocabulary(lang)
        return out

    def _bound_vocabulary(self, lang: str) -> None:
        """Start the language's pipeline afresh once its vocabulary holds VOCABULARY_LIMIT
        words: every unseen word of a stream of news stays in it (~0.8 KB with its tokenizer
        cache entry), so a long-running service would grow without end."""
        words = len(self._nlp[lang].vocab)
        if words > VOCABULARY_LIMIT:
            log.info("classifier: %s vocabulary at %d words, pipeline made anew", lang, words)
            self._setup(lang)

    def _parse_sentences(self, sentences: list[str], lang: str) -> list[Doc]:
        """Tokenise sentences, each Doc keeping its text (see _text): spaCy's tokens give
        back exactly the text they came from, and rebuilding it costs a Token per word."""
        docs = list(self._nlp[lang].pipe(sentences))
        for doc, sentence in zip(docs, sentences, strict=True):
            doc.user_data["text"] = sentence
        return docs

    # --- Hook: the document-level refund_problem rule (signals/refund_requests.py). ---
    def _with_refund_request(
        self,
        text: str,
        hits: list[CueHit],
        lang: str,
        folded: str | None = None,
        prepared: bytes | None = None,
    ) -> list[CueHit]:
        """A complaint with no refund_problem cue that tells a refusal ("herhangi bir çözüm
        sunulmadı") and asks for money back elsewhere ("iade edilmesini talep ediyorum")
        gets a refund_problem hit, with the refusal's sentence as its evidence."""
        refund = self.taxonomy.types.get(REFUND_TYPE)
        if refund is None or any(hit.type == REFUND_TYPE for hit in hits):
            return hits
        evidence = refund_refused(text, lang, folded, prepared)
        if evidence is None:
            return hits
        bounds = (evidence.sentence_start, evidence.sentence_end)
        cue = (evidence.cue, evidence.cue_start)
        return [*hits, _cue_hit(refund, refund.confidence, text, bounds, cue, negated=False)]

    # --- End of the hook. ---

    def _matches(self, sentence: Doc, lang: str) -> list[tuple[str, int, int]]:
        """(name, start, end) of every cue and negation match in one sentence, in tokens."""
        strings = sentence.vocab.strings
        found = [(strings[m], a, b) for m, a, b in self._phrases[lang](sentence)]
        gapped, needs = self._gapped[lang], self._needs[lang]
        norm_list = sentence.to_array(NORM).tolist()
        norms = set(norm_list)
        for anchor in gapped.keys() & norms:
            if any(need <= norms for need in needs[anchor]):
                found += gapped[anchor](sentence, norm_list)
        if lang == "en" and _OPENING_TYPE in self.taxonomy.types:
            openings = _openings(sentence, norm_list, self._opening_norms[lang])
            found += [(_OPENING_TYPE, a, b) for a, b in openings]
        return found

    def _rule_hits(
        self, text: str, sentences: list[tuple[tuple[int, int], Doc]], lang: str
    ) -> list[CueHit]:
        found: dict[tuple[tuple[int, int], str, int], CueHit] = {}
        for bounds, doc in sentences:
            matches = self._matches(doc, lang)
            names = {name for name, _, _ in matches}
            hearsay = _HEARSAY in names
            negations = [(a, b) for name, a, b in matches if name == _NEGATION]
            cancelled = _CANCELLED in names
            excluded: dict[str, list[tuple[int, int]]] = {}
            for name, start, end in matches:
                if name.startswith(_EXCLUDED):
                    excluded.setdefault(name[len(_EXCLUDED) :], []).append((start, end))
            for name, start, end in sorted(matches, key=lambda m: (m[1], -m[2])):
                if name in (_NEGATION, _HEARSAY, _CANCELLED) or name.startswith(_EXCLUDED):
                    continue
                if any(a < end and start < b for a, b in excluded.get(name, ())):
                    continue  # the cue word is part of an exclusion phrase of its type
                if lang == "tr" and _vague_record(doc, start, end):
                    continue
                signal_type = self.taxonomy.types[name]
                if lang == "tr" and signal_type.private_speaker_doubts and _private_speaker(doc):
                    continue
                if lang == "tr" and name == _PATENT_TYPE and _inventor_speaks(doc):
                    continue
                if (
                    lang == "tr"
                    and name == _LAWSUIT_TYPE
                    and _INSOLVENCY_TYPE in names
                    and _fold_word(doc[start].text).startswith(_COURT_TR)
                ):
                    continue  # "konkordato için mahkemeye başvurdu": the insolvency's court
                doubts_negation = signal_type.negation_doubts
                negated = any(not _defence(doc, a, b, start, lang) for a, b in negations)
                doubted = (
                    (doubts_negation and negated)
                    or (signal_type.hearsay_doubts and hearsay)
                    or (signal_type.cancellation_doubts and cancelled)
                    or (doubts_negation and _asked(doc, end))
                    or (
                        doubts_negation
                        and lang == "en"
                        and (_avoided(doc, start) or _conditional(doc, start))
                    )
                )
                if (
                    lang == "tr"
                    and name == _PLANNED_AS_INVESTMENT
                    and bounds[0] == 0
                    and _verbless_headline_noun(doc, start)
                ):
                    continue
                planned = (  # (a doubted cue is denied whatever its plan)
                    not doubted
                    and doubts_negation
                    and lang == "tr"
                    and name not in _PLAN_ASSERTS
                    and (
                        _verb_planned(doc, start, end, name == _PLANNED_AS_INVESTMENT)
                        or _plan_sentence(doc, start, name == _PLANNED_AS_INVESTMENT)
                    )
                )
                denied = (
                    doubted
                    or planned
                    or (
                        doubts_negation
                        and lang == "tr"
                        and _verb_not_asserted(doc, start, end, name in _PLAN_ASSERTS)
                    )
                )
                if (
                    planned
                    and not doubted
                    and name == _PLANNED_AS_INVESTMENT
                    and _PLANNED_FACILITY_TR.search(_folded_text(doc))
                ):
                    self._add_planned_investment(found, text, bounds, doc, start, end)
                # One hit per type and clause: a second cue after a comma may name another
                # company's event ("A'ya karşı dava kaybetti, B'ye karşı davayı kazandı").
                key = (bounds, name, _text(doc).count(",", 0, doc[start].idx))
                previous = found.get(key)
                if previous is not None and (denied or not previous.negated):
                    continue
                probability = signal_type.confidence * (NEGATION_FACTOR if denied else 1.0)
                found[key] = _cue_hit(
                    signal_type, probability, text, bounds, doc[start:end], denied
                )
        return list(found.values())

    def _add_planned_investment(
        self,
        found: dict[tuple[tuple[int, int], str, int], CueHit],
        text: str,
        bounds: tuple[int, int],
        doc: Doc,
        start: int,
        end: int,
    ) -> None:
        """Capacity planned ("kapasitesinin iki katına çıkarılması planlanmaktadır", "yeni
        hattın 2027'de devreye alınması planlanıyor") is an investment the company
        announces: an investment statement from the capacity cue."""
        investment = self.taxonomy.types.get(_INVESTMENT_TYPE)
        if investment is None:
            return
        key = (bounds, _INVESTMENT_TYPE, _text(doc).count(",", 0, doc[start].idx))
        previous = found.get(key)
        if previous is not None and not previous.negated:
            return
        found[key] = _cue_hit(
            investment, investment.confidence, text, bounds, doc[start:end], negated=False
        )

    def _with_model(self, documents: list[list[CueHit]], lang: str) -> list[list[CueHit]]:
        """Re-weigh each cue hit by how much its sentence reads like the type to the
        trained model: probability = rule confidence × (MODEL_BASE + model probability),
        capped at MODEL_CAP. A cue in a sentence the model finds typical rises; an odd one
        falls below the signal threshold. Types the model saw too few examples of keep the
        rule's probability (see SentenceModel.trusted). Sentences without a cue are not
        scored: on the English sample, model-only hits (p ≥ 0.8) added false positives only.
        One model call for all the documents' sentences."""
        model = self.models.get(lang)
        if model is None:
            return documents
        wanted = sorted({h.sentence for hits in documents for h in hits if h.type in model.trusted})
        rows = dict(zip(wanted, model.probabilities(wanted, model.trusted), strict=True))
        rescored = []
        for hits in documents:
            out = []
            for hit in hits:
                row = rows.get(hit.sentence)
                if row is None or hit.type not in row:
                    out.append(hit)
                    continue
                p_model = row[hit.type]
                probability = min(MODEL_CAP, hit.probability * (MODEL_BASE + p_model))
                out.append(
                    replace(
                        hit, probability=round(probability, 4), model_probability=round(p_model, 4)
                    )
                )
            rescored.append(out)
        return rescored
