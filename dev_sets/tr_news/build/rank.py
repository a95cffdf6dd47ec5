"""Annotator aid: rank texts by candidate-name hits (noise words ignored) to choose what to read."""
import json, sys
NOISE = set("""dunya devlet bizim arti hat aras ekim bolu gunes man kap hedef odas galeri kent konya saray osmanli norm selcuk
ulas isik yesil yaris orma kayse lider vatan hareket gelecek ozkan firat deva kahraman destek guler ilhan asil arena beyaz
ipek seker birlik koruma marka ulusoy mars halil emek kontr bayrak yunus aksu premier baskent marti inci net eroglu marmara alka
kartal dagi platform turkmen yigit balikesir ufuk kron nadir tepe esen menderes cagdas turker kerim usak taha reka uyum ersu
karakas metal kaptan koleksiyon koray royal gursel bahadir girisim kutahya denge metro gold bera onur unlu sabah""".split())


def main():
    d = json.load(open("candidates.json"))
    cat = sys.argv[1] if len(sys.argv) > 1 else "ekonomi"
    rows = []
    for k, v in d.items():
        if v["cat"] != cat: continue
        good = [h for h in v["hits"] if h not in NOISE]
        rows.append((len(good), len(v["cues"]), k, good))
    rows.sort(reverse=True)
    for r in rows:
        print(r[0], r[1], r[2], "|", ", ".join(r[3])[:200])


if __name__ == "__main__":
    main()
