"""Which companies a cue belongs to: the ones its sentence says it happened to.

Inside the cue's sentence the company named nearest before the cue wins (the subject
comes first in both Turkish and English), else the nearest after it. Two things change
that default:

* roles: for a lawsuit the defendant gets the signal, not the plaintiff (Turkish marks
  the defendant with a dative/accusative suffix or "hakkında"/"aleyhine"; English puts it
  after an active "sued"/"against"); for an asset sale the buyer ("Y'ye sattı", "to Y")
  and a creditor selling a debtor's asset ("Y, alacağına karşılık …") get nothing; a
  purchase ("arsayı Y'den aldık") is a sale by the company in the ablative only;
* lists: companies named together ("A, B ve C hakkında dava açıldı") share the signal.

With no company in the sentence, a Turkish first person plural ("3 mağaza açtık") goes to
the speaker's company (named with an officer, or in the first sentence); otherwise the
last company of the previous sentence ("The company said …") or the document's only
company is used, with less certainty.
"""

from __future__ import annotations

import re
from functools import cache

from wordfreq import zipf_frequency

from signals.classify import CueHit
from signals.matching import NameHit
from signals.names import given_names, is_common_tr
from signals.normalize import fold, place_words

ONLY_COMPANY_FACTOR = 0.8
# Turkish news often names one company in passing in a story about a country, a ministry
# or a person; a cue in a sentence that names no company and does not point back at one
# ("şirket", "firma", "şirketimiz") or quote one of its officers ("Yönetim Kurulu Başkanı",
# "Genel Müdürü") is then weak evidence for that company.
ONLY_COMPANY_FACTOR_TR_UNREFERRED = 0.7
PREVIOUS_SENTENCE_FACTOR = 0.85
# An English cue whose object a possessive pronoun makes some company's own ("its new
# plant", "their new headquarters", "its antitrust fine"): what is uncertain is only which
# company, and the one the previous sentence names is the usual referent.
_EN_OWN = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
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
# a company noun or its officers ("X şirketine", "X firması hakkında", "X yöneticileri hakkında").
_TR_OBJECT = re.compile(
    r"(?:\s+(?:şirketi|firması|grubu|yöneticileri|yöneticisi|yetkilileri|yetkilisi"
    r"|çalışanları|yönetim kurulu üyeleri)"
    r"(?=n[aeıi]\b|\s+(?:hakkında|aleyhine|aleyhinde|karşı)\b))?"
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
# The company itself named as the subject of an active filing ("Şirket, karara karşı dava
# açacağını açıkladı", "Şirketimiz … dava açmıştır"): with no company named in the sentence,
# the company pointed back at is the plaintiff, not a defendant.
_TR_SUBJECT_ANAPHOR = re.compile(
    r"\b(?:şirket|şirketimiz|firma|firmamız|grup|grubumuz|holding)\b(?!['’\x92])",
    re.IGNORECASE,
)
# "Our company" in a disclosure ("Şirketimiz", "Şirketimizin", "Bankamız", "Grubumuz").
_TR_OUR_COMPANY = re.compile(
    r"\b(?:şirketimiz|grubumuz|bankamız|holdingimiz|firmamız|kuruluşumuz)\w*", re.IGNORECASE
)
_TR_GENITIVE = re.compile(r"['’\x92]?n?[ıiuü]n\b", re.IGNORECASE)
_TR_AGENT_ANAPHOR = re.compile(
    r"\b(?:şirket|şirketimiz|firma|firmamız|grup|grubumuz)(?:\s+tarafından\b|[cç][ae]\b)",
    re.IGNORECASE,
)
# A contractor's side of a construction job: a tender or contract won or undertaken ("X,
# Y'nin … yapım ihalesini kazandı", "Şirketimiz … işini üstlenmiştir", "yüklenici"), or a
# contract signed with a state body ("… Bakanlığı arasında … inşaat sözleşmesi"), which is
# the employer. The company named in the nominative, or pointed back at, is the contractor;
# only an employer named in the genitive ("Tüpraş'ın … ihalesini") keeps the tender.
_TR_CONTRACTOR = re.compile(
    r"\b(?:kazan(?:d|m|ar|an|ıl)|üstlen|yüklenici|en (?:avantajlı|düşük|uygun) teklif)\w*"
    r"|\b(?:bakanlığı|belediyesi|müdürlüğü|başkanlığı|idaresi)\s+(?:ile|arasında)\b",
    re.IGNORECASE,
)
# A locative ("Ay Marka'da hisse sattı", "X'teki payını"): the company whose shares are
# sold, not the seller.
_TR_LOCATIVE = re.compile(r"['’\x92]?[dt][ae](?:ki)?\b", re.IGNORECASE)
# The source of a purchase ("X'ten aldı", "X Bankasından"): the seller, not the buyer.
_TR_ABLATIVE = re.compile(r"['’\x92]?n?[dt][ae]n\b", re.IGNORECASE)
# The holder of what is bought ("X'in elindeki hisseleri satın aldı", "X'in sahip olduğu
# arsayı aldı"): the seller, like the ablative.
_TR_HOLDER = re.compile(
    r"['’\x92]?n?[ıiuü]n\s+(?:elindeki|sahip\s+olduğu|bünyesindeki|portföyündeki"
    r"|mülkiyetindeki)\b",
    re.IGNORECASE,
)
# A purchase cue of an asset sale ("arsayı Y'den satın aldı"): the buyer speaks; the seller
# is the company named in the ablative.
_TR_PURCHASE_CUE = re.compile(r"\b(?:satın\s+)?al(?:d[ıi]|m[ıi]ş)\w*$", re.IGNORECASE)
# A creditor selling what a debtor owes it ("X Bank, alacağına karşılık … satışa çıkardı",
# "X'in alacakları nedeniyle"): X sells a debtor's asset, not its own.
_TR_CREDITOR = re.compile(
    r"(?:\s?['’\x92]?\s?n?[ıiuü]n)?\s*,?\s*(?:\w+\s+){0,2}?"
    r"alaca[ğk](?:[ıi]|[ıi]n[ae]|[ıi]n[ıi]n|l[ae]r[ıi](?:n[ae])?)?\s*,?\s*"
    r"(?:karşılı\w*|nedeniyle|dolayı\w*|için)\b",
    re.IGNORECASE,
)
# A sale through debt enforcement ("icradan satışa çıkarıldı", "icra yoluyla satılacak"):
# with no company in the sentence it is no sale of a company named elsewhere unless the
# sentence points back at one (the debtor).
_TR_ENFORCED_SALE = re.compile(
    r"\bicra(?:dan|\s+yoluyla|\s+kanalıyla|\s+dairesince)\b|\bhaciz\s+yoluyla\b"
    r"|\balaca[ğk]\w*\s+(?:karşılı\w*|nedeniyle)",
    re.IGNORECASE,
)
# A partner ("X ile işbirliği yapacak", "X'le ortaklık"): not the one who invests.
_TR_PARTNER = re.compile(r"['’\x92]?y?l[ae]\b|\s+ile\b", re.IGNORECASE)
_INVESTMENT = "investment"
# First person plural verbs: future, present, "-dığımız"/"-acağımız" participles; a past
# "-dık" only before the end of a clause, "-tık" only after a voiceless consonant ("açtık",
# "sattık"; not "otomatik", "kritik", "artık").
_TR_WE = re.compile(
    r"\w{2,}(?:[ae]c[ae][ğk][ıi]z|[ıiuü]yoruz|m[ae]kt[ae]y[ıi]z"
    r"|[dt][ıiuü]ğ[ıiuü]m[ıiuü]z|[ae]c[ae]ğ[ıi]m[ıi]z)\b",
    re.IGNORECASE,
)
_TR_WE_PAST = re.compile(
    r"\b\w+(?:[çfhkpsşt]t|[^\W\dçfhkpsşt]d)[ıiuü]k(?=\s*(?:[.,;:!?\"”\x94]|$|\s(?:ve|ama|fakat)\b))",
    re.IGNORECASE,
)
_TR_CLAUSE_END = re.compile(r"[.,;!?\"“”\x93\x94]")
_TR_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")
# An officer named after a company ("X Genel Müdürü", "X'in CEO'su", "X Yönetim Kurulu
# Başkanı", "X kurucusu"): the speaker of a quote speaks for X.
_TR_OFFICER = re.compile(
    r"(?:['’\x92]?n?[ıiuü]n)?\s+(?:yönetim kurulu|icra kurulu|genel müdür|ceo|kurucu"
    r"|sahib|patron|ortağ)",
    re.IGNORECASE,
)
_EN_COMPANY_ANAPHOR = re.compile(r"\bthe (?:company|firm|group)\b", re.IGNORECASE)
# A state as the doer: a country or city in the genitive ("Azerbaycan'ın … yatırım
# yaptığını"), as a topic before a comma ("Yunanistan, …") or as the head of the cue's
# relative clause ("iflas edecek olan Yunanistan"); a ministry, government or council. A cue
# in a sentence whose doer is one of these is not about a company named elsewhere.
_TR_STATE_WORDS = (
    "türkiye", "abd", "amerika", "ukrayna", "bulgaristan", "gürcistan", "ermenistan",
    "romanya", "macaristan", "polonya", "avusturya", "isviçre", "ispanya", "portekiz",
    "hollanda", "belçika", "israil", "mısır", "katar", "libya", "lübnan", "ürdün", "kuveyt",
    "pakistan", "afganistan", "kazakistan", "özbekistan", "türkmenistan", "kırgızistan",
    "brezilya", "meksika", "kanada", "avustralya", "kore", "endonezya", "malezya",
    "hükümet", "bakanlık", "bakanlığı", "belediye", "belediyesi", "valilik", "valiliği",
)  # fmt: skip
_NOT_A_STATE = frozenset(
    fold(w)
    for w in (
        "orta", "doğu", "middle", "east", "west", "north", "south", "northern", "southern",
        "eastern", "western", "central", "merkez", "latin", "körfez", "pasifik", "pacific",
        "atlantic", "balkan", "avrupa", "asya", "europe", "asia",
    )
)  # fmt: skip
_TR_LOWER = frozenset(
    fold(w) for w in ("hükümet", "bakanlık", "bakanlığı", "belediye", "belediyesi", "valilik")
)
_TR_APOSTROPHE_GENITIVE = re.compile(r"\s?['’\x92]n?[ıiuü]n\b", re.IGNORECASE)
_GENITIVE_TAILS = ("nin", "nun", "in", "un")  # folded
# A genitive is a subject only of a nominalised verb: "yaptığını", "yapacağını", "etmesi".
_TR_NOMINALISED = re.compile(
    r"\w(?:[dt][ıiuü]ğ|[ae]c[ae]ğ|[dt][ıiuü]k[lL]|m[ae]s[ıi])\w*", re.IGNORECASE
)
_TR_WORD = re.compile(r"\w+")
# The topic of a Turkish sentence: the first comma of the sentence right after a
# capitalised word without a case suffix ("Socar, …"; "… şirketi Socar, …").
_TR_TOPIC = re.compile(r"^[^,]*?\b([A-ZÇĞİÖŞÜ][\w&-]*[\w&])\s*,")
# A company noun right before the topic's name: its apposition, not a pointer back.
_TR_APPOSITION = re.compile(
    r"\b(?:şirket|firma|grup|grub|holding|topluluk|topluluğ)\w{0,8}\s+$", re.IGNORECASE
)
# A company noun in the dative ("bu üç şirkete"): the other side of a deal, not the doer.
_TR_DATIVE_NOUN = re.compile(
    r"(?:şirket|firma|grub?|holding|topluluğ)(?:l[ae]r)?(?:[ıi]m[ıi]z|[ıi]n[ıi]z|[ıi]|s[ıi])?[yn]?[ae]",
    re.IGNORECASE,
)
# Companies in general: a plural company noun, not a group's name ("X Şirketler Grubu").
_TR_PLURAL_COMPANIES = re.compile(
    r"\b(?:şirket|firma|işletme)l[ae]r\w*\b(?!\s+(?:grub|topluluğ))", re.IGNORECASE
)
# Words before a name that make it a person's: titles and roles (folded prefixes), and
# short titles (folded, whole words).
_TITLES = (
    "baskan", "bakan", "mudur", "yonetici", "direktor", "sozcu", "kurucu", "sahib",
    "ortag", "uzman", "ekonomist", "analist", "yazar", "muhabir", "milletvekil", "kaymakam",
)  # fmt: skip
_SHORT_TITLES = frozenset(
    ("ceo", "cfo", "prof", "doc", "dr", "av", "sayin", "bay", "bayan", "vali")
)
_EN_STATE_SUBJECT = re.compile(
    r"\b(?:the (?:city|state|government|country|ministry|municipality|county|council)"
    r"|the (?:[\w.]+\s+){1,2}?(?:government|ministry)"
    r"|(?:city|state|federal|national) government)\b",
    re.IGNORECASE,
)
_EN_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+$", re.IGNORECASE)
_EN_ACTIVE_LEGAL = re.compile(r"(?:sue[sd]?|suing|accuse[sd]?|accusing|charged)\b", re.I)
# A ban by an authority ("the city barred Globex from bidding", "regulators banned the bank
# from …"): a sanction, told like a case against the company barred, who stands between the
# verb and "from". A company banning someone ("Acme blocked rivals from …") is a business
# decision, no sanction against anyone in the portfolio.
_EN_BANNING = re.compile(
    r"(?:bar|bars|barred|barring|ban|bans|banned|banning|block|blocks|blocked)\b", re.I
)
_EN_BANNED_REFERENCE = re.compile(
    r"^\s*the\s+(?:company|firm|group|bank|lender|carrier|airline|retailer|insurer)\s*$",
    re.IGNORECASE,
)
_EN_SELLING = re.compile(r"(?:sold|sells?|selling|divest\w*|spun|spin)\b", re.IGNORECASE)
# The buyer of an asset sale ("to Globex"); "from" and "by" name the seller.
_EN_TO = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_EN_BEFORE = re.compile(r"\b(?:against|to|by|from)\s+(?:the\s+)?$", re.IGNORECASE)
# English subjects (see _en_other_subject).
_EN_NAME = r"[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|&|of))*"
_EN_SUBJECT = re.compile(rf"^\s*(?:the\s+)?({_EN_NAME})\s+(?=[a-z]|$)")
_EN_POSSESSIVE = re.compile(rf"\b({_EN_NAME})\s?['’]s?\s+(?:[\w-]+\s+){{0,2}}$")
# Another firm's name as the modifier of the cue ("the Toshiba bankruptcy", "the Globex
# asset sale"): the event is that firm's. Not for lawsuits, whose modifier is mostly the
# authority ("the FBI probe").
_EN_MODIFIER = re.compile(rf"\bthe\s+({_EN_NAME})\s+$")
_EN_MODIFIER_TYPES = frozenset(("insolvency", "asset_sale", "fine"))
_EN_CLAUSE_START = re.compile(r"\s[,;:(]\s|[,;:(]\s|\s(?:--|—|–)\s|\b(?:and|but|while)\s+(?=[A-Z])")
# A new clause with its own subject between a cue and a company named after it ("…
# investigations, while even Globex's lawyers …"; "… probe could come soon and many expect
# …"): the company is not the one the cue is about.
_EN_NEW_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:while|whereas|although|though)\s"
    r"|\band\s+(?:many|some|others|analysts|investors|observers)\s",
    re.IGNORECASE,
)
_EN_RELATIVE = re.compile(r"^\s*(?:which|who)\s+")
# A named party after "against"/"into" in the cue's clause ("filed a lawsuit against
# Globex", "accusations of fraud against Smith", "an investigation into Initech"): the
# proceedings are against that party, not against a company named before the cue.
_EN_AGAINST_NAME = re.compile(rf"\b(?:against|into)\s+(?:the\s+)?({_EN_NAME})")
_EN_CLAUSE_END = re.compile(r"\s[,;:]\s|[,;:]\s|\s(?:--|—|–)\s")
AGAINST_WINDOW = 80
# A party named after "against" through an appositive ("penalties against another U.S.
# technology giant, Qualcomm"): the proceedings are against that party as well.
_EN_AGAINST_APPOSITIVE = re.compile(
    r"\bagainst\s+(?:another|a|an|the|its|their|fellow)\s+[^,;:()]{1,60}?,\s*$", re.IGNORECASE
)
# Accusers whose accusation is no proceeding ("Critics … accused Duke of hiding"): a cue
# "accused … of" with one of them before it and no court word in the sentence.
_EN_INFORMAL_ACCUSERS = re.compile(
    r"\b(?:critics|opponents|activists|advocates|environmentalists|protesters|campaigners"
    r"|detractors|skeptics|sceptics|rivals|competitors|(?:environmental|consumer|advocacy"
    r"|activist|pressure)\s+groups)\b",
    re.IGNORECASE,
)
_EN_COURT_WORDS = re.compile(
    r"\b(?:lawsuits?|suits?|sued|court|complaint|filing|filed|charges|prosecut\w*|regulators?)\b",
    re.IGNORECASE,
)
# The firm an investment goes into ("investing $1 billion in Argo AI, a startup …",
# "invested $500 million in Lyft Inc."): a stake in another company, no investment in the
# investor's own operations.
_EN_INVESTEE = re.compile(
    rf"\s*(?:the\s+)?({_EN_NAME})(?=\s*,\s*(?:a|an|the)\s+(?:[\w.-]+\s+){{0,4}}?"
    r"(?:startup|start-up|company|firm|maker|developer|provider|venture|operator|rival"
    r"|competitor|supplier|specialist|business|unit|subsidiary|platform|service)s?\b"
    r"|\s+(?:Inc|Corp|Corporation|LLC|Ltd|Co|Holdings|Group|Technologies)\b)"
)
# An amount and "in" after an investment verb ("will invest $300 million in").
_EN_AMOUNT_IN = re.compile(
    r"\s+(?:(?:about|around|some|nearly|almost|another|an additional|up to)\s+)?"
    r"(?:[$€£]|US\$)\s?[\d.,]+(?:\s*(?:billion|million|bn|mln))?\s+in\b",
    re.IGNORECASE,
)
# A fine on others named after it ("the cartel fine for truck companies").
_EN_FINE_ON_OTHERS = re.compile(
    r"\s+(?:for|on|against)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|makers|carmakers"
    r"|automakers|manufacturers|banks|lenders|producers|suppliers|carriers|airlines"
    r"|retailers|rivals|competitors|groups)\b",
    re.IGNORECASE,
)
_EN_NAME_BEFORE_COMMA = re.compile(rf"({_EN_NAME})\s*,\s*$")
_EN_SPEECH = re.compile(
    r"(?:said|says|say|told|tells|added|adds|noted|notes|reported|reports|announced|wrote"
    r"|according|expects?|estimated?)\b",
    re.IGNORECASE,
)
_EN_HOLDER_VERB = re.compile(
    r"(?:has\s+|have\s+|had\s+)?(?:paid|pay|pays|paying|faces?|faced|facing|filed\s+for"
    r"|agreed\s+to\s+pay|settled|was|were|is|are|been)\b",
    re.IGNORECASE,
)
_EN_PERSON_TITLES = frozenset(
    ("mr", "mrs", "ms", "dr", "sir", "ceo", "cfo", "chairman", "president", "judge", "senator")
)
# Not a company: regulators, courts, states, calendar words.
_EN_NOT_COMPANY = frozenset(
    (
        "commission", "department", "court", "government", "ministry", "agency", "congress",
        "senate", "authority", "regulator", "sec", "ftc", "eu", "doj", "justice", "council",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "u.s", "us", "uk",
    )
)  # fmt: skip
# People and bodies named by a common noun, often plural and capitalised only because they
# open the sentence ("Regulators are preparing penalties against …", "Analysts have …"):
# not a company that could be the doer instead of one named elsewhere.
_EN_ROLE_NOUNS = frozenset(
    (
        "regulator", "analyst", "investor", "critic", "prosecutor", "official", "lawmaker",
        "legislator", "politician", "shareholder", "stockholder", "customer", "consumer",
        "plaintiff", "lawyer", "attorney", "judge", "employee", "worker", "expert", "observer",
        "executive", "activist", "trader", "economist", "investigator", "authority", "union",
        "agency", "court", "state", "government", "commission", "authorities",
    )
)  # fmt: skip
_EN_ORDINARY_ZIPF = 4.5
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
    # Companies of the cue's sentence that cannot hold the type (a buyer, a partner, a
    # plaintiff): when the sentence points back at a company before the cue ("Firma … X ile
    # işbirliği yapacak", "The company sold it to X"), the cue falls back to the previous
    # sentence or the only other company instead of going to nobody.
    ruled_out: set[int] = set()
    if hit.type == "asset_sale" and lang == "tr" and _TR_PURCHASE_CUE.search(hit.cue):
        # "Y'den aldık": only a company named in the ablative sold; no other one did.
        return [
            (m, 1.0)
            for group in (_lists(inside, text) if inside else [])
            if _TR_ABLATIVE.match(text, group[-1].end) or _TR_HOLDER.match(text, group[-1].end)
            for m in group
        ]
    if lang == "en" and _en_not_own(hit, inside, text):
        return []
    if lang == "en" and hit.type in ("lawsuit", "fine") and inside:
        against = _en_against_groups(hit, _lists(inside, text), text)
        if len(against) > 1:
            return [(m, 1.0) for group in against for m in group]
    if lang == "en" and hit.type == "lawsuit" and _EN_BANNING.match(text, hit.cue_start):
        barred = _en_barred(hit, inside, text)
        if barred is not None:
            return [(m, 1.0) for m in barred]
        return _pointed_back(mentions, previous_sentence_start, hit.sentence_start)
    if inside:
        groups = _by_role(hit, _lists(inside, text), text, lang, hit.sentence_start)
        before = [g for g in groups if g[0].start <= hit.cue_start]
        if before:
            if lang == "en" and _en_other_owner(hit, text, before[-1][-1].end, inside):
                return []
            return [(m, 1.0) for m in before[-1]]
        if groups:
            if lang == "en" and (
                _en_other_subject(hit, text)
                or _EN_NEW_CLAUSE.search(text, hit.cue_start + len(hit.cue), groups[0][0].start)
            ):
                return []
            return [(m, AFTER_CUE_FACTOR) for m in groups[0]]
        if not _points_back(text[hit.sentence_start : hit.cue_start], lang):
            return []
        ruled_out = {m.company_id for m in inside}
    sentence = text[hit.sentence_start : hit.sentence_end]
    if not inside and hit.type == "lawsuit" and lang == "tr" and _anaphor_files(hit, text):
        return []
    if (
        not inside
        and hit.type == "expansion_tender"
        and lang == "tr"
        and _contractor_sentence(sentence)
    ):
        return []
    if not ruled_out and _state_is_doer(sentence, lang):
        return []
    if not ruled_out and _unknown_subject(hit, text, lang):
        return []
    if not ruled_out and lang == "en" and _en_other_subject(hit, text):
        return []
    if not ruled_out and lang == "tr" and _only_generic_companies(sentence):
        return []
    if (
        hit.type == "asset_sale"
        and lang == "tr"
        and _TR_ENFORCED_SALE.search(sentence)
        and not _points_back(sentence, lang)
    ):
        return []
    if (
        lang == "tr"
        and (hit.kind == _INVESTMENT or hit.type == "asset_sale")
        and _we_did(_clause(text, hit))
    ):
        others = [m for m in mentions if m.company_id not in ruled_out]
        speaker = _speaker_company(others, text, hit.cue_start)
        if speaker is not None:
            return [speaker]
    if lang == "tr" and not inside and _TR_OUR_COMPANY.search(sentence):
        # A disclosure's "Şirketimiz" is the company it is by, named in its title.
        lead = _TR_SENTENCE_END.search(text)
        first = min(mentions, key=lambda m: m.start, default=None)
        if first is not None and (lead is None or first.start < lead.start()):
            return [(first, 1.0)]
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
            factor = PREVIOUS_SENTENCE_FACTOR
            if lang == "en" and _EN_OWN.search(text, hit.sentence_start, hit.cue_start):
                factor = 1.0
            if not groups:
                return []
            last = _referent(groups[-1], mentions) if lang == "en" else groups[-1][-1]
            return [(last, factor)]
    candidates = [m for m in mentions if m.company_id not in ruled_out]
    if len({m.company_id for m in candidates}) == 1:
        factor = ONLY_COMPANY_FACTOR
        if lang == "tr" and not _COMPANY_ANAPHOR.search(sentence):
            factor = ONLY_COMPANY_FACTOR_TR_UNREFERRED
        return [(max(candidates, key=lambda m: m.confidence), factor)]
    return []


def _en_not_own(hit: CueHit, inside: list[NameHit], text: str) -> bool:
    """An English cue that holds for no company of the text: an accusation by critics or
    rivals with no court word in the sentence (see _EN_INFORMAL_ACCUSERS), money invested
    in another firm (see _EN_INVESTEE, or a company of the portfolio right after the cue's
    "in"), a fine on other firms (see _EN_FINE_ON_OTHERS)."""
    cue_end = hit.cue_start + len(hit.cue)
    if hit.type == "lawsuit" and hit.cue.lower().startswith("accus"):
        before = text[hit.sentence_start : hit.cue_start]
        sentence = text[hit.sentence_start : hit.sentence_end]
        return bool(_EN_INFORMAL_ACCUSERS.search(before)) and not _EN_COURT_WORDS.search(sentence)
    if hit.type == "investment_statement" and "invest" in hit.cue.lower():
        if not re.search(r"\bin$", hit.cue, re.IGNORECASE):
            amount = _EN_AMOUNT_IN.match(text, cue_end, hit.sentence_end)
            if amount is None:
                return False
            cue_end = amount.end()
        after = text[cue_end : hit.sentence_end]
        if any(cue_end < m.start <= cue_end + 6 for m in inside):
            return True  # "invested $2 billion in Globex"
        investee = _EN_INVESTEE.match(after)
        return investee is not None and _en_proper_name(investee.group(1), "x ", text)
    if hit.type == "fine":
        return bool(_EN_FINE_ON_OTHERS.match(text, cue_end, hit.sentence_end))
    return False


def _en_against_groups(hit: CueHit, groups: list[list[NameHit]], text: str) -> list[list[NameHit]]:
    """The lists named after "against" after an English lawsuit or fine cue, directly
    ("penalties against Google") or through an appositive ("and against another U.S.
    technology giant, Qualcomm"), all in the cue's sentence."""
    found = []
    for group in groups:
        if group[0].start <= hit.cue_start:
            continue
        head = text[max(hit.cue_start, group[0].start - 90) : group[0].start]
        if re.search(r"\bagainst\s+(?:the\s+)?$", head, re.IGNORECASE) or (
            _EN_AGAINST_APPOSITIVE.search(head)
        ):
            found.append(group)
    return found


def _anaphor_files(hit: CueHit, text: str) -> bool:
    """Is a Turkish lawsuit cue in a sentence whose subject, a word for the company in the
    nominative ("Şirket", "Şirketimiz"), files the case itself (see _TR_ACTIVE_FILING), or
    whose passive has that word as its agent ("Şirketimiz tarafından … dava açılmıştır")?"""
    if _TR_AGENT_ANAPHOR.search(text, hit.sentence_start, hit.sentence_end):
        return True
    filing = _TR_ACTIVE_FILING.search(text, hit.sentence_start, hit.sentence_end)
    if filing is None:
        return False
    return bool(_TR_SUBJECT_ANAPHOR.search(text, hit.sentence_start, filing.start()))


def _contractor_sentence(sentence: str) -> bool:
    """Does a Turkish sentence tell of a contractor's win or a contract with a state body
    as employer (see _TR_CONTRACTOR)?"""
    return bool(_TR_CONTRACTOR.search(sentence))


def _pointed_back(
    mentions: list[NameHit], previous_sentence_start: int | None, sentence_start: int
) -> list[tuple[NameHit, float]]:
    """The company an English cue's "the company"/"the bank" points back at: the previous
    sentence's last one (the lead company if it is in that list), else the only company."""
    if previous_sentence_start is not None:
        previous = sorted(
            (m for m in mentions if previous_sentence_start <= m.start < sentence_start),
            key=lambda m: m.start,
        )
        if previous:
            return [(_referent(previous[-1:], mentions), PREVIOUS_SENTENCE_FACTOR)]
    if len({m.company_id for m in mentions}) == 1:
        return [(max(mentions, key=lambda m: m.confidence), ONLY_COMPANY_FACTOR)]
    return []


def _referent(group: list[NameHit], mentions: list[NameHit]) -> NameHit:
    """The company of the previous sentence's last list that a cue points back to: the
    document's lead company (named first) when the list holds it ("… on Globex, Acme and
    Initech. The social media company's third fine …" in a story about Acme), else the
    list's last company."""
    lead = min(mentions, key=lambda m: m.start)
    for mention in group:
        if mention.company_id == lead.company_id:
            return mention
    return group[-1]


def _we_did(sentence: str) -> bool:
    """Does a Turkish clause speak in the first person plural ("3 mağaza açtık",
    "yatırım yapacağız", "yaptığımız yatırım")?"""
    return bool(_TR_WE.search(sentence) or _TR_WE_PAST.search(sentence))


def _clause(text: str, hit: CueHit) -> str:
    """The cue's clause: from the cue to the next comma, quote or end of sentence."""
    end = _TR_CLAUSE_END.search(text, hit.cue_start, hit.sentence_end)
    return text[hit.cue_start : end.start() if end else hit.sentence_end]


def _speaker_company(
    mentions: list[NameHit], text: str, cue_start: int
) -> tuple[NameHit, float] | None:
    """Whose "we" it is: the company named with one of its officers ("X Genel Müdürü Y",
    "X'in CEO'su"), the nearest before the cue, else the first one after it; else the
    company named in the document's first sentence, the subject of an interview, with less
    certainty. Not the last company named, often a customer, partner or rival the speaker
    talks about."""
    ordered = sorted(mentions, key=lambda m: m.start)
    officers = [m for m in ordered if _TR_OFFICER.match(text, m.end)]
    before = [m for m in officers if m.start < cue_start]
    if before or officers:
        return ((before or officers)[-1 if before else 0], PREVIOUS_SENTENCE_FACTOR)
    lead = _TR_SENTENCE_END.search(text)
    if ordered and (lead is None or ordered[0].start < lead.start()):
        return (ordered[0], ONLY_COMPANY_FACTOR)
    return None


def _points_back(before_cue: str, lang: str) -> bool:
    """Does the text before the cue refer to a company without naming it?"""
    anaphor = _COMPANY_ANAPHOR if lang == "tr" else _EN_COMPANY_ANAPHOR
    return bool(anaphor.search(before_cue))


@cache
def _state_names() -> frozenset[str]:
    """Folded names of countries, provinces and state bodies (the places of
    data/generic_words.yml, without compass words, plus _TR_STATE_WORDS)."""
    places = place_words() - _NOT_A_STATE
    return frozenset(places | {fold(word) for word in _TR_STATE_WORDS})


def _state_is_doer(sentence: str, lang: str) -> bool:
    """A sentence that names no company and does not point back at one, whose doer is a
    state: a country, province or state body (Turkish) or "the city", "the government"
    (English)."""
    if _points_back(sentence, lang):
        return False
    if lang != "tr":
        return bool(_EN_STATE_SUBJECT.search(sentence))
    states = _state_names()
    for word in _TR_WORD.finditer(sentence):
        folded = fold(word.group())
        stems = {folded[: -len(tail)] for tail in _GENITIVE_TAILS if folded.endswith(tail)}
        if not word.group()[0].isupper() and not ({folded} | stems) & _TR_LOWER:
            continue  # "ordu" (army), "van": a place only when capitalised
        rest = sentence[word.end() :]
        if folded in states:
            if sentence[: word.start()].endswith("olan ") or rest.lstrip().startswith(","):
                return True
            genitive = _TR_APOSTROPHE_GENITIVE.match(rest)
            if genitive and _TR_NOMINALISED.search(rest):
                return True
        elif stems & states and _TR_NOMINALISED.search(rest):
            return True  # "Yunanistanın": a genitive written without its apostrophe
    return False


def _unknown_subject(hit: CueHit, text: str, lang: str) -> bool:
    """A Turkish sentence that names no portfolio company but opens with another proper
    noun as its topic ("Socar, bu şirketlere hisse sattı"; "… petrol şirketi Socar, …"):
    the seller or investor is that other company, not one named elsewhere. Only for the
    types whose subject holds them (investments, asset sales); a regulator before a comma
    may well fine a company of the previous sentence. Not a person: a given name or a title
    before the word, or the word used as a surname elsewhere in the text ("Ali Odabaşı …
    Odabaşı, …"); not an ordinary word ("Ayrıca, …") and not a sentence that points back
    at a company besides the subject's own apposition. A patent belongs to its topic even
    when that is a person ("Ali Kaya, 12 patente sahip"): DESIGN.md, a person's patent is
    not a company's."""
    if lang != "tr" or not (hit.kind == _INVESTMENT or hit.type == "asset_sale"):
        return False
    before_cue = text[hit.sentence_start : hit.cue_start]
    subject = _TR_TOPIC.search(before_cue)
    if subject is None:
        return False
    word = subject.group(1)
    if hit.type == "patent" and not is_common_tr(fold(word)):
        return True  # the topic holds the patent, a person or another company alike
    if is_common_tr(fold(word)) or _is_person(word, before_cue[: subject.start(1)], text):
        return False
    if _COMPANY_ANAPHOR.fullmatch(word):
        return False  # "Şirketimiz, …": the company of the disclosure itself
    apposition = _TR_APPOSITION.search(before_cue, 0, subject.start(1))
    head = before_cue[: apposition.start() if apposition else subject.start(1)]
    rest = head + before_cue[subject.end() :]
    return not any(
        not _TR_DATIVE_NOUN.fullmatch(m.group()) for m in _COMPANY_ANAPHOR.finditer(rest)
    )


def _en_other_subject(hit: CueHit, text: str) -> bool:
    """An English cue whose clause has a subject that is a proper name but no portfolio
    company ("Earlier, Globex Corp. bought 40 acres"; "Initech, which opened 12 stores";
    "Globex has paid millions in fines"; "Globex's bankruptcy"): the event is that company's,
    not one named in another sentence or after the cue. Called only when no portfolio company
    is named before the cue. Not a person ("Mr. Smith", a given name), not a speaker ("Globex
    said …"), not a sentence-initial ordinary word, not a sentence that points back at a
    company ("the company"); for a fine or a lawsuit only a holder's verb ("paid", "faces") or
    a possessive, since a regulator or a plaintiff is the subject of "fined" or "sued"."""
    before_cue = text[hit.sentence_start : hit.cue_start]
    if _points_back(before_cue, "en"):
        return False
    possessive = _EN_POSSESSIVE.search(before_cue)
    if possessive is None and hit.type in _EN_MODIFIER_TYPES:
        possessive = _EN_MODIFIER.search(before_cue)
    if possessive:
        return _en_proper_name(possessive.group(1), before_cue[: possessive.start(1)], text)
    if hit.kind != _INVESTMENT and hit.type not in ("asset_sale", "insolvency", "fine", "lawsuit"):
        return False
    clause = _EN_CLAUSE_START.split(before_cue)[-1]
    offset = len(before_cue) - len(clause)
    relative = _EN_RELATIVE.match(clause)
    if relative:
        # "Initech, which opened …": the name before the comma is the subject.
        head = _EN_NAME_BEFORE_COMMA.search(before_cue[:offset])
        if head is None:
            return False
        if hit.type in ("fine", "lawsuit") and not _EN_HOLDER_VERB.match(clause, relative.end()):
            return False
        return _en_proper_name(head.group(1), before_cue[: head.start(1)], text)
    subject = _EN_SUBJECT.match(clause)
    if subject is None:
        return False
    verb = clause[subject.end() :]
    if _EN_SPEECH.match(verb):
        return False
    if hit.type in ("fine", "lawsuit") and not _EN_HOLDER_VERB.match(verb):
        return False
    return _en_proper_name(subject.group(1), before_cue[: offset + subject.start(1)], text)


def _en_other_owner(hit: CueHit, text: str, after: int, mentions: list[NameHit]) -> bool:
    """Does the cue, after the company named before it (ending at `after`), belong to
    another, non-portfolio firm named right before it: a possessive ("Acme said Globex's
    bankruptcy hurt sales") or a modifier ("the Globex bankruptcy")? Not for a lawsuit by
    possessive: "Acme is fighting Globex's lawsuit" is Acme's."""
    between = text[after : hit.cue_start]
    found = None
    if hit.type != "lawsuit":
        found = _EN_POSSESSIVE.search(between)
    if found is None and hit.type in _EN_MODIFIER_TYPES:
        found = _EN_MODIFIER.search(between)
    if found is None:
        return False
    start = after + found.start(1)
    if any(start <= m.start < after + found.end(1) for m in mentions):
        return False
    return _en_proper_name(found.group(1), text[hit.sentence_start : start], text)


def _en_barred(hit: CueHit, inside: list[NameHit], text: str) -> list[NameHit] | None:
    """Who a ban cue ("barred X from") is against: the companies between the verb and "from"
    (none when a company before the verb does the banning); a company before a passive
    ("Acme was barred from"). None: the cue points back at a company ("banned the bank
    from"), found as for any cue with no company named."""
    verb_end = hit.cue_start + len(hit.cue.split()[0])
    until = hit.cue_start + len(hit.cue) - len("from")
    if _EN_PASSIVE.search(text, hit.sentence_start, hit.cue_start):
        before = [m for m in inside if m.start < hit.cue_start]
        return before[-1:] if before else None
    barred = [m for m in inside if verb_end <= m.start < until]
    if barred:
        return [] if any(m.start < hit.cue_start for m in inside) else barred
    if _EN_BANNED_REFERENCE.match(text[verb_end:until]):
        return None
    return []


def _en_other_defendant(hit: CueHit, groups: list[list[NameHit]], text: str) -> bool:
    """Is the cue's clause about proceedings against a named party that is no portfolio
    company, a person or another firm (see _EN_AGAINST_NAME)? Not a court, regulator or
    state ("an appeal against the Commission's decision")."""
    end = min(hit.sentence_end, hit.cue_start + len(hit.cue) + AGAINST_WINDOW)
    clause_end = _EN_CLAUSE_END.search(text, hit.cue_start + len(hit.cue), end)
    found = _EN_AGAINST_NAME.search(text, hit.cue_start, clause_end.start() if clause_end else end)
    if found is None:
        return False
    named = {m.start for group in groups for m in group}
    if any(found.start(1) <= start < found.end(1) for start in named):
        return False
    tokens = found.group(1).split()
    if any(t.lower().rstrip(".") in _EN_NOT_COMPANY for t in tokens) or _en_role_noun(tokens[0]):
        return False
    return fold(tokens[0]) not in _state_names()


def _en_proper_name(name: str, before: str, text: str) -> bool:
    """Is `name` (capitalised words) a company-like proper name: not a person, a month, a
    sentence-initial ordinary word or a state?"""
    tokens = name.split()
    if not before.strip() or before.rstrip().endswith((".", '"', "``", "“")):
        # Sentence-initial: drop ordinary words ("However", "Earlier", "In").
        while tokens and _en_ordinary(tokens[0]):
            tokens.pop(0)
    if not tokens or all(_en_ordinary(t) for t in tokens):
        return False
    first = tokens[0].rstrip(".").lower()
    if first in _EN_PERSON_TITLES or fold(tokens[0]) in given_names():
        return False
    if fold(tokens[-1]) in given_names() and len(tokens) == 1:
        return False
    if any(t.lower().rstrip(".") in _EN_NOT_COMPANY for t in tokens):
        return False
    if len(tokens) == 1 and _en_role_noun(tokens[0]):
        return False
    if fold(tokens[0]) in _state_names():
        return False
    return not _is_person(tokens[0], before, text)


def _en_role_noun(word: str) -> bool:
    """Is a capitalised word a common noun for people or a public body ("Regulators",
    "Authorities", "Analyst"), singular or plural?"""
    lower = word.lower()
    singular = {lower, lower.removesuffix("s"), lower.removesuffix("ies") + "y"}
    return bool(singular & _EN_ROLE_NOUNS)


def _en_ordinary(word: str) -> bool:
    return zipf_frequency(word.lower(), "en") >= _EN_ORDINARY_ZIPF


def _only_generic_companies(sentence: str) -> bool:
    """A Turkish sentence about companies in general ("firmalara 3 milyon lira ceza
    verildi", "şirketler yatırımlarını erteliyor") that does not point back at one: sector
    talk, not an event of a company named elsewhere."""
    return bool(_TR_PLURAL_COMPANIES.search(sentence)) and not _COMPANY_ANAPHOR.search(sentence)


def _is_person(word: str, before: str, text: str) -> bool:
    """Is a capitalised word a person's name: a given name or a title right before it, or
    a given name before it anywhere in the text (a surname used alone later)?"""
    previous = _TR_WORD.findall(before[-40:])
    if previous and _person_prefix(previous[-1]):
        return True
    for match in re.finditer(rf"(\w+)\s+{re.escape(word)}\b", text):
        if _person_prefix(match.group(1)):
            return True
    return False


def _person_prefix(word: str) -> bool:
    folded = fold(word)
    if word[:1].isupper() and folded in given_names():
        return True
    return folded in _SHORT_TITLES or folded.startswith(_TITLES)


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
                if not _TR_DATIVE.match(text, g[-1].end)
                and not _TR_LOCATIVE.match(text, g[-1].end)
                and not _TR_CREDITOR.match(text, g[-1].end)
            ]
        # "Abbott spun off AbbVie", "sold its unit Marinol to …": after a selling verb come
        # the asset and the buyer; the seller is named before it.
        if _EN_SELLING.match(text, hit.cue_start):
            groups = [g for g in groups if g[0].start < hit.cue_start]
        return [g for g in groups if not _EN_TO.search(text, sentence_start, g[0].start)]
    if hit.kind == _INVESTMENT and lang == "tr":
        groups = [g for g in groups if not _TR_PARTNER.match(text, g[-1].end)]
    if hit.type == "land_purchase" and lang == "tr":
        # "arsayı X'ten satın aldı": X sold it.
        groups = [g for g in groups if not _TR_ABLATIVE.match(text, g[-1].end)]
    if hit.type == "expansion_tender" and lang == "tr":
        # The employer opens the tender before the cue ("DHMİ ihaleye çıktı"); a company
        # named after it, or in the dative ("ihaleyi X'e verdi"), is the contractor; so is
        # one in the nominative when the sentence tells of a contractor's win.
        contractor = _contractor_sentence(text[sentence_start : hit.sentence_end])
        return [
            g
            for g in groups
            if g[0].start <= hit.cue_start
            and not _TR_DATIVE.match(text, g[-1].end)
            and (not contractor or _TR_GENITIVE.match(text, g[-1].end))
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
    if _en_other_defendant(hit, groups, text):
        return []
    active = _EN_ACTIVE_LEGAL.match(text, hit.cue_start) and not _EN_PASSIVE.search(
        text, hit.sentence_start, hit.cue_start
    )
    if active:
        return [g for g in groups if g[0].start > hit.cue_start]
    return [g for g in groups if g not in against]
