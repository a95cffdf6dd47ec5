from signals.classify import CueClassifier
from signals.lexicon import load_taxonomy
from signals.sentences import sentence_at, sentence_starts


def split(text: str) -> list[str]:
    starts = sentence_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def test_abbreviations_and_legal_forms_do_not_end_sentences() -> None:
    text = (
        "Apple Inc. said it will invest. The U.S. Patent Office agreed! Şirket, A.Ş. ile anlaştı."
    )
    assert split(text) == [
        "Apple Inc. said it will invest.",
        "The U.S. Patent Office agreed!",
        "Şirket, A.Ş. ile anlaştı.",
    ]


def test_quotes_line_breaks_and_numbers() -> None:
    text = 'Başlık\n"Yeni fabrika" açıldı. 2016 yılında 1.5 milyon ton üretilecek.'
    assert split(text) == [
        "Başlık",
        '"Yeni fabrika" açıldı.',
        "2016 yılında 1.5 milyon ton üretilecek.",
    ]


def test_sentence_at_finds_the_holding_sentence() -> None:
    text = "Bir. İki cümle. Üç."
    starts = sentence_starts(text)
    assert sentence_at(starts, len(text), text.index("cümle")) == (5, 16)


def test_turkish_suffix_after_apostrophe_is_its_own_token() -> None:
    classifier = CueClassifier(load_taxonomy())
    doc = classifier.parse("Tüpraş'tan ve Arçelik’in açıklaması", "tr")
    assert [t.text for t in doc][:3] == ["Tüpraş", "'", "tan"]
    assert "Arçelik" in [t.text for t in doc]


def test_cue_stems_become_norms_once_per_word() -> None:
    classifier = CueClassifier(load_taxonomy())
    doc = classifier.parse("KONKORDATOYA başvurdu", "tr")
    assert doc[0].norm_ == "konkordato"  # the cue stem, folded, so one hash matches every form


def test_a_line_that_goes_on_in_lower_case_continues_the_sentence() -> None:
    text = "Şirket hakkında\nsoruşturma başlatıldı. Yeni\nBaşlık"
    assert split(text) == ["Şirket hakkında\nsoruşturma başlatıldı.", "Yeni", "Başlık"]
