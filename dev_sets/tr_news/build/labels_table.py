"""Write build/labels_table.md: every document, its labels (crm_id, company, types) and the annotator's note."""
import csv
import json
import re

import labels
from common import BUILD_DIR, SET_DIR

km = json.load(open(BUILD_DIR / "key_map.json", encoding="utf-8"))["named"]
port = {r["crm_id"]: r for r in csv.DictReader(open(SET_DIR / "portfolio.csv", encoding="utf-8"))}


def order(i):
    cat, rest = i.split("/")
    return (cat != "ekonomi", cat, int(re.search(r"\((\d+)\)", rest).group(1)))


lines = ["# Labels with the annotator's notes (generated from build/labels.py)", "",
         "| document | crm_id | company | types | note |", "|---|---|---|---|---|"]
for i in sorted(labels.L, key=order):
    if not labels.L[i]:
        lines.append(f"| `{i}` | – | (no portfolio company) | | |")
    for key, types, note in labels.L[i]:
        crm = km[key]
        note = note.replace("|", "/").replace("\n", " ")
        lines.append(f"| `{i}` | {crm} | {port[crm]['legal_name']} | {', '.join(types)} | {note} |")
lines += ["", "## Read but left out", "", "| document | reason |", "|---|---|"]
for i in sorted(labels.SKIPPED, key=order):
    lines.append(f"| `{i}` | {labels.SKIPPED[i]} |")
(BUILD_DIR / "labels_table.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(len(lines), "lines")
