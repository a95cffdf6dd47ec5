"""eForms notices: UBL 2.3 `ContractNotice`, `ContractAwardNotice` and `PriorInformationNotice`
with TED's extensions (efext/efac/efbc), TED's format since November 2023 (eForms SDK 1.x).

Where each field is (namespaces stripped; `ext` is the notice's own
`UBLExtensions/UBLExtension/ExtensionContent/EformsExtension`):

- organisations: `ext/Organizations/Organization/Company`, by `PartyIdentification/ID`
  (ORG-0001...); every other part of the notice names them by that ID;
- buyers: `ContractingParty/Party/PartyIdentification/ID`;
- title, description, CPV, place: `ProcurementProject` (the procedure) and each
  `ProcurementProjectLot/ProcurementProject`; in the notice's language when several are given;
- value: the result's total (`ext/NoticeResult/TotalAmount`, else the framework maximum), else
  the estimate (`ProcurementProject/RequestedTenderTotal/EstimatedOverallContractAmount`);
- winners: `ext/NoticeResult/LotResult` (winner chosen: `TenderResultCode` "selec-w") →
  its `LotTender` IDs → each tender's `TenderingParty` → that party's `Tenderer`
  organisations; the tender's `PayableAmount` is the award's value, its settled contract's date
  the conclusion date;
- published: `ext/Publication/PublicationDate` with `NoticePublicationID` (the OJ S number,
  "00123456-2024") once TED has published it, else the notice's own `IssueDate` and `ID`;
- corrections: `ext/Changes` (the changed notice, the reasons).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

from collectors.errors import ParseFailed
from collectors.tenders.notice import Award, Notice, Party, amount_of, text_of

_EXTENSION = "UBLExtensions/UBLExtension/ExtensionContent/EformsExtension"
_DOCUMENT_TYPES = {
    "ContractNotice": "Contract notice",
    "ContractAwardNotice": "Contract award notice",
    "PriorInformationNotice": "Prior information notice",
}
# NoticeTypeCode's list ("form type") → Radar's notice type.
_NOTICE_TYPES = {
    "planning": "prior_information",
    "competition": "call",
    "result": "award",
    "dir-awa-pre": "award",  # voluntary ex-ante transparency: the intended award and winner
    "cont-modif": "other",
    "change": "corrigendum",
}


def _table(pairs: str) -> dict[str, str]:
    return {key: value for key, value in (pair.split(":") for pair in pairs.split())}


# TED's notice languages (EU authority table, three letters) → ISO 639-1, as the old schema.
_LANGUAGES = _table(
    "BUL:bg CES:cs DAN:da DEU:de ELL:el ENG:en EST:et FIN:fi FRA:fr GLE:ga HRV:hr HUN:hu ITA:it "
    "LAV:lv LIT:lt MLT:mt NLD:nl POL:pl POR:pt RON:ro SLK:sk SLV:sl SPA:es SWE:sv NOR:no ISL:is "
    "TUR:tr"
)
# Countries (ISO 3166 alpha-3 in eForms) → alpha-2, as TED export XML gives them.
_COUNTRIES = _table(
    "AUT:AT BEL:BE BGR:BG HRV:HR CYP:CY CZE:CZ DNK:DK EST:EE FIN:FI FRA:FR DEU:DE GRC:GR HUN:HU "
    "IRL:IE ITA:IT LVA:LV LTU:LT LUX:LU MLT:MT NLD:NL POL:PL PRT:PT ROU:RO SVK:SK SVN:SI ESP:ES "
    "SWE:SE NOR:NO ISL:IS LIE:LI CHE:CH GBR:GB TUR:TR MKD:MK SRB:RS MNE:ME ALB:AL BIH:BA UKR:UA "
    "MDA:MD GEO:GE USA:US CAN:CA"
)
_NO_WINNER = {"clos-nw": "closed without a winner", "open-nw": "no winner chosen yet"}


def parse_eforms(root: ET.Element, url: str) -> Notice:
    """An eForms ContractNotice, ContractAwardNotice or PriorInformationNotice."""
    extension = root.find(_EXTENSION)
    language = text_of(root.find("NoticeLanguageCode")).upper()
    organisations = _organisations(extension)
    publication = extension.find("Publication") if extension is not None else None
    published_id = _child_text(publication, "NoticePublicationID")
    type_code = root.find("NoticeTypeCode")
    type_list = type_code.get("listName", "") if type_code is not None else ""
    project = root.find("ProcurementProject")
    lots = list(root.iterfind("ProcurementProjectLot"))
    lot_projects = [lot.find("ProcurementProject") for lot in lots]
    projects = [p for p in (project, *lot_projects) if p is not None]
    notice = Notice(
        notice_id=published_id or text_of(root.find("ID")),
        ojs_number=published_id,  # the OJ S notice number, as TED export's NO_DOC_OJS
        form=text_of(type_code),
        document_type=_DOCUMENT_TYPES.get(root.tag, "Notice"),
        notice_type=_NOTICE_TYPES.get(type_list, "other"),
        language=_LANGUAGES.get(language, language.lower() or None),
        url=f"https://ted.europa.eu/en/notice/-/detail/{published_id}" if published_id else url,
        published=_date(_child_text(publication, "PublicationDate"))
        or _date(text_of(root.find("IssueDate"))),
        buyers=[
            organisations[org_id]
            for org_id in _ids(root, "ContractingParty/Party/PartyIdentification/ID")
            if org_id in organisations
        ],
        title=_in_language(projects[:1], "Name", language)
        or _in_language(projects, "Name", language),
        description=_in_language(projects, "Description", language),
        cpv=list(
            dict.fromkeys(
                text_of(code)
                for p in projects
                for code in (
                    *p.iterfind("MainCommodityClassification/ItemClassificationCode"),
                    *p.iterfind("AdditionalCommodityClassification/ItemClassificationCode"),
                )
                if text_of(code)
            )
        ),
        places=_places(projects),
    )
    notice.value, notice.currency = _value(extension, project, lot_projects)
    notice.deadline = _deadline(lots)
    if extension is not None:
        notice.awards = _awards(extension, organisations, lots, language)
        changes = extension.find("Changes")
        if changes is not None:
            notice.notice_type = "corrigendum"
            notice.corrects = text_of(changes.find("ChangedNoticeIdentifier"))
            notice.changes = [
                text_of(reason)
                for reason in (
                    *changes.iterfind("Change/ChangeDescription"),
                    *changes.iterfind("ChangeReason/ReasonDescription"),
                )
                if text_of(reason)
            ]
    if not notice.buyers or not notice.title:
        raise ParseFailed(f"{url}: eForms notice {notice.notice_id} names no buyer or no title")
    return notice


def _organisations(extension: ET.Element | None) -> dict[str, Party]:
    found: dict[str, Party] = {}
    if extension is None:
        return found
    for company in extension.iterfind("Organizations/Organization/Company"):
        org_id = text_of(company.find("PartyIdentification/ID"))
        name = text_of(company.find("PartyName/Name"))
        if org_id and name:
            country = text_of(company.find("PostalAddress/Country/IdentificationCode"))
            found[org_id] = Party(
                name=name,
                town=text_of(company.find("PostalAddress/CityName")),
                country=_COUNTRIES.get(country, country),
            )
    return found


def _awards(
    extension: ET.Element, organisations: dict[str, Party], lots: list[ET.Element], language: str
) -> list[Award]:
    result = extension.find("NoticeResult")
    if result is None:
        return []
    tenders = {text_of(t.find("ID")): t for t in result.iterfind("LotTender")}
    parties = {text_of(p.find("ID")): p for p in result.iterfind("TenderingParty")}
    contracts = {text_of(c.find("ID")): c for c in result.iterfind("SettledContract")}
    lot_titles = {
        text_of(lot.find("ID")): _in_language(
            [p for p in [lot.find("ProcurementProject")] if p is not None], "Name", language
        )
        for lot in lots
    }
    lot_results = list(result.iterfind("LotResult"))
    awards: list[Award] = []
    for lot_result in lot_results:
        lot_id = text_of(lot_result.find("TenderLot/ID"))
        # One lot: the contract, not "Lot LOT-0001"; several: "Lot 0001".
        lot = lot_id.removeprefix("LOT-") if len(lot_results) > 1 else ""
        title = lot_titles.get(lot_id, "")
        code = text_of(lot_result.find("TenderResultCode"))
        if code in _NO_WINNER:
            reason = text_of(lot_result.find("DecisionReason/DecisionReasonCode"))
            awards.append(
                Award(lot=lot, title=title, winners=(), not_awarded=reason or _NO_WINNER[code])
            )
            continue
        for tender_id in _ids(lot_result, "LotTender/ID"):
            tender = tenders.get(tender_id)
            if tender is None:
                continue
            party = parties.get(text_of(tender.find("TenderingParty/ID")))
            winners = tuple(
                organisations[org_id]
                for org_id in (_ids(party, "Tenderer/ID") if party is not None else [])
                if org_id in organisations
            )
            amount = tender.find("LegalMonetaryTotal/PayableAmount")
            concluded = next(
                (
                    _day(contract)
                    for contract in contracts.values()
                    if tender_id in _ids(contract, "LotTender/ID")
                ),
                "",
            )
            awards.append(
                Award(
                    lot=lot,
                    title=title,
                    winners=winners,
                    value=amount_of(amount) if amount is not None else None,
                    currency=amount.get("currencyID", "") if amount is not None else "",
                    concluded=concluded,
                )
            )
    return awards


def _value(
    extension: ET.Element | None, project: ET.Element | None, lot_projects: list[ET.Element | None]
) -> tuple[float | None, str]:
    candidates: list[ET.Element | None] = []
    if extension is not None:
        candidates += [
            extension.find("NoticeResult/TotalAmount"),
            extension.find("NoticeResult/OverallMaximumFrameworkContractsAmount"),
        ]
    for where in (project, *lot_projects[:1]):
        if where is not None:
            candidates.append(where.find("RequestedTenderTotal/EstimatedOverallContractAmount"))
    for amount in candidates:
        if amount is not None and (value := amount_of(amount)) is not None:
            return value, amount.get("currencyID", "")
    return None, ""


def _places(projects: list[ET.Element]) -> list[str]:
    """NUTS codes of the places of performance (with the town when given), else countries."""
    places: dict[str, None] = {}
    countries: dict[str, None] = {}
    for project in projects:
        for address in project.iterfind("RealizedLocation/Address"):
            nuts = text_of(address.find("CountrySubentityCode"))
            town = text_of(address.find("CityName"))
            if nuts:
                places[f"{town} ({nuts})" if town else nuts] = None
            country = text_of(address.find("Country/IdentificationCode"))
            if country:
                countries[_COUNTRIES.get(country, country)] = None
    return list(places or countries)


def _deadline(lots: list[ET.Element]) -> str:
    for lot in lots:
        period = lot.find("TenderingProcess/TenderSubmissionDeadlinePeriod")
        if period is not None and text_of(period.find("EndDate")):
            day = text_of(period.find("EndDate"))[:10]
            time = text_of(period.find("EndTime"))[:5]
            return f"{day} {time}".strip()
    return ""


def _in_language(elements: list[ET.Element], tag: str, language: str) -> str:
    """The first `tag` child in the notice's language, else the first one at all."""
    found = [child for element in elements for child in element.iterfind(tag)]
    for child in found:
        if child.get("languageID", "").upper() == language and text_of(child):
            return text_of(child)
    return next((text_of(child) for child in found if text_of(child)), "")


def _child_text(element: ET.Element | None, tag: str) -> str:
    return text_of(element.find(tag)) if element is not None else ""


def _ids(element: ET.Element, path: str) -> list[str]:
    return [text_of(found) for found in element.iterfind(path) if text_of(found)]


def _day(contract: ET.Element) -> str:
    for tag in ("IssueDate", "AwardDate"):
        if value := text_of(contract.find(tag)):
            return value[:10]
    return ""


def _date(value: str) -> datetime | None:
    """An xsd:date such as "2025-05-22+01:00" or "2020-01-01Z" as midnight UTC of that day,
    as the old schema's dates are."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
