"""The dev portfolio as a CRM often holds it: legal names only, no aliases.

    python dev_sets/tr_news/build/crm_style_portfolio.py  # -> ../portfolio_crm_style.csv

DESIGN.md: "aliases are often missing". Linking then rests on the names Radar derives from the
legal name (signals/names.py); `make test` holds this set to its own floors.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def main() -> None:
    with (HERE / "portfolio.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    with (HERE / "portfolio_crm_style.csv").open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow(row | {"aliases": ""})


if __name__ == "__main__":
    main()
