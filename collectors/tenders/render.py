"""A notice as sentences a person (and the linker) reads, with its fields in `RawItem.extra`.

"Contracting authority: X (Town, CC). Contract award: Y (Town, CC) won the contract for
'<title>'. CPV 45210000 (Building construction work). Value 1,234,567 EUR. ..." The names and
the title stay in the notice's language, so the linker finds buyer and winners; `extra` has
notice_id, ojs_number, form, notice_type, document_type, buyer, buyers, winners, awards, cpv,
value, currency, places, deadline and corrects, the same keys for every schema.
"""

from __future__ import annotations

from typing import Any

from collectors.base import RawItem
from collectors.tenders.notice import Award, Notice

MAX_AWARDS_IN_TEXT = 20


def render(notice: Notice) -> RawItem:
    """The notice as sentences a person (and the linker) reads, with the fields in extra."""
    buyer = notice.buyers[0]
    sentences = [
        f"{notice.document_type} {notice.ojs_number or notice.notice_id}"
        + (f", published {notice.published:%Y-%m-%d}." if notice.published else "."),
        f"Contracting authority: {buyer.label()}.",
    ]
    if len(notice.buyers) > 1:
        sentences.append(f"Together with: {'; '.join(p.label() for p in notice.buyers[1:])}.")
    sentences += _what_happened(notice)
    if notice.cpv:
        codes = [
            f"{c} ({notice.cpv_labels[c]})" if notice.cpv_labels.get(c) else c for c in notice.cpv
        ]
        sentences.append(f"CPV {', '.join(codes)}.")
    if notice.value is not None:
        sentences.append(f"Value {_money(notice.value)} {notice.currency}.".replace(" .", "."))
    if notice.places:
        sentences.append(f"Place of performance: {'; '.join(notice.places)}.")
    if notice.description:
        sentences.append(notice.description)
    winners = [w for award in notice.awards for w in award.winners]
    return RawItem(
        url=notice.url,
        title=f"{notice.title} — {buyer.name}",
        text=" ".join(sentences),
        published_at=notice.published,
        language=notice.language,
        extra={
            "notice_id": notice.notice_id,
            "ojs_number": notice.ojs_number,
            "form": notice.form,
            "notice_type": notice.notice_type,
            "document_type": notice.document_type,
            "buyer": buyer.name,
            "buyers": [vars(p) for p in notice.buyers],
            "winners": [vars(p) for p in dict.fromkeys(winners)],
            "awards": [_award_extra(a) for a in notice.awards],
            "cpv": notice.cpv,
            "value": notice.value,
            "currency": notice.currency or None,
            "places": notice.places,
            "deadline": notice.deadline or None,
            "corrects": notice.corrects or None,
        },
    )


def _what_happened(notice: Notice) -> list[str]:
    title = f"'{notice.title}'"
    if notice.notice_type == "corrigendum":
        original = f" to notice {notice.corrects}" if notice.corrects else ""
        return [f"Corrigendum{original} for {title}: {'; '.join(notice.changes) or 'changes'}."]
    if notice.notice_type == "award":
        return _award_sentences(notice)
    if notice.notice_type == "call":
        due = f" Tenders are due by {notice.deadline.strip()}." if notice.deadline.strip() else ""
        return [f"Call for competition: {notice.buyers[0].name} invites tenders for {title}.{due}"]
    if notice.notice_type == "prior_information":
        return [f"Prior information: {notice.buyers[0].name} plans the procurement {title}."]
    return [f"Subject: {title}."]


def _award_sentences(notice: Notice) -> list[str]:
    winners = list(dict.fromkeys(w for award in notice.awards for w in award.winners))
    if not winners:
        return [f"Contract award for '{notice.title}': no contract was awarded."]
    names = _and([w.label() for w in winners])
    plural = "contracts" if len(notice.awards) > 1 else "the contract"
    sentences = [f"Contract award: {names} won {plural} for '{notice.title}'."]
    for award in notice.awards[:MAX_AWARDS_IN_TEXT]:
        what = f"Lot {award.lot}" if award.lot else "The contract"
        what += f" ('{award.title}')" if award.title and award.title != notice.title else ""
        if award.not_awarded:
            sentences.append(f"{what}: not awarded ({award.not_awarded}).")
            continue
        value = ""
        if award.value is not None:
            value = f" for {'an estimated ' if award.estimated else ''}{_money(award.value)}"
            value += f" {award.currency}".rstrip()
        sentences.append(f"{what} went to {_and([w.name for w in award.winners])}{value}.")
    if len(notice.awards) > MAX_AWARDS_IN_TEXT:
        sentences.append(f"And {len(notice.awards) - MAX_AWARDS_IN_TEXT} more awards.")
    return sentences


def _award_extra(award: Award) -> dict[str, Any]:
    return {
        "lot": award.lot,
        "title": award.title,
        "winners": [vars(p) for p in award.winners],
        "value": award.value,
        "estimated": award.estimated,
        "currency": award.currency or None,
        "concluded": award.concluded or None,
        "not_awarded": award.not_awarded or None,
    }


def _and(names: list[str]) -> str:
    return names[0] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"


def _money(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
