"""Round 12: Turkish company news and KAP-style disclosures. Plans are not capacity added,
"Şirketimiz" is the company of the disclosure, the company that files a case is not its
defendant, officers probed are their company's case, the holder of what is bought is the
seller, and an inventor's own patent is not the company's. Sentences written for these
tests, not taken from any evaluation set."""

import pytest

from tests.signals.mentions import asserted_types, signal_owners, type_assertions

SISECAM = 1
TURKCELL = 2
KOC = 3
ENKA = 4


# A cue verb's verbal noun before a word of plan ("üretime başlamasını planlıyor"), a
# sentence ending in one ("… yeni fabrikanın … üretime başlamasını hedefliyor"), or a
# participle of plan before the cue ("planlanan kapasite artışı"): a plan, no capacity added.
@pytest.mark.parametrize(
    "text",
    [
        "Şirket, tesisin 2027 yılında üretime başlamasını planlıyor.",
        "Vestel, Manisa'daki yeni televizyon fabrikasında 2026'da üretime başlamayı hedefliyor.",
        "Arçelik, Mısır'da kurduğu yeni fabrikanın 2026 yılında üretime başlamasını hedefliyor.",
        "Yeni hattın 2027 yılının ilk çeyreğinde devreye alınması planlanmaktadır.",
        "Planlanan kapasite artışı sonrasında tesisin kapasitesi 5 bin tona çıkacak.",
        "Ford Otomotiv yeni fabrika hedefi",
    ],
)
def test_planned_production_is_no_capacity_added(classifier, text):
    assert "capacity_increase" not in asserted_types(classifier, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tesis geçen ay üretime başladı.",
        "Fabrikaya yeni hattın kurulmasıyla kapasite yüzde 30 arttı.",
        "Şirketin yeni fabrikası Mayıs'ta açıldı.",
    ],
)
def test_capacity_added_is_still_capacity(classifier, text):
    assert "capacity_increase" in asserted_types(classifier, text)


# For an investment statement a plan is the statement: "kurmayı planlıyor", "kurma planları".
@pytest.mark.parametrize(
    "text",
    [
        "Şirket arsada yeşil hidrojen tesisi kurmayı planlıyor.",
        "Suzuki'nin Hindistan'da 250 bin araç kapasiteli yeni bir fabrika kurma planları "
        "bulunuyor.",
        "Aselsan, Ankara'da yeni bir üretim tesisi kuracak.",
    ],
)
def test_planned_plant_is_an_investment_statement(classifier, text):
    assert "investment_statement" in asserted_types(classifier, text)


def test_considered_plant_is_still_no_investment_statement(classifier):
    text = "Sasa, yurt dışında yeni bir PTA tesisi kurmayı düşünüyor."
    assert "investment_statement" not in asserted_types(classifier, text)


# A new plant's construction put out to tender is not capacity under construction; a
# "hatchback" is no production line ("yeni hat*").
@pytest.mark.parametrize(
    "text",
    [
        "Europen Endüstri, Çorlu'daki yeni fabrikasının inşaatı için ihaleye çıktı.",
        "Tofaş'ın yeni hatchback modeli Eylül'de bayilerde olacak.",
    ],
)
def test_no_capacity_before_the_plant_is_built(classifier, text):
    assert "capacity_increase" not in type_assertions(classifier, text)


# KAP style: the land several words before its verb, and the passive verbal noun of a decision.
@pytest.mark.parametrize(
    "text",
    [
        "Şirketimiz, Bursa OSB'de 85 bin metrekarelik arsayı 420 milyon TL bedelle satın almıştır.",
        "Gebze'deki 12 bin metrekarelik arsanın 85 milyon TL bedelle satın alınmasına karar "
        "verilmiştir.",
    ],
)
def test_disclosed_land_purchase(classifier, text):
    assert "land_purchase" in asserted_types(classifier, text)


def test_sirketimiz_topic_is_the_disclosing_company(classifier):
    text = "Şişecam Özel Durum Açıklaması.\nŞirketimiz, Mersin'deki arsayı satın almıştır."
    owners = signal_owners(
        classifier, text, {"Şişecam": SISECAM}, "land_purchase", previous_sentence=True
    )
    assert owners == {SISECAM}


# "Şirket … dava açacağını açıkladı": the company named in the previous sentence files the
# case; it is the plaintiff, not a defendant.
def test_company_pointed_back_at_files_the_case(classifier):
    text = (
        "BTK, Turkcell'e 60 milyon TL idari para cezası verdi. Şirket cezaya karşı dava "
        "açacağını açıkladı."
    )
    owners = signal_owners(
        classifier, text, {"Turkcell": TURKCELL}, "lawsuit", previous_sentence=True
    )
    assert owners == set()


def test_case_against_company_pointed_back_at(classifier):
    text = "Rekabet Kurulu, Turkcell'e ceza verdi. Şirket hakkında dava açıldı."
    owners = signal_owners(
        classifier, text, {"Turkcell": TURKCELL}, "lawsuit", previous_sentence=True
    )
    assert owners == {TURKCELL}


# A criminal complaint or probe against a company's officers is the company's case.
@pytest.mark.parametrize(
    "text",
    [
        "SPK, Turkcell yöneticileri hakkında suç duyurusunda bulundu.",
        "Savcılık, Turkcell yetkilileri hakkında soruşturma başlattı.",
    ],
)
def test_case_against_officers(classifier, text):
    assert signal_owners(classifier, text, {"Turkcell": TURKCELL}, "lawsuit") == {TURKCELL}


# The holder of what is bought sells it; the buyer gets nothing.
def test_holder_of_bought_shares_is_the_seller(classifier):
    text = "Enka, Koç Holding'in elindeki Ark Enerji hisselerini 30 milyon dolara satın aldı."
    owners = signal_owners(classifier, text, {"Enka": ENKA, "Koç Holding": KOC}, "asset_sale")
    assert owners == {KOC}


# An inventor speaking of their own patents in the first person singular.
@pytest.mark.parametrize(
    "text",
    [
        "Bugüne kadar 23 patentim var, hepsi saç bakımıyla ilgili.",
        "Buluşumu geliştirdim ve ikinci patentli ürünümü piyasaya sundum.",
    ],
)
def test_inventor_patent_is_no_company_patent(classifier, text):
    assert "patent" not in asserted_types(classifier, text)


def test_company_patent_in_the_plural_stays(classifier):
    text = "Patent başvurumuzu geçen yıl yaptık ve tescil aldık."
    assert "patent" in asserted_types(classifier, text)


# "Şirketimiz tarafından … dava açılmıştır": the disclosing company is the agent, the
# plaintiff; "Şirketimiz aleyhine … tarafından": the defendant.
def test_company_as_agent_of_the_case_is_the_plaintiff(classifier):
    text = (
        "Turkcell Özel Durum Açıklaması.\nŞirketimiz tarafından Vodafone aleyhine 50 milyon TL "
        "tazminat davası açılmıştır."
    )
    owners = signal_owners(
        classifier, text, {"Turkcell": TURKCELL}, "lawsuit", previous_sentence=True
    )
    assert owners == set()


def test_company_against_whom_a_probe_is_opened(classifier):
    text = (
        "Turkcell Özel Durum Açıklaması.\nŞirketimiz aleyhine Rekabet Kurulu tarafından "
        "soruşturma açılmıştır."
    )
    owners = signal_owners(
        classifier, text, {"Turkcell": TURKCELL}, "lawsuit", previous_sentence=True
    )
    assert owners == {TURKCELL}


# A share sale told as "payların yüzde 20'sini sattı"; new shares of a rights issue are no
# stake sold.
def test_share_of_stake_sold(classifier):
    text = "Şirketimiz, bağlı ortaklığımız Ark Enerji'deki payların yüzde 20'sini satmıştır."
    assert "asset_sale" in asserted_types(classifier, text)


def test_rights_issue_shares_are_no_stake_sale(classifier):
    text = "Bedelli sermaye artırımında ihraç edilecek yeni payların satışı Mart'ta başlayacak."
    assert "asset_sale" not in type_assertions(classifier, text)


# The contractor of a construction tender gets no type: a bid won or the best offer given,
# a contract with a ministry; the employer named in the genitive keeps the tender.
@pytest.mark.parametrize(
    "text",
    [
        "Enka Özel Durum Açıklaması.\nŞirketimiz, Karayolları Genel Müdürlüğü'nün açtığı "
        "yapım ihalesinde en avantajlı teklifi vermiştir.",
        "Enka Özel Durum Açıklaması.\nŞirketimiz ile Irak Elektrik Bakanlığı arasında "
        "santral inşaat sözleşmesi imzalanmıştır.",
    ],
)
def test_contractor_gets_no_tender(classifier, text):
    owners = signal_owners(
        classifier, text, {"Enka": ENKA}, "expansion_tender", previous_sentence=True
    )
    assert owners == set()


def test_employer_in_the_genitive_keeps_the_tender(classifier):
    text = "Enka, Koç Holding'in İzmit'teki yeni tesisinin yapım ihalesini kazandı."
    owners = signal_owners(classifier, text, {"Enka": ENKA, "Koç Holding": KOC}, "expansion_tender")
    assert owners == {KOC}


# Capacity planned is an investment the company announces; a plan denied is neither.
@pytest.mark.parametrize(
    "text",
    [
        "Şirketimizin Gebze'deki veri merkezi kapasitesinin 2026 yılı sonuna kadar iki katına "
        "çıkarılması planlanmaktadır.",
        "Şirket, tesisin 2027 yılında üretime başlamasını planlıyor.",
    ],
)
def test_planned_capacity_is_an_investment_statement(classifier, text):
    asserted = asserted_types(classifier, text)
    assert "investment_statement" in asserted
    assert "capacity_increase" not in asserted


def test_plan_denied_is_no_investment(classifier):
    text = "Şirket bu yıl kapasitesini artırmadı, yeni tesiste üretime başlamayı planlamıyor."
    assert "investment_statement" not in asserted_types(classifier, text)


# A disclosure's "Şirketimiz" is the company named in its title, with full certainty.
def test_sirketimiz_is_the_title_company_with_certainty(classifier):
    from signals.attribution import attribute
    from tests.signals.mentions import mentions_of

    text = (
        "Migros Ticaret A.Ş. Özel Durum Açıklaması.\nŞirketimiz aleyhine Ticaret Bakanlığı "
        "tarafından 12 milyon TL idari para cezası uygulanmıştır."
    )
    hit = next(h for h in classifier.classify(text, "tr") if h.type == "fine")
    owners = attribute(hit, mentions_of(text, {"Migros Ticaret": 1}), 0, text, "tr")
    assert [(m.company_id, factor) for m, factor in owners] == [(1, 1.0)]


# The court of a concordat or bankruptcy is the insolvency proceeding, no lawsuit.
def test_concordat_court_is_no_lawsuit(classifier):
    text = "Europen Endüstri, konkordato süresinin uzatılması için mahkemeye başvurdu."
    assert asserted_types(classifier, text) == {"insolvency"}


def test_appeal_to_court_is_still_a_lawsuit(classifier):
    text = "Şirket, Rekabet Kurulu kararına karşı mahkemeye başvurdu."
    assert "lawsuit" in asserted_types(classifier, text)


# A tender to sell a loan portfolio is a sale, no construction tender.
def test_sale_tender_is_no_expansion_tender(classifier):
    text = "Akbank, 2 milyar TL tutarındaki sorunlu kredi portföyünün satışı için ihaleye çıktı."
    asserted = type_assertions(classifier, text)
    assert "expansion_tender" not in asserted
    assert asserted.get("asset_sale") is True


# A facility opened to service, a capacity that reached a figure; not capacity utilisation.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pegasus, yeni bakım merkezinin inşaatını tamamladı ve merkezi hizmete açtı.", True),
        ("Fabrikanın yıllık kapasitesi 210 bin araca ulaştı.", True),
        ("Sanayide kapasite kullanım oranı yüzde 78'e yükseldi.", False),
    ],
)
def test_capacity_opened_or_reached(classifier, text, expected):
    assert ("capacity_increase" in asserted_types(classifier, text)) is expected


# A plant decided is an investment statement, not capacity added; a sale decided is a sale.
@pytest.mark.parametrize(
    "text",
    [
        "Doğan Holding, Aliağa'da yeni bir güneş enerjisi santrali kurma kararı aldı.",
        "Şirket, Mersin'de yeni tesis kurulmasına karar verdi.",
    ],
)
def test_plant_decided_is_no_capacity_added(classifier, text):
    asserted = asserted_types(classifier, text)
    assert "capacity_increase" not in asserted
    assert "investment_statement" in asserted


def test_sale_decided_is_still_a_sale(classifier):
    assert "asset_sale" in asserted_types(classifier, "Şirket binasını satma kararı aldı.")


# A headline with no verb names a new plant, built or planned: no capacity from it alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Şişecam'dan Bulgaristan'a yeni fabrika.\nŞirket fabrikayı 2027'de kuracak.", False),
        ("Arçelik yeni fabrikasını açtı.\nTesis yıllık 1 milyon buzdolabı üretecek.", True),
    ],
)
def test_verbless_headline_adds_no_capacity(classifier, text, expected):
    assert ("capacity_increase" in asserted_types(classifier, text)) is expected
