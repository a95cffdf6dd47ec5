"""Mentions written by hand for attribution tests: each name's first occurrence in the text."""

from signals.matching import NameHit


def mentions_of(text: str, names: dict[str, int]) -> list[NameHit]:
    out = []
    for name, company in names.items():
        start = text.index(name)
        out.append(NameHit(company, start, start + len(name), name, "legal", 0.9, "test"))
    return out
