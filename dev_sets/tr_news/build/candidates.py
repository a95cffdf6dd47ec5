"""Annotator aid: list candidate company names and signal cue words per TTC-3600 text.

Nothing here decides a label.  The output (``build/candidates.tsv`` and the per-text
printouts of ``show.py``) only points the annotator at names and sentences to read.

usage: candidates.py            -> writes build/candidates.json
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from common import BUILD_DIR, core_name, demo_ids, fold, load_bist, load_fortune, load_sec, load_ttc

# Short names, acronyms and brands the news uses (curated by the annotator) -> hint text.
EXTRA = {
    "thy": "THY", "türk hava yolları": "THY", "turkish airlines": "THY", "anadolujet": "THY brand",
    "tüpraş": "Tüpraş", "şişecam": "Şişecam", "şişe cam": "Şişecam", "erdemir": "Erdemir",
    "isdemir": "İsdemir", "türk telekom": "Türk Telekom", "ttnet": "Türk Telekom sub", "avea": "Türk Telekom sub",
    "vodafone": "Vodafone", "turkcell": "Turkcell", "botaş": "BOTAŞ", "tcdd": "TCDD", "tpao": "TPAO",
    "eüaş": "EÜAŞ", "teiaş": "TEİAŞ", "tedaş": "TEDAŞ", "ptt": "PTT", "dhmi": "DHMİ", "halkbank": "Halkbank",
    "ziraat": "Ziraat", "vakıfbank": "VakıfBank", "garanti": "Garanti", "akbank": "Akbank",
    "iş bankası": "İş Bankası", "yapı kredi": "Yapı Kredi", "denizbank": "DenizBank", "finansbank": "Finansbank",
    "ing bank": "ING", "hsbc": "HSBC", "şekerbank": "Şekerbank", "teb": "TEB", "odeabank": "Odeabank",
    "bank asya": "Bank Asya", "kuveyt türk": "Kuveyt Türk", "albaraka": "Albaraka", "türkiye finans": "Türkiye Finans",
    "eximbank": "Türk Eximbank", "tskb": "TSKB", "kalkınma bankası": "Kalkınma Bankası",
    "koç": "Koç", "sabancı": "Sabancı", "doğan": "Doğan", "ülker": "Ülker", "yıldız holding": "Yıldız",
    "anadolu grubu": "Anadolu Grubu", "şok": "Şok", "migros": "Migros", "bim": "BİM", "a101": "A101",
    "carrefour": "CarrefourSA", "teknosa": "Teknosa", "vestel": "Vestel", "arçelik": "Arçelik", "beko": "Arçelik brand",
    "ford": "Ford", "tofaş": "Tofaş", "fiat": "Fiat", "renault": "Renault/Oyak", "oyak": "OYAK", "toyota": "Toyota",
    "hyundai": "Hyundai", "mercedes": "Mercedes", "daimler": "Daimler", "volkswagen": "VW", "bmw": "BMW",
    "otokar": "Otokar", "karsan": "Karsan", "bmc": "BMC", "aselsan": "Aselsan", "roketsan": "Roketsan",
    "tusaş": "TUSAŞ", "tai": "TAI", "havelsan": "Havelsan", "mke": "MKE", "tav": "TAV", "pegasus": "Pegasus",
    "onur air": "Onur Air", "sunexpress": "SunExpress", "atlasglobal": "Atlasglobal", "limak": "Limak",
    "kalyon": "Kalyon", "cengiz": "Cengiz", "kolin": "Kolin", "mapa": "Mapa", "enka": "Enka", "rönesans": "Rönesans",
    "ictas": "İçtaş", "içtaş": "İçtaş", "zorlu": "Zorlu", "eczacıbaşı": "Eczacıbaşı", "borusan": "Borusan",
    "petrol ofisi": "POAŞ", "opet": "Opet", "shell": "Shell", "bp": "BP", "total": "Total", "socar": "SOCAR",
    "petkim": "Petkim", "star rafineri": "SOCAR", "aygaz": "Aygaz", "ipragaz": "İpragaz", "igdaş": "İGDAŞ",
    "başkentgaz": "Başkentgaz", "enerjisa": "Enerjisa", "akenerji": "Akenerji", "aksa enerji": "Aksa Enerji",
    "gazprom": "Gazprom", "rosatom": "Rosatom", "tanap": "TANAP project", "apple": "Apple", "google": "Alphabet",
    "microsoft": "Microsoft", "facebook": "Meta", "twitter": "Twitter", "samsung": "Samsung", "sony": "Sony",
    "nokia": "Nokia", "intel": "Intel", "ibm": "IBM", "amazon": "Amazon", "uber": "Uber", "tesla": "Tesla",
    "general electric": "GE", "siemens": "Siemens", "boeing": "Boeing", "airbus": "Airbus", "coca-cola": "Coca-Cola",
    "coca cola": "Coca-Cola", "pepsi": "PepsiCo", "nestle": "Nestlé", "unilever": "Unilever", "mcdonald": "McDonald's",
    "starbucks": "Starbucks", "ikea": "IKEA", "turkuvaz": "Turkuvaz", "hürriyet": "Hürriyet", "sabah": "Sabah?",
    "habertürk": "Habertürk", "dogan yayın": "Doğan Yayın", "tekel": "Tekel", "jti": "JTI", "philip morris": "PM",
    "British American": "BAT", "kardemir": "Kardemir", "çimsa": "Çimsa", "akçansa": "Akçansa", "brisa": "Brisa",
    "kordsa": "Kordsa", "aksa": "Aksa", "sasa": "Sasa", "tat gıda": "Tat", "pınar": "Pınar", "sütaş": "Sütaş",
    "banvit": "Banvit", "torku": "Torku", "eti": "Eti", "tukaş": "Tukaş", "mavi": "Mavi", "lc waikiki": "LCW",
    "koton": "Koton", "boyner": "Boyner", "beymen": "Beymen", "defacto": "DeFacto", "flo": "FLO",
    "emlak konut": "Emlak Konut", "toki": "TOKİ", "ağaoğlu": "Ağaoğlu", "sinpaş": "Sinpaş", "torunlar": "Torunlar",
    "nurol": "Nurol", "doğuş": "Doğuş", "fiba": "Fiba", "yaşar": "Yaşar", "eti maden": "Eti Maden",
    "türkiye taşkömürü": "TTK", "ttk": "TTK", "çaykur": "ÇAYKUR", "tmo": "TMO", "tigem": "TİGEM",
    "turkish cargo": "THY", "istanbul havalimanı": "airport", "iga": "İGA", "ipek yolu": "?",
    "bosch": "Bosch", "bsh": "BSH", "indesit": "Indesit", "whirlpool": "Whirlpool", "philips": "Philips",
    "lg": "LG", "huawei": "Huawei", "ericsson": "Ericsson", "netaş": "Netaş", "logo": "Logo Yazılım",
    "türksat": "Türksat", "digiturk": "Digiturk", "tivibu": "Türk Telekom brand", "superonline": "Turkcell sub",
    "yemeksepeti": "Yemeksepeti", "hepsiburada": "Hepsiburada", "n11": "n11", "gittigidiyor": "eBay",
    "ebay": "eBay", "paypal": "PayPal", "visa": "Visa", "mastercard": "Mastercard", "bkm": "BKM", "borsa istanbul": "BIST",
    "takasbank": "Takasbank", "kap": "KAP", "iett": "İETT", "ido": "İDO", "ibb": "İBB", "kiptaş": "KİPTAŞ",
    "ttc": "?", "yandex": "Yandex", "alibaba": "Alibaba", "xiaomi": "Xiaomi", "lenovo": "Lenovo",
    "volvo": "Volvo", "scania": "Scania", "man ": "MAN", "isuzu": "Isuzu", "honda": "Honda", "nissan": "Nissan",
    "peugeot": "PSA", "opel": "GM", "general motors": "GM", "chrysler": "FCA", "audi": "VW", "porsche": "VW",
    "lufthansa": "Lufthansa", "emirates": "Emirates", "qatar": "Qatar", "ryanair": "Ryanair",
    "deutsche bank": "Deutsche Bank", "goldman": "Goldman", "jp morgan": "JPM", "morgan stanley": "MS",
    "citi": "Citi", "barclays": "Barclays", "ubs": "UBS", "credit suisse": "CS", "bnp": "BNP", "sberbank": "Sberbank",
    "moody": "Moody's (rating agency)", "fitch": "Fitch", "standard & poor": "S&P", "s&p": "S&P",
    "bloomberg": "Bloomberg", "reuters": "Reuters", "anadolu ajansı": "AA", "ereğli": "Erdemir", "kardemir": "Kardemir",
}

STOP_FIRST = {
    "turkiye", "turk", "istanbul", "ankara", "izmir", "bursa", "antalya", "adana", "konya", "kocaeli", "gaziantep",
    "kayseri", "mersin", "trabzon", "samsun", "denizli", "manisa", "sakarya", "global", "yeni", "mega", "dunya",
    "ozel", "genel", "merkez", "milli", "ulusal", "avrupa", "asya", "anadolu", "ege", "marmara", "akdeniz", "karadeniz",
    "dogu", "bati", "kuzey", "guney", "orta", "buyuk", "kucuk", "altin", "gumus", "demir", "celik", "enerji", "gida",
    "tekstil", "yapi", "insaat", "otomotiv", "elektrik", "petrol", "kimya", "tarim", "saglik", "finans", "yatirim",
    "holding", "grup", "group", "the", "first", "american", "united", "national", "international", "general", "new",
    "bank", "banka", "sanayi", "ticaret", "dis", "ic", "eko", "net", "pro", "star", "sun", "one", "plus", "park",
    "ata", "oz", "can", "tek", "is", "hat", "kent", "yol", "ak", "polat", "akin", "yildiz", "kale", "ulker",
    "dogan", "koc", "ozturk", "kaya", "sahin", "aydin", "celebi", "acar", "arslan", "metro", "trend", "smart",
    "digital", "data", "energy", "capital", "real", "royal", "pacific", "atlantic", "first", "american", "city",
    "alarko", "cemtas", "best", "hedef", "vakif", "halk", "emlak", "deniz", "hava", "kara", "tas", "su", "gaz",
    "pet", "oto", "lider", "marka", "alfa", "beta", "delta", "inter", "euro", "trans", "medya", "medical",
    "bilisim", "teknoloji", "sistem", "enerjisa", "avrasya", "ortadogu", "bogazici", "nuh", "adel", "beyaz",
}


def build_index():
    """key (folded) -> set of hint strings."""
    idx: dict[str, set[str]] = defaultdict(set)
    for pos, r in load_fortune().items():
        core = core_name(r["name"])
        hint = f"F{pos}:{r['name']}"
        idx[core].add(hint)
        words = core.split()
        if len(words) >= 2:
            idx[" ".join(words[:2])].add(hint)
        if words and len(words[0]) >= 4 and words[0] not in STOP_FIRST:
            idx[words[0]].add(hint)
    for t, r in load_bist().items():
        core = core_name(r["name"])
        hint = f"B:{t}:{r['name']}"
        idx[core].add(hint)
        words = core.split()
        if words and len(words[0]) >= 4 and words[0] not in STOP_FIRST:
            idx[words[0]].add(hint)
        idx[fold(t)].add(hint + " (ticker)") if len(t) >= 4 else None
    for i, r in enumerate(load_sec()):
        core = core_name(r["title"])
        if len(core) >= 6:
            idx[core].add(f"S:{r['ticker']}:{r['title']}")
    for k, v in EXTRA.items():
        idx[fold(k).strip()].add(f"X:{v}")
    return idx


CUES = [
    "yatırım", "kapasite", "fabrika", "tesis", "üretim hattı", "teşvik", "ihale", "arsa", "arazi", "satın al",
    "sattı", "satış", "satacak", "özelleştir", "hisse", "ceza", "dava", "soruşturma", "mahkeme", "tahkim",
    "iflas", "konkordato", "icra", "haciz", "iade", "patent", "rekabet kurulu", "bddk", "spk", "epdk", "btk",
    "milyon", "milyar", "kuracak", "açtı", "açacak", "inşa", "temel atma", "temeli",
]


TOK = re.compile(r"[a-z0-9&]+(?:[.\-][a-z0-9&]+)*")


def scan(text, idx):
    f = fold(text)
    toks = [(m.group(), m.start()) for m in TOK.finditer(f)]
    hits = {}
    for i in range(len(toks)):
        for n in range(1, 7):
            if i + n > len(toks):
                break
            words = [t for t, _ in toks[i:i + n]]
            s = toks[i][1]
            last = words[-1]
            for cut in range(0, 6):
                if cut and len(last) - cut < 3:
                    break
                k = " ".join(words[:-1] + [last[:len(last) - cut]])
                if k in idx:
                    if n == 1 and not text[s].isupper():
                        continue
                    hits.setdefault(k, []).append(text[s:s + len(k) + 6])
                    break
    return hits


def main():
    ttc = load_ttc()
    demo = demo_ids()
    idx = build_index()
    out = {}
    for did, rec in ttc.items():
        if did in demo:
            continue
        text = rec["text"]
        hits = scan(text, idx)
        f = fold(text)
        cues = [c for c in CUES if fold(c) in f]
        out[did] = {"cat": rec["category"], "len": len(text),
                    "hits": {k: sorted(idx[k])[:3] + [v[0], len(v)] for k, v in hits.items()}, "cues": cues}
    with open(BUILD_DIR / "candidates.json", "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=0)
    print(len(out), "texts")


if __name__ == "__main__":
    main()
