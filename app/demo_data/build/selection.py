"""Hand-made choices behind the demo data: which TTC-3600 articles, which companies, which labels.

Every choice here was checked by reading the texts (see expected.md for the reasons).
Signal types follow the labelling rules of DESIGN.md.
"""

# --------------------------------------------------------------------------- articles
# (TTC-3600 file number in category "ekonomi", feed number).  Near-duplicate stories
# (the same news from two outlets) are split over the two feeds on purpose, so that
# story clustering across sources can be seen in the demo.
ARTICLES = [
    (3, 1), (516, 2),          # TürkAkım permit (Gazprom/BOTAŞ), two outlets
    (114, 1), (126, 2),        # TANAP: SOCAR sells 29 % to BP, Statoil, Total
    (586, 1), (363, 2),        # HSBC to sell its Turkish operations
    (125, 1), (111, 2),        # Arçelik ISO 50001 certificate
    (546, 1), (341, 2), (453, 2),  # ISO 500 ranking 2014
    (61, 1), (86, 2),          # DHMİ airport terminals
    (259, 1), (269, 2),        # Toyota Adapazarı investment
    (73, 1), (100, 2), (255, 1), (284, 2), (481, 1), (504, 2), (498, 1), (144, 2),
    (375, 1), (167, 2),
    (198, 1), (522, 2), (366, 1), (251, 2), (361, 1), (383, 2), (589, 1), (82, 2),
    (345, 1), (133, 1), (163, 2), (180, 1), (95, 2), (173, 1), (501, 2), (490, 1),
    (563, 2), (529, 1), (548, 2), (78, 1), (83, 2), (84, 1), (77, 2), (340, 1),
    (281, 2), (389, 1),
]

# --------------------------------------------------------------------------- companies
# Turkish companies named in the selected articles.  ``fortune`` = list position in
# fortune_turkiye_500_2016.csv (legal name, sector, city taken from there); ``bist`` =
# ticker in bist_companies.csv (legal name = BIST name + " A.Ş." when not in Fortune).
# Aliases are the short names the news uses; left empty where the short name is simply
# the first word of the legal name.
TR_COMPANIES = [
    dict(key="botas", fortune=1, aliases=[]),
    dict(key="tupras", fortune=2, bist="TUPRS", aliases=["Tüpraş"]),
    dict(key="petrolofisi", fortune=3, aliases=["Petrol Ofisi"]),
    dict(key="thy", fortune=4, bist="THYAO", aliases=["THY", "Türk Hava Yolları"]),
    dict(key="opet", fortune=7, aliases=[]),
    dict(key="bim", fortune=8, bist="BIMAS", aliases=["BİM"]),
    dict(key="fordotosan", fortune=9, bist="FROTO", aliases=["Ford Otosan"]),
    dict(key="turktelekom", fortune=11, bist="TTKOM", aliases=["Türk Telekom"]),
    dict(key="arcelik", fortune=12, bist="ARCLK", aliases=[]),
    dict(key="turkcell", fortune=13, bist="TCELL", aliases=[]),
    dict(key="enka", fortune=14, bist="ENKAI", aliases=[]),
    dict(key="erdemir", fortune=15, bist="EREGL", aliases=["Erdemir", "Ereğli Demir Çelik"]),
    dict(key="anadoluefes", fortune=17, bist="AEFES", aliases=["Anadolu Efes"]),
    dict(key="tofas", fortune=18, bist="TOASO", aliases=[], contact="no_credit_offers"),
    dict(key="migros", fortune=19, bist="MGROS", aliases=[]),
    dict(key="euas", fortune=24, aliases=["Elektrik Üretim A.Ş."]),
    dict(key="aygaz", fortune=25, bist="AYGAZ", aliases=[]),
    dict(key="icdas", fortune=29, aliases=[]),
    dict(key="petkim", fortune=33, bist="PETKM", aliases=[]),
    dict(key="carrefoursa", fortune=35, bist="CRFSA", aliases=[]),
    dict(key="pegasus", fortune=38, bist="PGSUS", aliases=[]),
    dict(key="dhmi", fortune=42, aliases=["DHMİ"]),
    dict(key="teknosa", fortune=43, bist="TKNSA", aliases=[]),
    dict(key="turktraktor", fortune=45, bist="TTRAK", aliases=["Türk Traktör"]),
    dict(key="ulker", fortune=46, bist="ULKER", aliases=["Ülker"]),
    dict(key="borusanoto", fortune=50, aliases=["Borusan Otomotiv"]),
    dict(key="aselsan", fortune=54, bist="ASELS", aliases=[]),
    dict(key="tavinsaat", fortune=57, aliases=["TAV İnşaat"]),
    dict(key="aksa", fortune=76, bist="AKSA", aliases=["Aksa"]),
    dict(key="koton", fortune=83, bist="KOTON", aliases=[]),
    dict(key="tpao", fortune=84, aliases=["TPAO"]),
    dict(key="boyner", fortune=87, aliases=[]),
    dict(key="bimeks", fortune=100, aliases=[]),
    dict(key="otokar", fortune=113, bist="OTKAR", aliases=[]),
    dict(key="borusanloj", fortune=115, aliases=["Borusan Lojistik"]),
    dict(key="mavi", fortune=152, bist="MAVI", aliases=[]),
    dict(key="beymen", fortune=172, aliases=[]),
    dict(key="hurriyet", fortune=266, bist="HURGZ", aliases=[]),
    dict(key="zorlu", fortune=274, bist="ZOREN", aliases=[]),
    dict(key="aymarka", fortune=302, aliases=["Ay Marka"]),
    dict(key="sirikci", fortune=344, aliases=["Şirikçioğlu"]),
    dict(key="galatasaray", fortune=437, bist="GSRAY", aliases=[]),
    dict(key="egeseramik", fortune=471, bist="EGSER", aliases=[]),
    dict(key="fenerbahce", fortune=477, bist="FENER", aliases=[]),
    dict(key="katmerciler", fortune=490, bist="KATMR", aliases=[]),
    # Not in the Fortune list (banks, holdings, real-estate trusts, clubs): BIST only.
    dict(key="akbank", bist="AKBNK", aliases=[]),
    dict(key="garanti", bist="GARAN", aliases=["Garanti"]),
    dict(key="halkbank", bist="HALKB", aliases=[]),
    dict(key="vakifbank", bist="VAKBN", aliases=[]),
    dict(key="yapikredi", bist="YKBNK", aliases=["Yapı Kredi", "YKB"]),
    dict(key="isbank", bist="ISCTR", aliases=[]),
    dict(key="isgyo", bist="ISGYO", aliases=["İş Gayrimenkul Yatırım Ortaklığı"]),
    dict(key="sekerbank", bist="SKBNK", aliases=[]),
    dict(key="sisecam", bist="SISE", aliases=["Şişe Cam"]),
    dict(key="koc", bist="KCHOL", aliases=["Koç Grubu", "Koç Topluluğu"]),
    dict(key="sabanci", bist="SAHOL", aliases=[]),
    dict(key="dogan", bist="DOHOL", aliases=[]),
    dict(key="sinpas", bist="SNGYO", aliases=["Sinpaş", "Sinpaş GYO"], status="closed"),
    dict(key="torunlar", bist="TRGYO", aliases=[]),
    dict(key="emlakkonut", bist="EKGYO", aliases=["Emlak Konut"]),
    dict(key="eyg", bist="EYGYO", aliases=[]),
    dict(key="tavholding", bist="TAVHL", aliases=["TAV", "TAV Grubu"]),
    dict(key="besiktas", bist="BJKAS", aliases=[]),
    dict(key="trabzonspor", bist="TSPOR", aliases=[]),
    dict(key="afyon", bist="AFYON", aliases=[]),
    dict(key="turcas", bist="TRCAS", aliases=[]),
    dict(key="isdemir", bist="ISDMR", aliases=["İsdemir"]),
    dict(key="icbcturkey", bist="ICBCT", aliases=["Tekstilbank"]),
]

# SEC-listed companies: first the foreign companies named in the Turkish articles
# (they carry the only fine / asset-sale signals of the corpus), then the companies the
# English feeds are about.  ``sec`` = ticker in sec_company_tickers.json (legal name =
# the SEC title, kept exactly as the SEC spells it).
US_COMPANIES = [
    dict(key="toyota", sec="TM", aliases=[], contact="no_credit_offers|no_phone"),
    dict(key="lloyds", sec="LYG", aliases=["Lloyds"]),
    dict(key="ing", sec="ING", aliases=["ING Bank"]),
    dict(key="hsbc", sec="HSBC", aliases=[]),
    dict(key="omv", sec="OMVKY", aliases=["OMV"]),
    # Slack Technologies was delisted in 2021 (bought by Salesforce), so it is not in the
    # 2025 SEC file; name and ticker as the 2019 Google Alerts feed gives them.
    dict(key="slack", legal_name="Slack Technologies, Inc.", ticker="WORK", aliases=["Slack"]),
    dict(key="alphabet", sec="GOOGL", aliases=["Google", "Gmail"]),
    dict(key="apple", sec="AAPL", aliases=["iPhone", "iPad", "iTunes"]),
    dict(key="microsoft", sec="MSFT", aliases=[]),
    dict(key="meta", sec="META", aliases=["Facebook"]),
    dict(key="angi", sec="ANGI", aliases=["Angie's List"]),
    dict(key="blackberry", sec="BB", aliases=["RIM", "Research In Motion", "BBM"]),
    dict(key="taketwo", sec="TTWO", aliases=["Take-Two", "Rockstar Games"]),
    dict(key="block", sec="XYZ", aliases=["Square"]),
    dict(key="nokia", sec="NOK", aliases=[]),
    dict(key="asana", sec="ASAN", aliases=[]),
    dict(key="ooma", sec="OOMA", aliases=[]),
    dict(key="spotify", sec="SPOT", aliases=[]),
    dict(key="snap", sec="SNAP", aliases=["Snapchat"]),
    dict(key="ibm", sec="IBM", aliases=["IBM"]),
    dict(key="verizon", sec="VZ", aliases=[]),
]
US_MENTIONED_IN_TR = {"toyota", "lloyds", "ing", "hsbc", "omv"}

TR_MANAGERS = ["ayse.yilmaz@bank.example", "mehmet.demir@bank.example", "elif.kaya@bank.example"]
US_MANAGERS = ["john.smith@bank.example", "sarah.jones@bank.example"]

# Distractors: companies from the same lists that the selected texts do not name.
DISTRACTORS_FORTUNE = 110
DISTRACTORS_BIST = 70
DISTRACTORS_SEC = 120

# --------------------------------------------------------------------------- labels
# TTC number -> [(company key, [signal types], note)].  Every portfolio company the text
# names is listed (DESIGN.md "Labelled documents"); an empty list means linked, no signal.
ISO500 = ["tupras", "fordotosan", "arcelik", "euas", "icdas", "isdemir", "erdemir", "tofas", "aygaz"]

LABELS = {
    3: [("botas", [], "MoU with Gazprom (Dec 2014) is background; the permit is for Gazprom's engineering work, no firm BOTAŞ investment")],
    516: [("botas", [], "same story as 3"),
          ("hurriyet", [], "source credit '( Hürriyet )'")],
    114: [("botas", [], "TANAP partner; the seller is SOCAR (not in portfolio), buyers BP/Statoil/Total get no type"),
          ("tpao", [], "TANAP partner")],
    126: [("botas", [], "same story as 114"), ("tpao", [], "TANAP partner"),
          ("petkim", [], "only as 'Petkim'i satın alan Socar' (a company taken over is not an asset sale)")],
    586: [("hsbc", ["asset_sale"], "HSBC will sell its Turkish and Brazilian operations to shrink assets"),
          ("ing", [], "'ING Bank' named as an interested buyer (buyer, and only reported)"),
          ("icbcturkey", [], "'Tekstilbank'ı satın alan Çinli ICBC': Tekstilbank (ICBC Turkey Bank since 2015) was taken over, no type")],
    363: [("hsbc", [], "only HSBC Türkiye CEO's statement and earlier reports of buyer interest; the sale decision itself is not stated"),
          ("ing", [], "interested buyer, reported"),
          ("icbcturkey", [], "as in 586")],
    125: [("arcelik", [], "ISO 50001 certificate; note 'Arçelik\u2019e' is written with U+0092 in the corpus")],
    111: [("arcelik", [], "same story as 125")],
    546: [(k, [], "ISO 500 ranking (sales figures only)") for k in ISO500]
         + [("koc", [], "'5 Koç Grubu şirketi'")],
    341: [("tupras", [], "ISO 500 ranking"), ("fordotosan", [], "ISO 500 ranking")],
    453: [(k, [], "ISO 500 ranking (named e.g. 'Ford Otomotiv', 'Elektrik Üretim A.Ş.', 'İskenderun Demir Çelik')") for k in ISO500],
    61: [("dhmi", ["expansion_tender", "investment_statement"],
          "DHMİ tendered the new 257 M TL Diyarbakır terminal (5 firms invited to bid); land handed over by the Defence Ministry is not a purchase")],
    86: [("dhmi", ["capacity_increase", "expansion_tender"],
          "Elazığ terminal finished (150k -> 2M passengers/yr); Bodrum international terminal built after DHMİ's 2006 international tender (background); 'Esenboğa' is the airport")],
    259: [("toyota", ["investment_statement"],
           "Toyota Europe's CEO: decided to invest and raise output at the Adapazarı plant; he calls Nikkei's SUV model/amount report speculative, so model and amount stay rumour"),
          ("hurriyet", [], "'Hürriyet Gazetesinin de gündeme getirdiği'")],
    269: [("toyota", ["investment_statement"],
           "investment in the Adapazarı plant, +100k vehicles/yr from 2016 (capacity_increase arguable: planned, not yet built)")],
    73: [("sinpas", ["investment_statement"],
          "'Önümüzdeki iki yılda Ankara'ya 400 milyon TL'lik yatırım yapacağız'; portfolio status closed, so alerts are suppressed. 'mavinin' (blue) is not Mavi"),
         ("hurriyet", [], "'Hürriyet Gazetesinde yaptığı bir konuşma'")],
    100: [("isgyo", ["investment_statement", "land_purchase"],
           "Ege Perla, 150 M USD, foundation laid; 'arazisini 2008 yılında İş Bankasından aldık' (past purchase, told as background); 'Ege Perla' is the project, not Ege Seramik"),
          ("isbank", ["asset_sale"], "sold the 18,500 m2 plot to İş GYO in 2008 (background)")],
    255: [("tofas", ["investment_statement"],
           "officially announced 1.4 bn USD for 4 new models in Bursa; portfolio contact preference no_credit_offers"),
          ("koc", [], "'Koç Holding'le ortak', 'Koç Topluluğu', 'Koç Grubu': partner, the investment is Tofaş's"),
          ("hurriyet", [], "'Hürriyet'in mayıs ayında ... duyurup'")],
    284: [("borusanoto", ["investment_statement"],
           "Ataşehir showroom opened with a 5.5 M EUR investment (land excluded); Jaguar sales plan is not an investment")],
    481: [("sirikci", ["investment_statement", "capacity_increase"],
           "two plants (15 M + 50 M EUR) on a 50-dönüm plot in Türkoğlu; yarn output 500 -> 2,000 t/month. No plot purchase stated. The text names 'Şirikçioğlu Tekstil Sanayi İşletmeleri A.Ş.'; the CRM row is the group's Fortune-500 company")],
    504: [("carrefoursa", ["investment_statement"],
           "first Samsun hypermarket (its 30th) opened as part of the investment plan")],
    498: [("teknosa", ["investment_statement"],
           "over 20 new stores planned for 2015, 3 in İzmir (two named); tree planting is CSR; 'Mavibahçe' is a mall, not Mavi"),
          ("sabanci", [], "'Sabancı Holding olarak'")],
    144: [("thy", ["capacity_increase"],
           "200th aircraft delivered (fleet capacity added; 'THY Teknik' hangar). Boeing is not in the portfolio; 'kaptan pilot', 'Gürkan Onur' are not companies")],
    375: [("lloyds", ["fine"],
           "FCA fined 'Lyods Banking Group' 117 M GBP; the source misspells the name (fuzzy match needed). The state's plan to sell its stake is not Lloyds' asset sale")],
    167: [("ing", ["fine"], "Reklam Kurulu fined ING Bank 220k TL; ING contests it, the fine is still reported as fact")],
    198: [("aksa", [], "the lawsuit is against the Ministry (EIA approval), not Aksa; the planned carbon-fibre capacity increase was halted by the court. 'adaglar@hurriyet.com.tr' is an address, not a mention")],
    522: [("boyner", [], "'Boyner Büyük Mağazacılık' shares bought (buyer); Boyner Perakende's share issue to Mayhoola and Boyner Holding's loan are never a type"),
          ("beymen", [], "'Beymen Mağazacılık' shares bought from Fennella (buyer side)"),
          ("aymarka", [], "the Ay Marka stake sale process was cancelled")],
    366: [("petkim", [], "the cancelled sale is of a shareholder's (SOCAR Türkiye) Petkim shares, not by Petkim")],
    251: [("omv", ["asset_sale"], "OMV sold its 36% stake in the Bina Bavi gas field to Genel Energy for 150 M USD (said by the buyer)"),
          ("petrolofisi", [], "named only as the company OMV is the main shareholder of: the seller is OMV AG, not OMV Petrol Ofisi")],
    361: [("tofas", [], "workers' sit-in over dismissals: layoffs are never a type")],
    383: [("tofas", [], "80 workers dismissed; 'soruşturma yapılmaması' is the workers' demand. 'Bosch' is Bosch Sanayi, not in the portfolio")],
    589: [("katmerciler", [], "share price fall, police vehicle sales contracts and a 2013 loss: none is a type")],
    82: [("turktraktor", [], "won TİGEM's tractor tender (a contractor/seller gets no type)")],
    345: [(k, [], "brand-value ranking" + (" ('OMV Petrol Ofisi' is not OMV AG)" if k == "petrolofisi" else "")) for k in [
        "akbank", "turktelekom", "isbank", "thy", "garanti", "arcelik", "turkcell", "yapikredi", "bim",
        "anadoluefes", "halkbank", "petrolofisi", "sekerbank", "galatasaray", "fenerbahce", "besiktas",
        "trabzonspor", "opet", "aygaz", "tavholding", "aselsan", "hurriyet", "boyner", "otokar",
        "egeseramik", "ulker", "vakifbank", "enka", "sisecam", "migros", "fordotosan"]],
    133: [("koc", [], "board member receives a plaque ('Rahmi M. Koç Müzesi' is a museum)"),
          ("koton", [], "award"), ("arcelik", [], "award"), ("teknosa", [], "award"),
          ("mavi", [], "award ('İnci' is a shoe brand, not İnci GS Yuasa)")],
    163: [("bim", [], "discount chain named with A101")],
    180: [("yapikredi", [], "DTİ's loan from Yapı Kredi ('YKB') is ordinary financing; DTİ is not in the portfolio")],
    95: [("turktelekom", [], "management change at subsidiary TTNet")],
    173: [("turkcell", [], "dividend payment: never a type")],
    501: [("pegasus", [], "ticket currency switched from euro to dollar")],
    490: [("torunlar", [], "event at Mall of İstanbul; LCW, Penti, Colins are not in the portfolio")],
    563: [("emlakkonut", [], "housing sold by lot"), ("eyg", [], "market study"),
          ("hurriyet", [], "'Hürriyet'ten Gülistan Alagöz'ün haberine göre'; 'Beşiktaş' here is the district, not Beşiktaş JK")],
    529: [("koc", [], "chairman's views on the coalition"), ("hurriyet", [], "source credit '(Hürriyet/Elif Ergu)'")],
    548: [(k, [], "most-traded shares (price moves are never a type)") for k in
          ["garanti", "halkbank", "vakifbank", "akbank", "afyon"]],
    78: [("borusanloj", [], "Borusan Lojistik bought Balnak: the buyer gets no type")],
    83: [("aselsan", [], "CMMI certificate; the 'ihaleler' are tenders abroad it may bid for")],
    84: [("turkcell", [], "call-centre awards; 'İŞKUR' is the employment agency, not İŞKUR İplik")],
    77: [("dogan", [], "corporate-governance rating: ratings are never a type")],
    340: [("tavholding", [], "'TAV Grubu' CEO ranked in a list"), ("tavinsaat", [], "'TAV İnşaat' statement")],
    281: [("enka", [], "talks on an Israeli gas pipeline are inconclusive: no firm plan"), ("turcas", [], "same"),
          ("zorlu", [], "same; 'merdil@hurriyet.com.tr' is only an address")],
    389: [("bimeks", [], "brand ranking, past acquisitions (buyer) and a JCR rating")],
}

# --------------------------------------------------------------------------- English feeds
# Informational list for expected.md: which portfolio companies (@key) each English item is
# about.  Nothing in these two feeds carries a signal under DESIGN.md's rules (IPOs,
# product launches, insider share sales, funding rounds, earnings).
EN_NOTES = [
    ("TechCrunch.xml", "Angie's List Sets Price Range IPO", "@angi", "IPO as such: no type"),
    ("TechCrunch.xml", "Google Launches Native Gmail App For iPhone", "@alphabet (Google, Gmail), @apple (iPhone, iPad); @meta (Facebook) in passing", "product launch"),
    ("TechCrunch.xml", "Maybe BBM Music Isn't So Silly After All", "@blackberry (RIM, BBM); iOS/Android in passing", ""),
    ("TechCrunch.xml", "Ex-Google Reader Product Manager Posts Scathing Review", "@alphabet; @meta (Facebook) in passing", ""),
    ("TechCrunch.xml", "Here's The First GTA:V Trailer", "@taketwo (Rockstar Games)", ""),
    ("TechCrunch.xml", "Take A Peek At China's Version Of The Motorola Droid RAZR", "@verizon in passing (Motorola Mobility is not in the portfolio; Motorola Solutions is a different company)", ""),
    ("TechCrunch.xml", "Gigya Launches Platform", "@meta (Facebook) in passing", ""),
    ("TechCrunch.xml", "Womply's New Deals Startup", "@meta (Facebook login), @alphabet (Google Offers) in passing", ""),
    ("TechCrunch.xml", "Cloudera Founder Debuts ... WibiData", "@alphabet (Google) in passing", ""),
    ("TechCrunch.xml", "Video: Toyota Shows Four Healthcare And Nursing Robots", "@toyota", "'considers commercializing ... after 2013': hypothetical, no type"),
    ("TechCrunch.xml", "BBM Music App Goes Live In BlackBerry App World", "@blackberry", ""),
    ("TechCrunch.xml", "Square's Card Case iOS App", "@block (Square); @apple (iOS) in passing", ""),
    ("TechCrunch.xml", "Agari, Loiloscope 2, Monster/SDJ, Gilt City/BuyWithMe, AOL's Tim Armstrong", "none (Cisco, Windows PCs, Groupon in passing; AOL is not in the SEC file)", ""),
    ("TechCrunch.xml", "Nokia Strikes Supplier Deal With ST-Ericsson", "@nokia, @microsoft (Windows Phone)", "supply deal: no type"),
    ("TechCrunch.xml", "Facebook Cofounder's Productivity Startup Asana Launches", "@asana, @meta (Facebook); @alphabet (Google) in passing", "launch"),
    ("TechCrunch.xml", "Ooma Invades Canada", "@ooma; @apple (iPhone app) in passing", "market entry, not an investment statement"),
    ("google_alerts_atom.xml", "Slack (NASDAQ:WORK) ... Sells ... Shares (8 items), Slack Stock Has a Compelling Story, Slack Technologies ... Cash Flow", "@slack", "insider share sales and stock talk: no type"),
    ("google_alerts_atom.xml", "Recode Daily: Slack has a Snap problem", "@slack, @microsoft (Teams), @meta (Facebook), @snap (Snapchat)", ""),
    ("google_alerts_atom.xml", "Latest research shows Microsoft Teams is stomping Slack", "@microsoft, @slack", ""),
    ("google_alerts_atom.xml", "Global Enterprise Collaboration Software Market 2019 IBM ... Microsoft ... Slack", "@ibm, @microsoft, @slack", "market report"),
    ("google_alerts_atom.xml", "Slack and Spotify debuts tempt companies", "@slack, @spotify", "direct listing = IPO as such"),
    ("google_alerts_atom.xml", "Automotive Slack Market (3 items), Slack Wax Market, Pineview ... (Brayden Slack), Citrus Heights ... (slack in his uniform)", "none: 'slack' is a word, a product category or a surname", "linking negatives"),
]
