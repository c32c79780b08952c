"""A decision's signature block with the Woo's redaction code between its formula and the signer's name.

Real decisions on Woo requests (the eighteenth unseen set) print the code of the ground a removed
signature was blacked out under on its own line ("5.1.2.e", as OCR reads it "5.1,2,e") between
"Namens het college …," and the name, and go on for pages (the objection procedure, the Woo's articles,
an inventory) after it: the signer and the body signed for were lost. The letters below are made up."""

from opendata.ingest.extract import extract

_OBJECTION = (
    "Bezwaar\n"
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de bekendmaking van dit besluit\n"
    "bezwaar maken bij het college. Vermeld in uw bezwaarschrift altijd uw naam, adres en telefoonnummer,\n"
    "de datum waarop u het bezwaarschrift schrijft en uw handtekening, en het besluit waartegen u bezwaar\n"
    "maakt. Het indienen van een bezwaarschrift heeft geen schorsende werking. Bij grote spoed kunt u een\n"
    "voorlopige voorziening vragen bij de voorzieningenrechter.\n"
    "Bijlage 1 - Relevante artikelen\n"
    "Artikel 1.1 Recht op toegang\n"
    "Eenieder heeft recht op toegang tot publieke informatie zonder daartoe een belang te hoeven stellen.\n"
    "Artikel 2.1 Begripsbepalingen\n"
    "In deze wet en de daarop berustende bepalingen wordt verstaan onder document: een door een orgaan\n"
    "opgemaakt of ontvangen schriftelijk stuk of ander geheel van vastgelegde gegevens.\n"
) * 2


def _decision(formula: str, code: str) -> str:
    return (
        "Gemeente Voorbeeldstad\n\n"
        "Datum 14 maart 2024\n"
        "Ons kenmerk WOO24-00017\n"
        "Onderwerp Beslissing op uw verzoek van 2 januari 2024\n\n"
        "Geachte heer,\n\n"
        "In uw e-mail van 2 januari 2024 vroeg u om stukken over het plein. Ik besluit die stukken\n"
        "openbaar te maken.\n"
        f"{formula}\n"
        f"{code}"
        "Marloes Vennegoor\n"
        "Directeur Ruimte en Verkeer\n"
        "Gemeente Voorbeeldstad Datum 14 maart 2024\n"
        "Pagina 2 van 4\n" + _OBJECTION
    )


def test_the_signer_under_a_redaction_code_is_read():
    for code in ("5.1,2,e\n", "5.1.2.e\n", "5.1.2,e\n", "5.1,2,e\n\n"):
        facts = extract(
            _decision("Namens het college van burgemeester en wethouders van Voorbeeldstad,", code)
        ).facts()
        assert facts["signatories"] == [{"name": "Marloes Vennegoor", "role": "directeur"}], code
        assert facts["sender_body"] == "college-van-burgemeester-en-wethouders", code


def test_without_a_code_the_signer_is_read_as_before():
    facts = extract(
        _decision("Namens het college van burgemeester en wethouders van Voorbeeldstad,", "")
    ).facts()
    assert facts["signatories"] == [{"name": "Marloes Vennegoor", "role": "directeur"}]


def test_a_sentence_under_the_formula_is_no_signer():
    # a line with words that is no name stops the search: no signer is made up from the body text
    facts = extract(
        _decision(
            "Namens het college van burgemeester en wethouders van Voorbeeldstad,",
            "wordt u hierbij bericht dat het besluit vaststaat.\n",
        )
    ).facts()
    assert facts["signatories"] == []
