"""TED export XML (R2.0.8 and R2.0.9, root `TED_EXPORT`): the format of TED notices until
eForms replaced it in November 2023, and of TED's archive.

The 2014 standard forms (F01-F25) are read in full; an older form falls back to the coded and
translation sections (buyer, title, CPV, values; no winners). Of a notice published with
translations, the form in the original language is read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from collectors.errors import ParseFailed
from collectors.tenders.notice import Award, Notice, Party, amount_of, text_of


def parse_ted_export(root: ET.Element, url: str) -> Notice:
    """A TED_EXPORT document (R2.0.8 or R2.0.9)."""
    coded = root.find("CODED_DATA_SECTION")
    if coded is None:
        raise ParseFailed(f"{url}: TED_EXPORT without CODED_DATA_SECTION")
    original_language = text_of(coded.find("NOTICE_DATA/LG_ORIG"))
    form = _main_form(root.find("FORM_SECTION"), original_language)
    language = (form.get("LG") if form is not None else original_language) or ""
    doc_type = coded.find("CODIF_DATA/TD_DOCUMENT_TYPE")
    notice = Notice(
        notice_id=root.get("DOC_ID", ""),
        ojs_number=text_of(coded.find("NOTICE_DATA/NO_DOC_OJS")),
        form=(form.get("FORM") or form.tag) if form is not None else "",
        document_type=text_of(doc_type) or "Notice",
        notice_type="other",
        language=language.lower() or None,
        url=_notice_url(coded, language) or url,
        published=_date(text_of(coded.find("REF_OJS/DATE_PUB"))),
        buyers=[],
        title="",
        cpv_labels={
            cpv.get("CODE", ""): text_of(cpv) for cpv in coded.iterfind("NOTICE_DATA/ORIGINAL_CPV")
        },
        places=[
            f"{text_of(nuts)} ({nuts.get('CODE')})"
            for nuts in coded.iterfind("NOTICE_DATA/PERFORMANCE_NUTS")
        ],
    )
    if form is not None and form.tag.endswith("_2014"):
        _read_2014_form(notice, form, doc_type.get("CODE", "") if doc_type is not None else "")
    else:
        _read_coded_sections(notice, root, coded, language)
    if not notice.buyers or not notice.title:
        raise ParseFailed(f"{url}: notice {notice.notice_id} names no buyer or no title")
    return notice


def _main_form(section: ET.Element | None, original_language: str) -> ET.Element | None:
    """The form in the notice's original language (translations repeat it)."""
    forms = [form for form in (section if section is not None else []) if form.get("FORM")]
    originals = [form for form in forms if form.get("CATEGORY") == "ORIGINAL"]
    in_language = [form for form in originals if form.get("LG") == original_language]
    return next(iter(in_language + originals + forms), None)


def _read_2014_form(notice: Notice, form: ET.Element, doc_code: str) -> None:
    body = form.find("CONTRACTING_BODY")
    notice.buyers = [
        _party(address)
        for tag in ("ADDRESS_CONTRACTING_BODY", "ADDRESS_CONTRACTING_BODY_ADDITIONAL")
        for address in (body.iterfind(tag) if body is not None else [])
    ]
    contract = form.find("OBJECT_CONTRACT")
    if contract is not None:
        notice.title = text_of(contract.find("TITLE"))
        notice.description = text_of(contract.find("SHORT_DESCR")) or text_of(
            contract.find("OBJECT_DESCR/SHORT_DESCR")
        )
        codes = [c.get("CODE", "") for c in contract.iterfind("CPV_MAIN/CPV_CODE")]
        codes += [
            c.get("CODE", "") for c in contract.iterfind("OBJECT_DESCR/CPV_ADDITIONAL/CPV_CODE")
        ]
        notice.cpv = list(dict.fromkeys(code for code in codes if code))
        for tag in ("VAL_TOTAL", "VAL_ESTIMATED_TOTAL", "VAL_RANGE_TOTAL/LOW"):
            if (amount := contract.find(tag)) is not None:
                notice.value = amount_of(amount)
                notice.currency = amount.get("CURRENCY") or _currency_of_range(contract)
                break
        if not notice.places:
            notice.places = [text_of(site) for site in contract.iterfind("OBJECT_DESCR/MAIN_SITE")][
                :1
            ]
    notice.awards = [_award(award) for award in form.iterfind("AWARD_CONTRACT")]
    notice.awards += _prizes(form)
    deadline = form.find("PROCEDURE/DATE_RECEIPT_TENDERS")
    if deadline is not None:
        time = text_of(form.find("PROCEDURE/TIME_RECEIPT_TENDERS"))
        notice.deadline = f"{text_of(deadline)} {time}"
    notice.corrects = text_of(form.find("COMPLEMENTARY_INFO/NOTICE_NUMBER_OJ"))
    notice.changes = [_change(change) for change in form.iterfind("CHANGES/CHANGE")]
    notice.notice_type = _notice_type(form, notice, doc_code)


def _notice_type(form: ET.Element, notice: Notice, doc_code: str) -> str:
    declared_notice = form.find("NOTICE")
    declared = declared_notice.get("TYPE", "") if declared_notice is not None else ""
    if notice.changes or form.get("FORM") == "F14":
        return "corrigendum"
    if notice.awards or form.find("RESULTS") is not None or doc_code in ("7", "V", "J", "R"):
        return "award"
    if form.get("FORM") in ("F01", "F04", "F16") or declared.startswith(("PRI", "PER")):
        return "prior_information"
    if notice.deadline or doc_code in ("3", "D", "H", "O", "Y") or declared == "CONTRACT":
        return "call"
    return "other"


def _read_coded_sections(
    notice: Notice, root: ET.Element, coded: ET.Element, language: str
) -> None:
    """Pre-2014 forms: what every TED export carries outside the form."""
    titles = root.find("TRANSLATION_SECTION/ML_TITLES")
    title = _in_language(titles, "ML_TI_DOC", language)
    names = root.find("TRANSLATION_SECTION/ML_AA_NAMES")
    name = text_of(_in_language(names, "AA_NAME", language))
    country = coded.find("NOTICE_DATA/ISO_COUNTRY")
    if name:
        notice.buyers = [
            Party(
                name,
                text_of(title.find("TI_TOWN")) if title is not None else "",
                country.get("VALUE", "") if country is not None else "",
            )
        ]
    notice.title = text_of(title.find("TI_TEXT")) if title is not None else ""
    notice.cpv = list(notice.cpv_labels)
    for value in coded.iterfind("NOTICE_DATA/VALUES/VALUE"):
        notice.value, notice.currency = amount_of(value), value.get("CURRENCY", "")
        break
    code = coded.find("CODIF_DATA/TD_DOCUMENT_TYPE")
    code_value = code.get("CODE", "") if code is not None else ""
    notice.notice_type = {"7": "award", "3": "call", "0": "prior_information"}.get(
        code_value, "other"
    )


def _in_language(parent: ET.Element | None, tag: str, language: str) -> ET.Element | None:
    if parent is None:
        return None
    found = parent.find(f"{tag}[@LG='{language}']") if language.isalpha() else None
    return found if found is not None else parent.find(tag)


def _award(award: ET.Element) -> Award:
    contract = award.find("AWARDED_CONTRACT")
    lot, title = text_of(award.find("LOT_NO")), text_of(award.find("TITLE"))
    if contract is None:
        reason = award.find("NO_AWARDED_CONTRACT/*")
        why = reason.tag.replace("PROCUREMENT_", "").lower() if reason is not None else "none"
        return Award(lot=lot, title=title, winners=(), not_awarded=why)
    winners = tuple(
        _party(address)
        for address in contract.iterfind("CONTRACTORS/CONTRACTOR/ADDRESS_CONTRACTOR")
    )
    amount = contract.find("VALUES/VAL_TOTAL")
    estimate = contract.find("VALUES/VAL_ESTIMATED_TOTAL")
    given = amount if amount is not None else estimate
    return Award(
        lot=lot,
        title=title,
        winners=winners,
        value=amount_of(given) if given is not None else None,
        currency=given.get("CURRENCY", "") if given is not None else "",
        concluded=text_of(contract.find("DATE_CONCLUSION_CONTRACT")),
        estimated=amount is None and estimate is not None,
    )


def _prizes(form: ET.Element) -> list[Award]:
    """Design-contest results (F13): the prize winners."""
    awards = []
    for prize in form.iterfind("RESULTS/AWARDED_PRIZE"):
        winners = tuple(_party(address) for address in prize.iterfind(".//ADDRESS_WINNER"))
        amount = prize.find("VAL_PRIZE")
        awards.append(
            Award(
                lot="",
                title="",
                winners=winners,
                value=amount_of(amount) if amount is not None else None,
                currency=amount.get("CURRENCY", "") if amount is not None else "",
                concluded=text_of(prize.find("DATE_DECISION_JURY")),
            )
        )
    return awards


def _change(change: ET.Element) -> str:
    where = text_of(change.find("WHERE/SECTION")) or "?"
    label = text_of(change.find("WHERE/LABEL"))
    old, new = (text_of(change.find(tag)) for tag in ("OLD_VALUE", "NEW_VALUE"))
    place = f"section {where}" + (f" ({label})" if label else "")
    return f"{place} changed from {old or 'nothing'} to {new or 'nothing'}"


def _party(address: ET.Element) -> Party:
    country = address.find("COUNTRY")
    return Party(
        name=text_of(address.find("OFFICIALNAME")),
        town=text_of(address.find("TOWN")),
        country=country.get("VALUE", "") if country is not None else "",
    )


def _notice_url(coded: ET.Element, language: str) -> str:
    uris = list(coded.iterfind("NOTICE_DATA/URI_LIST/URI_DOC"))
    for uri in uris:
        if uri.get("LG") == language:
            return text_of(uri)
    return text_of(uris[0]) if uris else ""


def _currency_of_range(contract: ET.Element) -> str:
    found = contract.find("VAL_RANGE_TOTAL")
    return found.get("CURRENCY", "") if found is not None else ""


def _date(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y%m%d").replace(tzinfo=UTC)
    except ValueError:
        return None
