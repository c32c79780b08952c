"""The extractor scored on real letters: hand-written facts in tests/corpus/, texts outside the repository.

Real letters are third-party text and never enter the repository; their texts live in a folder on
the development machine (`/work/real-letters/`, or $OPENDATA_REAL_LETTERS). Without that folder
this test is skipped, and only for that reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from opendata.ingest.bench import drafted
from opendata.ingest.read import read_document
from opendata.ingest.score import score

CORPUS = Path(__file__).resolve().parent / "corpus"
REAL_LETTERS = Path(os.environ.get("OPENDATA_REAL_LETTERS", "/work/real-letters"))
# Real letters as PDFs (docs/ingest.md, "Real letters as PDFs"): the files, third-party too, in a folder
# of their own off the repository; their facts are in tests/corpus/ with the others (`text:` names the PDF).
REAL_PDFS = Path(os.environ.get("OPENDATA_REAL_PDFS", "/work/real-pdfs"))
# The third unseen set (docs/ingest.md, 30 Nov 2026): its letters' facts files.
THIRD_SET = frozenset(
    {
        "cda-zeeland-2019-westerschelde-estuarium",
        "de-ronde-hoep-2008-reactie-gedeputeerde-staten",
        "fryslan-2015-sluis-kornwerderzand",
        "heumen-2013-onderzoek-samenwerking",
        "lepelstraat-2009-verzilting-volkerak",
        "lijst-babijn-2009-binnendijken",
        "lijst-babijn-2016-rode-pinguins",
        "lijst-babijn-2017-nieuwe-natuur",
        "lijst-babijn-2017-zwin",
        "odvij-2016-orderbos",
        "partij-voor-zeeland-2020-waterdunen",
        "partij-voor-zeeland-2021-digitaal-vergaderen",
        "partij-voor-zeeland-2021-waterdunen",
        "partij-voor-zeeland-2022-deltares-rapport",
        "partij-voor-zeeland-2023-zonnepanelen",
        "partij-voor-zeeland-2024-project-zanddijk",
        "partij-voor-zeeland-2025-taxatieproces",
        "pvda-scheldestromen-2016-relatie-vlissingen",
        "pvv-noord-brabant-2017-uitlatingen-bzw",
        "pvv-noord-brabant-spookslot-efteling",
        "pvv-zeeland-2011-dienstreis-new-york",
        "pvv-zeeland-2015-sloeweg",
        "pvv-zeeland-alternatief-hedwigepolder",
        "rud-zeeland-2018-uitnodiging-algemeen-bestuur",
        "woerden-2015-koersdocument-odru",
    }
)
# The fourth unseen set (docs/ingest.md, 30 Nov 2026): letters of government bodies themselves.
FOURTH_SET = frozenset(
    {
        "amersfoort-2013-werkkapitaal-kredietbank",
        "amsterdam-2020-uitvoeringsprogramma-binnenstad",
        "beekdaelen-2022-provincialeweg-noord",
        "gebiedscommissie-zuidelijk-westerkwartier-2018-peilbesluit",
        "hans-engels-2020-brief-burgemeester-corona",
        "holland-rijnland-2014-ontwerpbegroting-2015",
        "leiden-2019-bronkhorststraat-uitstel",
        "leiden-2021-kaasmarkt-raadssessie",
        "leiden-2022-bewonersbijeenkomst-sparrenrode",
        "leiden-2022-spreeuwenplaats-herbestrating",
        "leiden-haagweg-correctie",
        "leiden-harriet-freezersingel-achterpaden",
        "noord-holland-2022-kennismakingsbijeenkomsten",
        "opmeer-groenbeleidsplan-inloopavond",
        "purmerend-aanpassing-ontwerp-hofje-b",
        "purmerend-informatieavond-westerhem",
        "purmerend-inloopbijeenkomst-boeierstraat",
        "purmerend-planning-restauratie-museum",
        "purmerend-uitstel-sneekermeer",
        "purmerend-vervanging-damwanden-mastbos",
        "sudwest-fryslan-2020-brief-burgemeester-corona",
        "utrecht-2016-tekst-artikel-1-grondwet",
        "vijfheerenlanden-2022-opvang-oekraine",
        "zuid-holland-correctie-zouweboezem",
    }
)
# The fifth unseen set (docs/ingest.md, 30 Nov 2026): provinces', ministers' and other bodies' letters
# to councils, colleges and the Staten, most of them copies on document hosts.
FIFTH_SET = frozenset(
    {
        "bzk-2013-financieel-toezicht-flevoland",
        "delft-2018-verslag-archiefwettelijk-toezicht",
        "flevoland-2014-financieel-toezichtkader-lelystad",
        "gelderland-2015-informatie-over-begroting",
        "groningen-2011-jaarverslag-archiefinspecteurs",
        "groningen-2012-interbestuurlijk-toezicht",
        "gulpen-wittem-2015-zienswijzen-vrzl",
        "hdsr-2021-informele-zienswijzen-culemborgse-veer",
        "limburg-2014-aandachtspunten-begroting-2015",
        "noord-brabant-2014-toetsingsaspecten-begroting-2015",
        "odbn-2016-begroting-2017",
        "overijssel-2015-begrotingsbrief-2016-gemeenschappelijke-regeling",
        "overijssel-2015-begrotingsbrief-2016-gemeenteraden",
        "wwi-2009-decentralisatie-stedenbeleid",
        "zeeland-2017-toezichtsbrief-begroting-2017",
        "zuid-holland-2009-financieel-toezichtkader",
    }
)
# The sixth unseen set (docs/ingest.md, 30 Nov 2026): a veiligheidsregio's, Gedeputeerde Staten's and
# colleges' letters to councils, colleges, a joint arrangement and the Staten, most of them host copies.
SIXTH_SET = frozenset(
    {
        "albrandswaard-2014-gemeenschappelijk-financieel-toezichtkader",
        "groningen-2014-stand-van-zaken-herindeling",
        "groningen-2021-beantwoording-vragen-verstedelijking-mobiliteit",
        "groningen-2021-woonvorm-hoofdweg-harkstede",
        "groningen-beleidsregel-rijkssubsidiekader",
        "heemstede-budgetsubsidie-wij-heemstede-2017-2018",
        "vr-groningen-2020-aanbiedingsbrief-veiligheidsplan",
        "vr-zaanstreek-waterland-2010-zienswijze-jaarstukken-begroting",
        "woerden-2013-voorlopige-zienswijze-gr-vru",
        "woerden-2015-raadsvoorstel-kadernota-ggdru",
        "zuid-holland-2017-woningbouwprogramma-goeree-overflakkee",
    }
)
# The seventh unseen set (docs/ingest.md, 30 Nov 2026): Holland Rijnland's letter to its councils, a water
# board's two water advices, Gedeputeerde Staten's papers to their Staten, a college's letter to its
# council and joint rekenkamercommissies' letter to councils.
SEVENTH_SET = frozenset(
    {
        "groningen-2020-kto-publiek-vervoer",
        "holland-rijnland-2009-aansluitingsverzoek-rijnstreek",
        "hunze-en-aas-watertoets-zonneakker-gae",
        "hunze-en-aas-watertoets-zonnepark-zuidbroek",
        "overijssel-2004-startnotitie-windenergie",
        "rekenkamercommissies-drenthe-2017-toezicht-ggd",
        "zuid-holland-2013-subsidieregeling-restauratie-rijksmonumenten",
    }
)
# The eighth unseen set (docs/ingest.md, "An eighth unseen set"): a college's note to a council committee,
# a burgemeester's letter to the council, a ministry's circular to the municipalities, Kamerbrieven of
# ministers, the Algemene Rekenkamer and an Eerste Kamer committee, the COA's letter in a news copy, a
# council member's and a party's letters, a VNG letter.
EIGHTH_SET = frozenset(
    {
        "algemene-rekenkamer-2019-aandachtspunten-begroting-bzk",
        "bzk-2011-evaluatie-decentrale-rekenkamers",
        "bzk-2011-septembercirculaire-gemeentefonds",
        "bzk-2020-overzicht-herindelingswetten",
        "bzk-2022-voorbereiding-gemeenteraadsverkiezingen",
        "coa-leidschendam-voorburg-azc-schakenbosch",
        "eerste-kamer-2025-brief-financiele-impact-decentrale-overheden",
        "haarlem-2021-onrust-europawijk",
        "ienm-2013-stelselherziening-omgevingsrecht",
        "ienm-2014-voortgang-stelselherziening",
        "ncpn-2017-jeugdzorg-de-fryske-marren",
        "roermond-2011-nederlandse-taal-volwassenen",
        "szw-2014-aanbieding-onderzoek-armoedebeleid",
        "vi-2006-wet-inburgering-aanvullende-maatregelen",
        "vng-2017-inbreng-ao-integratie",
        "westland-verstandig-2024-kabelgoten",
    }
)
# The ninth unseen set (docs/ingest.md, "A ninth unseen set"): a joint arrangement's letter to a council,
# municipalities' letters to residents, parties' questions to a college, VNG letters, burgemeesters' letters.
NINTH_SET = frozenset(
    {
        "cda-harlingen-opladen-ludinga",
        "dordrecht-bewonersbrief-gorterstraat",
        "goeree-overflakkee-2017-brief-burgemeester",
        "hardenberg-2015-jaarwisseling-burgemeester",
        "harlingen-cda-harde-plancapaciteit",
        "harlingen-harlinger-belang-kimswerda",
        "harlingen-wadnpartij-n31-hegewiersterfjild",
        "harlingen-wadnpartij-the-drop",
        "odru-2016-kadernota-2018-woerden",
        "ouder-amstel-2021-werkgroep-hoger-einde-noord",
        "purmerend-vervolgbrief-parkeren-binnenstad",
        "pvdd-groningen-2020-consumentenvuurwerk",
        "vng-2023-brief-kamers-val-kabinet",
        "vng-2023-ibp-vth",
        "vng-2023-inbreng-cd-inburgering",
        "vng-advies-rob-uitvoeringslasten-klimaatakkoord",
        "vng-divosa-2020-input-ao-inburgering",
        "vng-inbreng-debat-wonen",
        "wassenaar-2009-opknappen-speelterrein",
        "wheermolen-2021-ondergrondse-afvalcontainers",
    }
)
# The tenth unseen set (docs/ingest.md, "A tenth unseen set"): ministers' letters to the Kamers (2000-2021),
# two of Verkeer en Waterstaat copied by a news site and a news bank, a joint arrangement's letter to its
# board, VNG letters to ministers, a council member's and a party's questions, a Rechtswinkel's letter.
TENTH_SET = frozenset(
    {
        "bergen-op-zoom-2015-vragen-waterkring-west",
        "bzk-2000-tussentijdse-ontbinding-gemeenteraden",
        "bzk-2005-evaluatie-dualisering",
        "bzk-2007-last-hebben-van-elkaar",
        "bzk-2014-noordvleugelprovincie-eerste-kamer",
        "bzk-2014-staat-burgemeestersambt",
        "gsi-2001-stroomlijning-basisgegevens",
        "ienm-2012-verkeersnota-nwo",
        "ienw-2017-startbeslissing-a4-burgerveen",
        "ienw-2021-stand-van-zaken-waterbeleid",
        "lada-2013-vragen-verkenner-trafostation",
        "metropoolregio-eindhoven-2020-annulering-ab",
        "rechtswinkel-bernheze-2025-afhandeling-brieven",
        "venj-2015-verantwoordelijkheden-veiligheidsregios",
        "venw-2008-reactie-waterveiligheid",
        "venw-2008-water-in-beeld",
        "venw-2009-toekomstvisie-taxi",
        "vng-2017-stedelijke-regios",
        "vng-2022-water-en-bodem-sturend",
        "wwi-2008-voortgang-wijkenaanpak",
    }
)
# The eleventh unseen set (docs/ingest.md, "An eleventh unseen set"): the municipality of Amsterdam's
# raadsinformatiebrieven and decisions on Wob/Woo requests (2019-2024) and a museum's letter to a stadsdeel.
ELEVENTH_SET = frozenset(
    {
        "amsterdam-2019-wob-besluit-uitsupportersverbod",
        "amsterdam-2021-voortgang-erotisch-centrum",
        "amsterdam-2021-wob-besluit-rozengracht",
        "amsterdam-2023-advies-kinderraad-verkeersveiligheid",
        "amsterdam-2023-beantwoording-vragen-fatbikes",
        "amsterdam-2023-locatie-erotisch-centrum",
        "amsterdam-2023-maximumsnelheid-fietspaden",
        "amsterdam-2023-uitkomsten-locatieonderzoek-ec",
        "amsterdam-2023-woo-besluit-ajax-feyenoord",
        "amsterdam-2023-woo-besluit-financiering-ec",
        "amsterdam-2024-onderzoeken-verkeersveiligheid-fiets",
        "amsterdam-noord-2019-wob-besluit-mazazik",
        "amsterdam-zuid-2019-wob-besluit-van-woustraat",
        "amsterdam-zuidoost-2022-wob-besluit-reigersbos",
        "straat-museum-2023-standpunt-erotisch-centrum",
    }
)
# The twelfth unseen set (docs/ingest.md, "A twelfth unseen set"): Provincie Overijssel's letters closing a
# notification to a municipality (2024, a PDF's text layer), Amsterdam's decisions on Wob requests (2019-2020),
# a hoogheemraadschap's dijkgraaf to residents, a party's question and two parties' request (web pages).
TWELFTH_SET = frozenset(
    {
        "amsterdam-2019-wob-besluit-cafe-broer",
        "amsterdam-2020-wob-besluit-cafe-triple",
        "amsterdam-2020-wob-besluit-fietsparkeervoorziening",
        "amsterdam-2020-wob-besluit-kade-lijnbaansgracht",
        "harlingen-harlinger-belang-dijkje-boontjes",
        "hdsr-kijk-op-de-lekdijk-editie-1",
        "lemster-krant-2019-verzoek-extra-raadsvergadering",
        "overijssel-2024-afrondingsbrief-gemeente-almelo-melder",
        "overijssel-2024-afrondingsbrief-gemeente-deventer-eigenaar",
        "overijssel-2024-afrondingsbrief-gemeente-enschede",
        "overijssel-2024-afrondingsbrief-gemeente-hengelo",
        "overijssel-2024-afrondingsbrief-gemeente-hof-van-twente",
        "overijssel-2024-afrondingsbrief-gemeente-olst-wijhe",
        "overijssel-2024-afrondingsbrief-gemeente-raalte-melder",
        "overijssel-2024-afrondingsbrief-gemeente-steenwijkerland",
    }
)
# The thirteenth unseen set (docs/ingest.md, "A thirteenth unseen set"): web pages that report a letter
# instead of carrying it (a province's news item, two GS decision pages, a joint arrangement's pages on its
# municipalities' and a minister's letters, party, association and newspaper pages on letters to a ministry,
# a province and the Staten), a waarnemend burgemeester's memo to his council, two recreation boards'
# letters (an OCR'd covering letter, an e-mail), Staten parties' questions in a press release and a party's
# letter to a water board.
THIRTEENTH_SET = frozenset(
    {
        "gelderland-cdk-brief-ps-scherpenzeel",
        "groningen-cdk-brandbrief-minister-ezk",
        "hellevoetsluis-2014-stand-van-zaken-voorne-putten",
        "lada-2010-brief-minister-donner",
        "limburg-2021-brief-gs-aan-ps",
        "parkstad-2018-brief-minister-bestuurskracht",
        "parkstad-2020-brief-bzk-versterking-samenwerking",
        "parkstad-2020-brief-knops-grensoverschrijdende-samenwerking",
        "psp92-2014-waterbeheerprogramma-rivierenland",
        "recreatieschap-drenthe-2013-jaarrekening-begroting",
        "recreatieschap-stichtse-groenlanden-2020-financiele-stukken",
        "statenfracties-fryslan-2010-vragen-huis-aan-huiskrant",
        "wijdemeren-fracties-brief-fusie-provincie",
        "zuid-holland-2017-felicitatiebrief-tweede-kamer",
        "zuid-holland-2020-gs-brief-open-brief-groene-hart",
    }
)
# The fourteenth unseen set (issue 13, helper 63): inter-governmental budget mail on web pages and in
# docplayer/5dok copies: a province's preventive-supervision letter to a council (a blog's copy), a joint
# organisation's letter to a council, a party's questions on late accounts to the supervisor, two
# veiligheidsregio board papers on the councils' views, a GGD's offering note, a raadsvoorstel and a
# decision-list item giving a zienswijze, and three municipal news items on supervision or a zienswijze.
FOURTEENTH_SET = frozenset(
    {
        "almere-2015-zienswijze-begroting-veiligheidsregio-flevoland",
        "bar-2020-managementletter-albrandswaard",
        "barendrecht-begroting-2020-geen-extra-toezicht",
        "ggd-nog-2015-uitgangspunten-2016",
        "haarlemmermeer-2015-spoedvragen-indiening-jaarstukken",
        "moerdijk-2020-zienswijze-beleidsbegroting-ggd-west-brabant",
        "noord-brabant-2021-preventief-toezicht-grave",
        "vr-groningen-2019-zienswijzen-beleidsbegroting-2020",
        "vru-2020-zienswijzen-kadernota-2021",
        "wassenaar-2007-gs-begroting-2008-op-orde",
        "zutphen-2020-zienswijze-ontwerpbegrotingen-2021-gr",
    }
)
# The fifteenth unseen set (issue 13, be579b1; docs/ingest.md, "A fifteenth unseen set"): a college's letter
# to its council, a residents' association and a member to water boards, a college's view on a merger, a
# ministry's answers to a Kamer committee, a veiligheidsregio proposal, a water board committee's advice,
# a college proposal, a raadsinformatiebrief's page, a water board's college paper, a raadsvoorstel and a
# VNG circular.
FIFTEENTH_SET = frozenset(
    {
        "brabantse-delta-2009-technische-vragen-waterbeheerplan",
        "delfland-2014-advies-commissie-waterveiligheid",
        "ede-raadsvoorstel-procesvoorstel-opvang-vluchtelingen-azc",
        "hdsr-2014-afvalwaterakkoord-utrecht",
        "heerlen-2017-zienswijze-herindeling-landgraaf-heerlen",
        "hoogeveen-2009-collegevoorstel-rud-drenthe",
        "nieuwegein-2015-toekomst-regionale-samenwerking",
        "rondehoep-2009-inspraak-waterbeheersplan-agv",
        "texel-2011-rib-regionale-samenwerking-kop",
        "venw-2009-antwoorden-vragen-zandmaas-grensmaas",
        "vng-2022-ledenbrief-asielopvang",
        "vr-2014-voorstel-strategische-agenda-veiligheidsregios",
    }
)
# The sixteenth unseen set (issue 13; docs/ingest.md, "A sixteenth unseen set"): a regional enforcement
# service's OCR'd covering letter to its participants, Gedeputeerde Staten's and a college's OCR'd pages in a
# council's minutes, a water board's press release, ministers' letters to the Tweede Kamer (one with two
# writers, one whose heading the copy lost), answers to written questions, a page reporting a Kamerbrief.
SIXTEENTH_SET = frozenset(
    {
        "financien-2012-fiscale-geheimhoudingsplicht-inlichtingenplicht",
        "financien-2018-kabinetsreactie-evaluatie-werkkostenregeling",
        "fryslan-2013-gs-brief-leeuwarderadeel-vaarwegen",
        "hdsr-2005-waterplan-heuvelrug-ter-inzage",
        "ienm-2012-analyse-bruggen-slaan-pbl",
        "ienw-2022-antwoord-vragen-gezonde-leefomgeving-kinderen",
        "ienw-2023-stand-van-zaken-regionale-luchthavens",
        "kgg-ienw-2025-voortgang-maatwerkafspraken-industrie",
        "leeuwarderadeel-2017-raadsvoorstel-kulturele-haadsted",
        "lnv-2022-antwoord-vragen-emissies-nema",
        "rijksoverheid-2021-kamerbrief-gezonde-groene-leefomgeving",
        "rud-utrecht-2015-ontwerp-programmabegroting-2016",
    }
)
# The seventeenth unseen set (issue 13; docs/ingest.md, "A seventeenth unseen set"): real letters as PDFs,
# Provincie Overijssel's letters closing notifications to fell trees (2024), cut out of its Woo
# publication's bundles, to eleven municipalities and a water board; five without a text layer (OCR).
SEVENTEENTH_SET = frozenset(
    {
        "overijssel-2024-kapmelding-borne-z6096",
        "overijssel-2024-kapmelding-dinkelland-z5979",
        "overijssel-2024-kapmelding-enschede-z4787",
        "overijssel-2024-kapmelding-hof-van-twente-z4974",
        "overijssel-2024-kapmelding-losser-z6156",
        "overijssel-2024-kapmelding-ommen-z6018",
        "overijssel-2024-kapmelding-raalte-z5061",
        "overijssel-2024-kapmelding-tubbergen-z5714",
        "overijssel-2024-kapmelding-vechtstromen-z4787",
        "overijssel-2024-kapmelding-zwartewaterland-z6968",
        "overijssel-2024-kapmelding-zwolle-z4696",
        "overijssel-2024-kapmelding-zwolle-z6865",
    }
)
# The eighteenth unseen set (issue 13; docs/ingest.md, "An eighteenth unseen set"): OCR'd texts of the
# Woo and council documents the municipality of Amsterdam released: a burgemeester of Den Haag's letter and
# a supporters' association's, a stadsdeel board's answers to its committee, five decisions on Woo/Wob
# requests. Its four PDFs (Overijssel's answer to a residents' group, its letters to its own department and
# to Raalte, a Haarlem official's e-mail to a faction) are scored by the PDF test below.
EIGHTEENTH_SET = frozenset(
    {
        "amsterdam-2022-woo-besluit-ichtusschool",
        "amsterdam-2023-woo-besluit-rotonde-postjesweg",
        "amsterdam-2023-woo-besluit-voorkeurslocatie-kenniskwartier",
        "amsterdam-2023-woo-besluit-zuidasdok",
        "amsterdam-centrum-2019-wob-besluit-la-bastille",
        "amsterdam-zuid-2022-beantwoording-vragen-lege-kavels",
        "den-haag-2017-brief-sv-ajax-uitsupporters",
        "sv-ajax-2017-brief-amsterdam-uitsupporters",
    }
)
# The nineteenth unseen set (issue 13; docs/ingest.md, "A nineteenth unseen set"): six OCR'd texts of the
# documents the municipality of Amsterdam released (two residents' groups' letters to the council, a
# directorate's memo to an alderman, a letter to residents, a law firm's and a business zone's requests),
# and seven PDFs (four Haarlem e-mails answering council factions, three pages of Overijssel's Woo bundles),
# scored by their own test below.
NINETEENTH_SET = frozenset(
    {
        "amsterdam-2023-uitnodiging-bijeenkomst-erotisch-centrum-zuid",
        "biz-burgwallen-2021-wob-verzoek-burgemeester-amsterdam",
        "comite-westelijke-grachtengordel-2021-raadsadres-westermarkt",
        "houthoff-2023-woo-verzoek-amsterdam-erotisch-centrum",
        "klankbordgroep-oud-osdorp-2022-raadsadres-osdorperweg",
        "zuidas-2022-memo-wethouder-erotisch-centrum",
    }
)
NINETEENTH_SET_PDFS = frozenset(
    {
        "gemeente-haarlem-2020-technische-vragen-liberaal-haarlem-gft",
        "gemeente-haarlem-2022-technische-vragen-d66-rattenoverlast",
        "gemeente-haarlem-2024-aanvullende-vragen-pvdd-begroting",
        "gemeente-haarlem-2024-technische-vraag-pvdd-thuisbezoeken",
        "overijssel-2024-afrondingsbrief-gemeentehuis-ommen-z7105",
        "overijssel-2024-mail-afrondingsbrief-ommen-z7105",
        "overijssel-2024-mail-afrondingsbrief-raalte-z6583",
    }
)
# The twentieth unseen set (docs/ingest.md, 2 Dec 2026): five OCR'd texts of documents the municipality of
# Amsterdam released (a residents' committee's Wob request, two decisions, the Wob desk's forward of a
# resident's request, a requester's renewed request), and six PDFs (four of Haarlem's Woo publication: a
# resident's e-mail to the griffie, an official's headerless e-mail, a reply in a complaint thread,
# Spaarnelanden's e-mail; two pages of an Overijssel bundle), the PDFs scored by their own test below.
TWENTIETH_SET = frozenset(
    {
        "amsterdam-2021-wob-besluit-winkeluitstallingen-van-woustraat",
        "amsterdam-2021-wob-verzoek-winkeluitstallingen-doorgestuurd",
        "amsterdam-2022-woo-besluit-overlastmeldingen-van-woustraat",
        "verzoeker-2022-woo-verzoek-overlastmeldingen-tapmarin",
        "wob-verzoek-2018-van-woustraat-47-stadsdeel-zuid",
    }
)
TWENTIETH_SET_PDFS = frozenset(
    {
        "bosgroep-2024-mail-machtiging-twence-z6104",
        "gemeente-haarlem-2021-mail-klacht-melding-openbare-ruimte",
        "gemeente-haarlem-2023-mail-afhandeling-brief-bewoner",
        "haarlem-2023-mail-bewoner-rattenplaag-griffie",
        "overijssel-2024-mail-afrondingsbrief-borne-z6104",
        "spaarnelanden-2019-mail-meldingen-ratten-riool",
    }
)
# The twenty-first unseen set (docs/ingest.md, 3 Dec 2026): seven ministers' letters to the Tweede Kamer
# (one on a copy with the Kamer's metadata above it), a local party's open letter, a residents' group's
# e-mail to a college, a province's page of a GS letter, an official's proposal to the college and
# council in a host's transcript, and a host's page holding a letter's first line over a list of other
# documents.
TWENTY_FIRST_SET = frozenset(
    {
        "bzk-2011-motie-tweebestuurslagenprincipe",
        "gemeentebelangen-marum-open-brief-cdk-herindeling",
        "groningen-2004-brief-ps-vergelijkbare-documenten",
        "ienm-2014-reactie-oeso-water-governance",
        "ienw-2018-moties-toezeggingen-water",
        "ienw-2024-stand-van-zaken-waterdomein",
        "jenv-2020-brandweerzorg-opkomsttijden",
        "jenv-2023-verzamelbrief-meldkamers",
        "kcr-2020-mail-college-uitblijven-reactie",
        "venj-2011-rapportages-natuurbranden",
        "woerden-2017-kadernota-2019-odru",
        "zuid-holland-2021-gs-brief-consequenties-lockdown",
    }
)
# The twenty-fourth unseen set (docs/ingest.md, 3 Dec 2026): Amsterdam's OCR'd Woo texts the corpus had not
# used: decisions, requests to the municipality, letters in English with the EMA, officials' e-mails.
TWENTY_FOURTH_SET = frozenset(
    {
        "amsterdam-2017-mail-knvb-uitnodiging-ajax-ad",
        "amsterdam-2020-opdracht-moke-architecte",
        "amsterdam-2022-nummerbeschikking-omgevingsvergunnin",
        "amsterdam-2022-woo-deelbesluit-ii-burgwalle",
        "amsterdam-2023-brief-ema-locaties-erotisch-centru",
        "amsterdam-2023-mail-ajax-gesprek-driehoe",
        "amsterdam-2023-mail-directeur-oov-burgemeester-ruimteclaim",
        "amsterdam-2023-mail-ministerie-jenv-kamervrage",
        "amsterdam-2023-woo-besluit-grondslag-erotisch-centru",
        "amsterdam-2023-woo-besluit-verkeersbord-rozengrach",
        "bewonersverenigingen-2023-woo-verzoek-veiligheid-erotisch-centru",
        "das-2023-woo-verzoek-rotonde-postjeswe",
        "ema-2023-brief-burgemeester-amsterdam-erotisch-centru",
        "ema-management-board-2023-brief-burgemeester-amsterda",
        "florent-2020-wob-verzoek-kademuren-lijnbaansgrach",
        "verzoeker-2018-wob-verzoek-uitsupportersverbo",
        "verzoeker-2023-woo-verzoek-ajax-feyenoor",
        "verzoeker-2023-woo-verzoek-verkeersbord-rozengrach",
    }
)
# The twenty-fifth unseen set (docs/ingest.md, 3 Dec 2026): more of Amsterdam's OCR'd Woo texts, mostly e-mails
# between officials, the KNVB, the police and Den Haag, and two district letters to a café's company.
TWENTY_FIFTH_SET = frozenset(
    {
        "advocaat-2019-wob-verzoek-la-bastille",
        "amsterdam-2018-mail-oov-sessie-ajax-ado",
        "amsterdam-2022-mail-burgemeester-concept-memo-ec",
        "amsterdam-2023-mail-burgemeester-brief-ec",
        "amsterdam-2023-mail-oov-ondertekening-aanwijzingsbesluit",
        "amsterdam-2023-mail-raadsinformatiebrief-team-go",
        "amsterdam-2023-mail-stadswerken-invalidenbord",
        "amsterdam-2023-mail-woo-coordinatie-invalidenbord",
        "amsterdam-centrum-2014-bestuurlijke-waarschuwing-terras-tripel",
        "amsterdam-centrum-2018-voornemen-stap-1-tripel",
        "amsterdam-centrum-2021-mail-reactie-klacht-steeg",
        "amsterdam-centrum-2021-mail-voorstel-afsluiting-steeg",
        "den-haag-2018-mail-veiligheid-ado-ajax",
        "knvb-2018-mail-terugkoppeling-ado-ajax",
        "politie-2018-mail-wedstrijdorganisatie-ado-ajax",
        "pvda-noord-2023-mail-vragen-erotisch-centrum",
        "verzoeker-2020-wob-verzoek-cafe-triple",
        "zuidas-2022-mail-reactie-locatiestudie-ec",
    }
)
# The twenty-sixth unseen set (docs/ingest.md, 3 Dec 2026): stored web pages of ministers' and a college's papers,
# among them five government replies on bills, a party's questions, a regional programme's message.
TWENTY_SIXTH_SET = frozenset(
    {
        "bzk-1998-nota-verslag-buren-lienden-maurik",
        "bzk-2009-nota-verslag-vecht-en-venen",
        "bzk-2013-nota-verslag-de-friese-meren",
        "bzk-2018-memorie-van-antwoord-herindelingen",
        "bzk-2020-antwoord-vragen-achterstand-statushouders",
        "drechtsteden-2021-res-afgerond",
        "ienw-2020-instelling-adviescommissie-geborgde-zetels",
        "ienw-2021-kamerbrief-consultatie-ofl-geborgde-zetels",
        "jenv-vro-2023-beleidsreactie-huis-voor-statushouders",
        "katwijk-2009-nota-lokaal-gezondheidsbeleid",
        "pvv-noord-brabant-2021-statenvragen-herindeling-uden-landerd",
        "rekenkamer-enschede-2009-brief-programmabegroting",
        "venw-1995-nota-verslag-wet-waterhuishouding",
    }
)
# The twenty-seventh unseen set (docs/ingest.md, 3 Dec 2026): a recreation arrangement's letter to its participants,
# the IPO's OCR'd e-mail, and ministers' and the Algemene Rekenkamer's letters to the Tweede Kamer.
TWENTY_SEVENTH_SET = frozenset(
    {
        "bzk-1999-brief-toezicht-zuid-holland",
        "bzk-2006-brief-pilots-financieel-toezicht-provincies",
        "bzk-2017-afschrift-brief-ipo-beschouwing",
        "bzk-2019-meicirculaires-gemeentefonds-provinciefonds",
        "ienm-2013-inbreukprocedure-kostenterugwinning-waterdiensten",
        "ienm-2016-uitstel-reactie-groep-spaargaren",
        "ipo-2014-mail-verslag-algemene-vergadering",
        "lnv-2001-brief-wateroverlast-west-nederland",
        "rekenkamer-2014-aandachtspunten-begroting-bzk",
        "stichtse-groenlanden-2021-uitgangspunten-begroting-2022",
    }
)
# The twenty-eighth unseen set (docs/ingest.md, 3 Dec 2026): Haarlem's answers to council factions, a Woo decision
# and letters on rats and sewers, as the repository's extracted text gives them; one e-mail as a PDF (below).
TWENTY_EIGHTH_SET = frozenset(
    {
        "gemeente-haarlem-2020-aanvullende-vragen-oph-riolen",
        "gemeente-haarlem-2020-technische-vraag-cu-rattenmonitor",
        "gemeente-haarlem-2021-antwoord-commissie-beheer-muskusratten",
        "gemeente-haarlem-2023-antwoord-pvda-rattenprobleem-riolering",
        "gemeente-haarlem-2025-woo-besluit-rattenoverlast",
        "haarlem-2021-afwijzing-aansprakelijkstelling-riolering",
        "haarlem-2021-mail-kcc-fwd-overlast-ratten",
        "haarlem-2021-opdrachtbrief-anticimex-rattenbestrijding",
    }
)
TWENTY_EIGHTH_SET_PDFS = frozenset({"haarlem-2021-mail-pdf-meldingen-mor"})
# The twenty-ninth unseen set (docs/ingest.md, 3 Dec 2026): more of Amsterdam's OCR'd Woo texts, mostly letters:
# Woo decisions, a designation order, a warning, parties' questions, the KNVB's and a club's letters.
TWENTY_NINTH_SET = frozenset(
    {
        "ajax-2017-brief-knvb-svv-scheveningen",
        "amsterdam-2018-mail-driehoek-akkoord-uitsupporters",
        "amsterdam-2022-woo-deelbesluit-flitsbezorgers",
        "amsterdam-2023-aanvraag-impactanalyse-zuidasdok",
        "amsterdam-2023-aanwijzingsbesluit-ajax-feyenoord",
        "amsterdam-2023-woo-besluit-inspecties-meldingen-vth",
        "amsterdam-2023-woo-besluit-locatieonderzoek-ec",
        "amsterdam-2023-woo-besluit-marktpartijen-ec",
        "amsterdam-2023-woo-besluit-veiligheid-erotisch-centrum",
        "amsterdam-centrum-2014-bestuurlijke-waarschuwing-sluitingstijd-tripel",
        "amsterdam-noord-2019-wob-besluit-shisha-lounge-mazazik",
        "d66-2023-mail-vragen-technische-sessie",
        "den-haag-2018-mail-diversen-ajax-ado",
        "groenlinks-2023-schriftelijke-vragen-fatbikes",
        "knvb-2018-mail-brief-burgemeesters-ado-ajax",
        "knvb-2018-mail-wedstrijdorganisatie-ajax-ado",
        "trn-engineering-2017-offerte-inspectie-lijnbaansgracht",
    }
)
# The thirtieth unseen set (docs/ingest.md, 3 Dec 2026): more Amsterdam Woo texts, five of them firms' letters
# (offers, confirmations), Woo decisions and requests, a draft raadsinformatiebrief, officials' e-mails.
THIRTIETH_SET = frozenset(
    {
        "amsterdam-2020-mail-opdrachtbrief-moke",
        "amsterdam-2023-mail-concept-advies-sd-zuid",
        "amsterdam-2023-mail-instemming-scenarios-ajax-feyenoord",
        "amsterdam-2023-raadsinformatiebrief-concept-vragen-locatieonderzoek-ec",
        "amsterdam-2023-woo-besluit-kosten-ec",
        "amsterdam-2023-woo-besluit-participatieplan-ec",
        "amsterdam-centrum-2022-omgevingsvergunning-woningen-dakterrassen",
        "amsterdam-zuid-2022-mail-beantwoording-vragen-lege-kavels",
        "amsterdam-zuid-2023-mail-conceptadvies-ec-db-zuid",
        "baars-cipro-2018-offerte-duikinspectie-lijnbaansgracht",
        "bewonersverenigingen-2023-woo-verzoek-grondslag-ec",
        "bewonersverenigingen-2023-woo-verzoek-participatieplan-ec",
        "drukkerij-2023-opdrachtbevestiging-bewonersbrief-ec",
        "ema-2023-mail-deputy-mayor-visit",
        "rai-2023-order-bijeenkomst-erotisch-centrum",
        "stadsherstel-2023-bevestiging-reservering-zonnehuis",
        "trn-engineering-2017-offerte-aanvullende-inspectie-lijnbaansgracht",
    }
)
# The thirty-first unseen set (docs/ingest.md, 3 Dec 2026): six Haarlem documents of the repository's extracted
# text, a Defensie letter, ministers' answers to members' questions, a member's questions, an informateur's letter.
THIRTY_FIRST_SET = frozenset(
    {
        "bzk-2021-antwoord-vragen-jansen-aardgasvrij",
        "bzk-2024-antwoord-vragen-sneller-uitvoeringsorganisaties",
        "bzk-2025-antwoord-vragen-erkens-rijksoverheid",
        "defensie-2022-offerteaanvraag-onderzeeboten",
        "gemeente-haarlem-2020-antwoord-aanvullende-vragen-oph-website",
        "gemeente-haarlem-2023-antwoord-aanvullende-vragen-pvda-ratten",
        "haarlem-2019-afwijzen-aansprakelijkheid-ratten",
        "haarlem-2021-mail-tussenbericht-aansprakelijkstelling",
        "haarlem-2024-mail-uitkomst-schadeclaim-ongedierte",
        "haarlem-2025-opdrachtbrief-addendum-extra-vallen",
        "informateur-2017-brief-kabinetsformatie",
        "tk-2022-vragen-minhas-waterschapswet",
    }
)
# The thirty-second unseen set (docs/ingest.md, 3 Dec 2026): the last Amsterdam letters the corpus had not used:
# a warning, two Fugro offers, associations' Woo requests, a resident's Wob request, Zuidasdok's note.
THIRTY_SECOND_SET = frozenset(
    {
        "amsterdam-centrum-2014-bestuurlijke-waarschuwing-leidinggevende-tripel",
        "bewoner-2018-wob-verzoek-cafe-broer",
        "bewonersverenigingen-2023-woo-verzoek-financiering-ec",
        "bewonersverenigingen-2023-woo-verzoek-kosten-ec",
        "bewonersverenigingen-2023-woo-verzoek-zuidasdok",
        "fugro-2018-offerte-funderingsonderzoek-lijnbaansgracht",
        "fugro-2019-offerte-fase-2-funderingsonderzoek-lijnbaansgracht",
        "zuidasdok-2023-impactanalyse-locaties-ec",
    }
)
# The twenty-second unseen set (docs/ingest.md, 3 Dec 2026): Overijssel's letters and cover e-mails closing
# tree-felling notifications, from thirteen bundles the corpus had not used (three pages by OCR).
TWENTY_SECOND_SET_PDFS = frozenset(
    {
        "overijssel-2024-kapmelding-aanvrager-haaksbergen-z6517",
        "overijssel-2024-kapmelding-aanvrager-raalte-z7136",
        "overijssel-2024-kapmelding-borne-z6915",
        "overijssel-2024-kapmelding-dalfsen-z6079",
        "overijssel-2024-kapmelding-enschede-z5252",
        "overijssel-2024-kapmelding-gemachtigde-bosgroep-z6079",
        "overijssel-2024-kapmelding-haaksbergen-z5530",
        "overijssel-2024-kapmelding-haaksbergen-z6517",
        "overijssel-2024-kapmelding-haaksbergen-z6774",
        "overijssel-2024-kapmelding-haaksbergen-z6802",
        "overijssel-2024-kapmelding-hofvantwente-z6587",
        "overijssel-2024-kapmelding-hofvantwente-z6917",
        "overijssel-2024-kapmelding-ommen-z6085",
        "overijssel-2024-kapmelding-raalte-z7136",
        "overijssel-2024-kapmelding-raalte-z7329",
        "overijssel-2024-kapmelding-wierden-z4512",
        "overijssel-2024-mail-afrondingsbrief-dalfsen-z6079",
        "overijssel-2024-mail-afrondingsbrief-raalte-z7329",
        "overijssel-2024-mail-afrondingsbrief-wierden-z4512",
    }
)
# The twenty-third unseen set (docs/ingest.md, 3 Dec 2026): six printed e-mail threads of Haarlem's Woo
# publication (two whose top message lost its header) and a minister's answers to written questions.
TWENTY_THIRD_SET_PDFS = frozenset(
    {
        "haarlem-2019-mail-jz-meldingen-ratten-riool",
        "haarlem-2019-mail-kcc-meldingen-ratten-riool",
        "haarlem-2021-mail-collega-klacht-kli-2233322",
        "haarlem-2021-mail-reactie-klacht-kli-2117052",
        "haarlem-2022-mail-kcc-klacht-kli-2754878",
        "haarlem-2023-mail-klachtenafhandeling-rattenoverlast",
        "szw-2021-antwoord-vragen-rente-tozo-bbz",
    }
)
# Fields the extractor must never fill where the letter is silent.
NEVER_INVENTED = (
    "date_sent",
    "our_reference",
    "your_reference",
    "dossier_references",
    "subject",
    "sender",
    "addressees",
    "cites",
)


def corpus_pairs() -> list[tuple[str, dict, dict]]:
    pairs = []
    for facts_file in sorted(CORPUS.glob("*.yaml")):
        truth = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        text_file = REAL_LETTERS / truth["text"]
        if not text_file.is_file():
            continue
        truth = {
            key: (str(value) if key == "date_sent" and value is not None else value)
            for key, value in truth.items()
        }
        pairs.append((facts_file.stem, drafted(text_file.read_text(encoding="utf-8")) or {}, truth))
    return pairs


@pytest.mark.skipif(
    not REAL_LETTERS.is_dir(), reason=f"no real-letter texts at {REAL_LETTERS} (kept off the repository)"
)
def test_extraction_on_real_letters_invents_nothing_and_meets_its_floors():
    pairs = corpus_pairs()
    assert pairs, f"none of the texts named in {CORPUS} is in {REAL_LETTERS}"
    scores = score((predicted, truth) for _name, predicted, truth in pairs)
    print("\n" + scores.table("real letters"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # Floors a little under what the letters reach now (docs/ingest.md), so a regression fails: the
    # earlier 72 letters, the 97 of the first three sets and all letters, the fourth set's 24 with
    # them, meet the same floors (raised after the fourth set: sender from 0.85, addressees from 0.9,
    # signatories from 0.95, precision of organisations mentioned from 0.95) ...
    # The fifth set's 16 join them (docs/ingest.md, "A fifth unseen set"): every group keeps every floor,
    # the precision of organisations mentioned raised from 0.98 (all groups reach 1.000). The sixth
    # set's 11 join them too ("A sixth unseen set"): every group keeps every floor, dossier references
    # raised from 0.95 (all groups reach 1.000). The seventh set's 7 join them ("A seventh unseen set"):
    # every group keeps every floor. Headers run into one line ("Headers run into one line"): addressees
    # raised from 0.91 (every group reaches 0.926 or more). The eighth set's 16 join them ("An eighth
    # unseen set"): every group keeps every floor; subject raised from 0.9 where the lower floor holds
    # (every such group reaches 0.911 or more). The ninth set's 20 ("A ninth unseen set") leave the
    # groups before them at every floor (sender raised from 0.87, recall of organisations mentioned from
    # 0.95: every such group reaches 0.885 and 0.957 or more); with them all letters keep the floors
    # their rates allow, below (the ninth set's references, subjects and cites the extractor still misses).
    # A group's floors hold for the group as a whole: they are checked where the folder holds every text
    # of it (a machine that restored only part of the corpus checks the groups it has whole; every
    # group's letters are still checked for invented values above).
    present = {name for name, _predicted, _truth in pairs}
    texts = {
        facts_file.stem
        for facts_file in CORPUS.glob("*.yaml")
        if not str(yaml.safe_load(facts_file.read_text(encoding="utf-8"))["text"]).endswith(".pdf")
    }

    def group(excluded: frozenset[str]):
        """The scores of the letters outside `excluded`, or None unless all of them are present."""
        if not (texts - excluded) <= present:
            return None
        return score((predicted, truth) for name, predicted, truth in pairs if name not in excluded)

    def one_set(members: frozenset[str]):
        """The scores of an unseen set's letters, or None unless all of them are present."""
        if not present >= members:
            return None
        return score((predicted, truth) for name, predicted, truth in pairs if name in members)

    later = (
        THIRD_SET
        | FOURTH_SET
        | FIFTH_SET
        | SIXTH_SET
        | SEVENTH_SET
        | EIGHTH_SET
        | NINTH_SET
        | TENTH_SET
        | ELEVENTH_SET
        | TWELFTH_SET
        | THIRTEENTH_SET
        | FOURTEENTH_SET
        | FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    earlier = group(later)
    since_eleventh = (
        ELEVENTH_SET
        | TWELFTH_SET
        | THIRTEENTH_SET
        | FOURTEENTH_SET
        | FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    first_three = group(
        FOURTH_SET | FIFTH_SET | SIXTH_SET | SEVENTH_SET | EIGHTH_SET | NINTH_SET | TENTH_SET | since_eleventh
    )
    first_four = group(
        FIFTH_SET | SIXTH_SET | SEVENTH_SET | EIGHTH_SET | NINTH_SET | TENTH_SET | since_eleventh
    )
    first_five = group(SIXTH_SET | SEVENTH_SET | EIGHTH_SET | NINTH_SET | TENTH_SET | since_eleventh)
    first_six = group(SEVENTH_SET | EIGHTH_SET | NINTH_SET | TENTH_SET | since_eleventh)
    first_seven = group(EIGHTH_SET | NINTH_SET | TENTH_SET | since_eleventh)
    first_eight = group(NINTH_SET | TENTH_SET | since_eleventh)
    first_nine = group(TENTH_SET | since_eleventh)
    first_ten = group(since_eleventh)
    first_eleven = group(
        TWELFTH_SET
        | THIRTEENTH_SET
        | FOURTEENTH_SET
        | FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    first_twelve = group(
        THIRTEENTH_SET
        | FOURTEENTH_SET
        | FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    first_thirteen = group(
        FOURTEENTH_SET
        | FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    first_fourteen = group(
        FIFTEENTH_SET
        | SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
    )
    first_fifteen = group(
        SIXTEENTH_SET
        | EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
        | TWENTY_FIFTH_SET
    )
    first_sixteen = group(
        EIGHTEENTH_SET
        | NINETEENTH_SET
        | TWENTIETH_SET
        | TWENTY_FIRST_SET
        | TWENTY_FOURTH_SET
        | TWENTY_FIFTH_SET
    )
    first_eighteen = group(
        NINETEENTH_SET | TWENTIETH_SET | TWENTY_FIRST_SET | TWENTY_FOURTH_SET | TWENTY_FIFTH_SET
    )
    first_nineteen = group(TWENTIETH_SET | TWENTY_FIRST_SET | TWENTY_FOURTH_SET | TWENTY_FIFTH_SET)
    first_twenty = group(TWENTY_FIRST_SET | TWENTY_FOURTH_SET | TWENTY_FIFTH_SET)
    every = group(TWENTY_FOURTH_SET | TWENTY_FIFTH_SET)  # all but the two sets with floors of their own
    tenth = one_set(TENTH_SET)
    for scored in (earlier, first_three, first_four, first_five, first_six, first_seven, first_eight):
        if scored is None:
            continue
        assert scored.fields["date_sent"].exact_rate_with_value >= 0.95
        assert scored.fields["our_reference"].exact_rate_with_value >= 0.95
        assert scored.fields["dossier_references"].exact_rate_with_value >= 0.99
        assert scored.fields["sender"].exact_rate_with_value >= 0.88
        assert scored.fields["addressees"].exact_rate_with_value >= 0.92
        assert scored.fields["signatories"].exact_rate_with_value >= 0.97
        assert scored.fields["organisations_mentioned"].precision >= 0.99
        assert scored.fields["organisations_mentioned"].recall >= 0.955
    # the 191 letters up to the ninth set (30 Nov 2026: 0.972, 0.939, 1.000, 0.898, 0.930, 0.973, 1.000,
    # 0.962; subject 0.885, cites 0.769), the floors that were all letters' before the tenth set
    if first_nine is not None:
        assert first_nine.fields["date_sent"].exact_rate_with_value >= 0.95
        assert first_nine.fields["our_reference"].exact_rate_with_value >= 0.93
        assert first_nine.fields["dossier_references"].exact_rate_with_value >= 0.99
        assert first_nine.fields["sender"].exact_rate_with_value >= 0.88
        assert first_nine.fields["addressees"].exact_rate_with_value >= 0.92
        assert first_nine.fields["signatories"].exact_rate_with_value >= 0.97
        assert first_nine.fields["organisations_mentioned"].precision >= 0.99
        assert first_nine.fields["organisations_mentioned"].recall >= 0.955
        assert first_nine.fields["subject"].exact_rate_with_value >= 0.88
        assert first_nine.fields["cites"].exact_rate_with_value >= 0.76
    # the tenth set's 20 after its fixes ("A tenth unseen set": 0.882, 0.667, 1.000, 1.000, 0.938, 1.000,
    # 0.973 / 0.947; subject 0.667, cites 0.333 — its references, subjects and cites still missed)
    if tenth is not None:
        assert tenth.fields["date_sent"].exact_rate_with_value >= 0.85
        assert tenth.fields["our_reference"].exact_rate_with_value >= 0.6
        assert tenth.fields["dossier_references"].exact_rate_with_value >= 0.99
        assert tenth.fields["sender"].exact_rate_with_value >= 0.95
        assert tenth.fields["addressees"].exact_rate_with_value >= 0.9
        assert tenth.fields["signatories"].exact_rate_with_value >= 0.95
        assert tenth.fields["organisations_mentioned"].precision >= 0.95
        assert tenth.fields["organisations_mentioned"].recall >= 0.9
        assert tenth.fields["subject"].exact_rate_with_value >= 0.6
        assert tenth.fields["cites"].exact_rate_with_value >= 0.3
    # the eleventh set's 15 after its fixes ("An eleventh unseen set": date 0.929, our reference 1.000,
    # sender 0.800, addressees 0.600, signatories 0.385; the letters' signature blocks under scanned
    # scribbles, and addressees the register lacks, still missed)
    eleventh = one_set(ELEVENTH_SET)
    if eleventh is not None:
        for name in NEVER_INVENTED:
            assert eleventh.fields[name].invented == 0, name
        assert eleventh.fields["date_sent"].exact_rate_with_value >= 0.9
        assert eleventh.fields["our_reference"].exact_rate_with_value >= 0.99
        assert eleventh.fields["sender"].exact_rate_with_value >= 0.75
        assert eleventh.fields["cites"].exact_rate_with_value >= 0.9
        assert eleventh.fields["organisations_mentioned"].precision >= 0.99
        assert eleventh.fields["organisations_mentioned"].recall >= 0.95
    if first_ten is not None:  # the 211 letters before the eleventh set keep the floors all letters had
        assert first_ten.fields["date_sent"].exact_rate_with_value >= 0.95
        assert first_ten.fields["our_reference"].exact_rate_with_value >= 0.92
        assert first_ten.fields["sender"].exact_rate_with_value >= 0.88
        assert first_ten.fields["addressees"].exact_rate_with_value >= 0.92
        assert first_ten.fields["signatories"].exact_rate_with_value >= 0.97
    # all 211 letters: the floors the 191's rates and the tenth set's counts allow (estimated from them,
    # docs/ingest.md: 0.960, 0.923, 1.000, 0.906, 0.931, 0.975; subject 0.879, cites 0.724)
    # with the eleventh set (226 letters) signatories and addressees lower: its 13 signed letters had 5
    # signers right after the fixes, its 10 addressed 6 (estimated: 0.93 and 0.92)
    # the twelfth set's 15 after its fixes ("A twelfth unseen set": date, references, sender, addressees and
    # organisations mentioned 1.000, signatories 0.750, cites 0.750, subject 0.857)
    twelfth = one_set(TWELFTH_SET)
    if twelfth is not None:
        for name in NEVER_INVENTED:
            assert twelfth.fields[name].invented == 0, name
        assert twelfth.fields["date_sent"].exact_rate_with_value >= 0.95
        assert twelfth.fields["our_reference"].exact_rate_with_value >= 0.95
        assert twelfth.fields["dossier_references"].exact_rate_with_value >= 0.99
        assert twelfth.fields["sender"].exact_rate_with_value >= 0.95
        assert twelfth.fields["addressees"].exact_rate_with_value >= 0.95
        assert twelfth.fields["signatories"].exact_rate_with_value >= 0.7
        assert twelfth.fields["cites"].exact_rate_with_value >= 0.7
        assert twelfth.fields["organisations_mentioned"].precision >= 0.99
        assert twelfth.fields["organisations_mentioned"].recall >= 0.99
    # the thirteenth set's 15 after its fixes ("A thirteenth unseen set": date sent and addressees 6/6 and
    # 12/12, sender 5/7, organisations mentioned 1.000 / 0.727, nothing invented; the memo's writer, the
    # covering letter's signer without his initial's full stop and a list of municipalities after a colon
    # still missed)
    thirteenth = one_set(THIRTEENTH_SET)
    if thirteenth is not None:
        for name in NEVER_INVENTED:
            assert thirteenth.fields[name].invented == 0, name
        assert thirteenth.fields["date_sent"].exact_rate_with_value >= 0.95
        assert thirteenth.fields["sender"].exact_rate_with_value >= 0.7
        assert thirteenth.fields["addressees"].exact_rate_with_value >= 0.95
        assert thirteenth.fields["signatories"].exact_rate >= 0.85
        assert thirteenth.fields["organisations_mentioned"].precision >= 0.99
        assert thirteenth.fields["organisations_mentioned"].recall >= 0.7
    # the fourteenth set's 11 after its fixes (date, references, cites 1.000, sender 5/8, organisations
    # mentioned 1.000 / 0.750, addressees 1/3, nothing invented; "de Graafse raadsleden", a board paper's
    # own board, a party's questions and two board papers' writers still missed)
    fourteenth = one_set(FOURTEENTH_SET)
    if fourteenth is not None:
        for name in NEVER_INVENTED:
            assert fourteenth.fields[name].invented == 0, name
        assert fourteenth.fields["date_sent"].exact_rate_with_value >= 0.95
        assert fourteenth.fields["our_reference"].exact_rate_with_value >= 0.95
        assert fourteenth.fields["sender"].exact_rate_with_value >= 0.6
        assert fourteenth.fields["addressees"].exact_rate_with_value >= 0.3
        assert fourteenth.fields["organisations_mentioned"].precision >= 0.99
        assert fourteenth.fields["organisations_mentioned"].recall >= 0.7
    # the fifteenth set's 12 (be579b1): its whole set was never scored here after its fixes (its texts were
    # being restored), so only that it invents nothing
    fifteenth = one_set(FIFTEENTH_SET)
    if fifteenth is not None:
        for name in NEVER_INVENTED:
            assert fifteenth.fields[name].invented == 0, name
    # the sixteenth set's 12 after its fixes ("A sixteenth unseen set": date sent 6/6, addressees 7/7, cites
    # 1/1, organisations mentioned 1.000 / 1.000, sender 6/8, signatories 2/4, nothing invented; an OCR'd
    # signature with a scan's scraps, a letter whose sender is named only in a lost signature and a press
    # release's title still missed)
    sixteenth = one_set(SIXTEENTH_SET)
    if sixteenth is not None:
        for name in NEVER_INVENTED:
            assert sixteenth.fields[name].invented == 0, name
        assert sixteenth.fields["date_sent"].exact_rate_with_value >= 0.95
        assert sixteenth.fields["sender"].exact_rate_with_value >= 0.7
        assert sixteenth.fields["addressees"].exact_rate_with_value >= 0.95
        assert sixteenth.fields["signatories"].exact_rate_with_value >= 0.45
        assert sixteenth.fields["cites"].exact_rate_with_value >= 0.95
        assert sixteenth.fields["organisations_mentioned"].precision >= 0.99
        assert sixteenth.fields["organisations_mentioned"].recall >= 0.95
    # the eighteenth set's 8 texts after its fixes ("An eighteenth unseen set"; its PDFs are scored below):
    # date sent, our reference, sender and body, signatories, addressees 1.000, nothing invented
    eighteenth = one_set(EIGHTEENTH_SET)
    if eighteenth is not None:
        for name in NEVER_INVENTED:
            assert eighteenth.fields[name].invented == 0, name
        for name in ("date_sent", "our_reference", "sender", "sender_body", "signatories", "addressees"):
            assert eighteenth.fields[name].exact_rate_with_value >= 0.95, name
        assert eighteenth.fields["organisations_mentioned"].precision >= 0.99
        assert eighteenth.fields["organisations_mentioned"].recall >= 0.95
    # the nineteenth set's 6 texts after its fixes ("A nineteenth unseen set"; its PDFs are scored below):
    # date sent, subject, signatories and cites 1.000, sender 4/5, addressees 3/4, organisations 1.000 /
    # 0.857, nothing invented (before them: date 0.833, subject 0.600, sender 0.200, addressees 0.250)
    nineteenth = one_set(NINETEENTH_SET)
    if nineteenth is not None:
        for name in NEVER_INVENTED:
            assert nineteenth.fields[name].invented == 0, name
        for name in ("date_sent", "subject", "signatories", "cites"):
            assert nineteenth.fields[name].exact_rate_with_value >= 0.95, name
        assert nineteenth.fields["sender"].exact_rate_with_value >= 0.75
        assert nineteenth.fields["addressees"].exact_rate_with_value >= 0.7
        assert nineteenth.fields["organisations_mentioned"].precision >= 0.99
        assert nineteenth.fields["organisations_mentioned"].recall >= 0.8
    # the twentieth set's 5 texts after its fixes ("A twentieth unseen set"; its PDFs are scored below):
    # date sent, dossier references, signatories, organisations 1.000, subject 4/5, sender 3/4, cites 2/3,
    # nothing invented (before them: date 0.800, dossier 0/1, subject 0.400, an invented signer)
    twentieth = one_set(TWENTIETH_SET)
    if twentieth is not None:
        for name in NEVER_INVENTED:
            assert twentieth.fields[name].invented == 0, name
        for name in ("date_sent", "dossier_references", "signatories"):
            assert twentieth.fields[name].exact_rate_with_value >= 0.95, name
        assert twentieth.fields["subject"].exact_rate_with_value >= 0.75
        assert twentieth.fields["sender"].exact_rate_with_value >= 0.7
        assert twentieth.fields["cites"].exact_rate_with_value >= 0.6
        assert twentieth.fields["organisations_mentioned"].precision >= 0.99
        assert twentieth.fields["organisations_mentioned"].recall >= 0.95
    # the twenty-first set's 12 texts after its fixes ("A twenty-first unseen set"): every field 1.000,
    # nothing invented (before them: date 0.600, our reference 0/1, subject 0/2 and one invented, sender
    # 0.700, organisations' precision 0.727, three letters refused)
    twenty_first = one_set(TWENTY_FIRST_SET)
    if twenty_first is not None:
        for name in NEVER_INVENTED:
            assert twenty_first.fields[name].invented == 0, name
        for name in ("kind", "date_sent", "our_reference", "subject", "sender", "addressees", "signatories"):
            assert twenty_first.fields[name].exact_rate_with_value >= 0.95, name
        assert twenty_first.fields["organisations_mentioned"].precision >= 0.99
        assert twenty_first.fields["organisations_mentioned"].recall >= 0.95
    # the twenty-fourth set's 18 after its fixes ("A twenty-fourth unseen set", 3 Dec 2026: kind 0.944,
    # date 0.941, subject 0.824, addressees 0.600, sender 0.583, nothing invented; roles in English,
    # unlabelled references and cited e-mails still missed)
    twenty_fourth = one_set(TWENTY_FOURTH_SET)
    if twenty_fourth is not None:
        for name in NEVER_INVENTED:
            assert twenty_fourth.fields[name].invented == 0, name
        for name in ("kind", "date_sent"):
            assert twenty_fourth.fields[name].exact_rate_with_value >= 0.9, name
        assert twenty_fourth.fields["subject"].exact_rate_with_value >= 0.8
        assert twenty_fourth.fields["addressees"].exact_rate_with_value >= 0.55
        assert twenty_fourth.fields["sender"].exact_rate_with_value >= 0.55
        assert twenty_fourth.fields["organisations_mentioned"].precision >= 0.99
        assert twenty_fourth.fields["organisations_mentioned"].recall >= 0.9
    # the twenty-fifth set's 18 after its fixes ("A twenty-fifth unseen set", 3 Dec 2026: kind 0.944, date
    # 0.875, subject 0.812, sender 0.714, addressees 0.500, nothing invented; references in a row of
    # labels, signers of e-mails and cited complaints still missed)
    twenty_fifth = one_set(TWENTY_FIFTH_SET)
    if twenty_fifth is not None:
        for name in NEVER_INVENTED:
            assert twenty_fifth.fields[name].invented == 0, name
        assert twenty_fifth.fields["kind"].exact_rate_with_value >= 0.9
        assert twenty_fifth.fields["date_sent"].exact_rate_with_value >= 0.85
        assert twenty_fifth.fields["subject"].exact_rate_with_value >= 0.75
        assert twenty_fifth.fields["sender"].exact_rate_with_value >= 0.65
        assert twenty_fifth.fields["organisations_mentioned"].precision >= 0.9
    # the twenty-sixth set's 13 after its fixes ("A twenty-sixth unseen set", 3 Dec 2026: kind 0.692, dossiers
    # 0.833, sender 0.500, addressees 0.750, mentions precision 1.000 and recall 0.944, nothing invented; a
    # one-line OCR'd proposal, a team's message and a page describing its letter are still refused)
    twenty_sixth = one_set(TWENTY_SIXTH_SET)
    if twenty_sixth is not None:
        for name in NEVER_INVENTED:
            assert twenty_sixth.fields[name].invented == 0, name
        assert twenty_sixth.fields["kind"].exact_rate_with_value >= 0.65
        assert twenty_sixth.fields["dossier_references"].exact_rate_with_value >= 0.8
        assert twenty_sixth.fields["sender"].exact_rate_with_value >= 0.45
        assert twenty_sixth.fields["organisations_mentioned"].precision >= 0.99
        assert twenty_sixth.fields["organisations_mentioned"].recall >= 0.9
    # the twenty-seventh set's 10 after its fixes ("A twenty-seventh unseen set", 3 Dec 2026: kind, date and
    # our reference 1.000, sender 0.889, signatories 0.800, addressees 0.778, nothing invented)
    twenty_seventh = one_set(TWENTY_SEVENTH_SET)
    if twenty_seventh is not None:
        for name in NEVER_INVENTED:
            assert twenty_seventh.fields[name].invented == 0, name
        for name in ("kind", "date_sent", "our_reference"):
            assert twenty_seventh.fields[name].exact_rate_with_value >= 0.95, name
        assert twenty_seventh.fields["sender"].exact_rate_with_value >= 0.85
        assert twenty_seventh.fields["signatories"].exact_rate_with_value >= 0.75
        assert twenty_seventh.fields["addressees"].exact_rate_with_value >= 0.75
    # the twenty-eighth set's 8 texts after its fixes ("A twenty-eighth and a twenty-ninth unseen set", 3 Dec 2026:
    # kind, our reference, signatories and addressees 1.000, sender 0.750, nothing invented)
    twenty_eighth = one_set(TWENTY_EIGHTH_SET)
    if twenty_eighth is not None:
        for name in NEVER_INVENTED:
            assert twenty_eighth.fields[name].invented == 0, name
        for name in ("kind", "our_reference", "signatories", "addressees"):
            assert twenty_eighth.fields[name].exact_rate_with_value >= 0.95, name
        assert twenty_eighth.fields["sender"].exact_rate_with_value >= 0.7
    # the twenty-ninth set's 17 after its fixes (same section: kind 0.882, date 0.824, subject 0.765, sender
    # 0.588, sender's body 1.000, nothing invented; a memo form and an order refused, parties on forms and
    # cited mails still missed)
    twenty_ninth = one_set(TWENTY_NINTH_SET)
    if twenty_ninth is not None:
        for name in NEVER_INVENTED:
            assert twenty_ninth.fields[name].invented == 0, name
        # raised after the twentieth session's classes (docs/ingest.md, "Classes left in the development
        # set": the memo drafted, the party's questions on the council's form; kind 0.941, date 0.882, subject
        # 0.824, sender 0.706, addressees 0.833)
        assert twenty_ninth.fields["kind"].exact_rate_with_value >= 0.9
        assert twenty_ninth.fields["date_sent"].exact_rate_with_value >= 0.85
        assert twenty_ninth.fields["subject"].exact_rate_with_value >= 0.8
        assert twenty_ninth.fields["sender"].exact_rate_with_value >= 0.65
        assert twenty_ninth.fields["addressees"].exact_rate_with_value >= 0.8
        assert twenty_ninth.fields["sender_body"].exact_rate_with_value >= 0.95
    # the thirtieth set's 17 after its fixes ("A thirtieth and a thirty-first unseen set", 3 Dec 2026: kind 0.941,
    # date 0.812, our reference 0.750, sender 0.600, signers invented 3 -> 0; an invoice address in a mail
    # read as an addressee is the one invented value left)
    thirtieth = one_set(THIRTIETH_SET)
    if thirtieth is not None:
        for name in ("date_sent", "our_reference", "sender", "signatories"):
            assert thirtieth.fields[name].invented == 0, name
        assert thirtieth.fields["kind"].exact_rate_with_value >= 0.9
        assert thirtieth.fields["our_reference"].exact_rate_with_value >= 0.7
        assert thirtieth.fields["sender"].exact_rate_with_value >= 0.55
    # the thirty-first set's 12 after its fixes (same section: kind, our reference, subject, addressees,
    # signatories and the sender's body 1.000, sender 0.900, date 0.889, nothing invented)
    thirty_first = one_set(THIRTY_FIRST_SET)
    if thirty_first is not None:
        for name in NEVER_INVENTED:
            assert thirty_first.fields[name].invented == 0, name
        for name in ("kind", "our_reference", "addressees", "sender_body"):
            assert thirty_first.fields[name].exact_rate_with_value >= 0.95, name
        assert thirty_first.fields["sender"].exact_rate_with_value >= 0.85
        assert thirty_first.fields["date_sent"].exact_rate_with_value >= 0.85
    # the thirty-second set's 8 after its fixes (same section: our reference, dossiers, signatories 1.000, date
    # 0.750, nothing invented; several associations' requests give no sender, a note without a closing is
    # refused)
    thirty_second = one_set(THIRTY_SECOND_SET)
    if thirty_second is not None:
        for name in NEVER_INVENTED:
            assert thirty_second.fields[name].invented == 0, name
        assert thirty_second.fields["our_reference"].exact_rate_with_value >= 0.95
        assert thirty_second.fields["date_sent"].exact_rate_with_value >= 0.7
        # the associations writing together and the note's rows (twentieth session): sender, subject 0.875 and
        # more, addressees and signatories 1.000
        assert thirty_second.fields["sender"].exact_rate_with_value >= 0.95
        assert thirty_second.fields["subject"].exact_rate_with_value >= 0.85
    for scored in (
        first_eleven,
        first_twelve,
        first_thirteen,
        first_fourteen,
        first_fifteen,
        first_sixteen,
        first_eighteen,
        first_nineteen,
        first_twenty,
        every,
    ):  # the letters before the twelfth to sixteenth and eighteenth to twentieth sets, and all
        if scored is None:
            continue
        assert scored.fields["date_sent"].exact_rate_with_value >= 0.95
        assert scored.fields["our_reference"].exact_rate_with_value >= 0.92
        assert scored.fields["dossier_references"].exact_rate_with_value >= 0.99
        assert scored.fields["sender"].exact_rate_with_value >= 0.88
        assert scored.fields["addressees"].exact_rate_with_value >= 0.9
        assert scored.fields["signatories"].exact_rate_with_value >= 0.92
        assert scored.fields["organisations_mentioned"].precision >= 0.99
        assert scored.fields["organisations_mentioned"].recall >= 0.955
        assert scored.fields["subject"].exact_rate_with_value >= 0.87
        assert scored.fields["cites"].exact_rate_with_value >= 0.72
    # ... and subject and cites keep their floors on the letters they were set for. The fourth set's
    # facts take a government page's title as its subject where nothing the extractor reads tells it
    # from a news page's or a party's title line (which the earlier sets' facts leave no subject), and
    # cite one letter by a number without a date: all letters meet lower floors there.
    for scored in (earlier, first_three):
        if scored is not None:
            assert scored.fields["subject"].exact_rate_with_value >= 0.95
            assert scored.fields["cites"].exact_rate_with_value >= 0.85
    for scored in (first_four, first_five, first_six, first_seven, first_eight):
        if scored is not None:
            assert scored.fields["subject"].exact_rate_with_value >= 0.91
            assert scored.fields["cites"].exact_rate_with_value >= 0.8


def _real_pdf_scores(*templates: str, exclude: frozenset[str] = frozenset()):
    """The PDFs in REAL_PDFS whose facts files start with one of `templates` (but those in `exclude`),
    read as ingest reads them (the text layer; OCR for a page without one), scored against their facts."""
    pairs = []
    for facts_file in sorted(f for t in templates for f in CORPUS.glob(f"{t}*.yaml")):
        if facts_file.stem in exclude:
            continue
        truth = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
        pdf = REAL_PDFS / truth["text"]
        if pdf.suffix != ".pdf" or not pdf.is_file():
            continue
        problems: list = []
        result = read_document(pdf, pdf.name, problems)
        assert result.text, (pdf.name, problems)
        truth = {
            key: (str(value) if key == "date_sent" and value is not None else value)
            for key, value in truth.items()
        }
        pairs.append((drafted(result.text) or {}, truth))
    assert pairs, f"none of the PDFs named in {CORPUS} is in {REAL_PDFS}"
    return score(pairs)


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_real_letter_pdfs_of_other_templates_invents_nothing_and_meets_its_floors():
    """The municipality of Haarlem's letters from a Woo publication, redacted with an OCR text layer,
    and a ministry's letter in the central government's house style (docs/ingest.md, "Real PDFs of
    other templates")."""
    scores = _real_pdf_scores(
        "haarlem-202", "venj-", exclude=TWENTIETH_SET_PDFS | TWENTY_THIRD_SET_PDFS | TWENTY_EIGHTH_SET_PDFS
    )
    print("\n" + scores.table("real letters as PDFs, other templates"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # Floors a little under what the 7 PDFs reach (30 Nov 2026: date 0.857, our reference, sender,
    # sender's body, signatories, addressees 1.000, subject 0.714, cited letters 0.667, organisations
    # 1.000 / 1.000); one more letter's miss in a field of 6-7 fails.
    assert scores.fields["date_sent"].exact_rate_with_value >= 0.85
    assert scores.fields["our_reference"].exact_rate_with_value >= 0.95
    assert scores.fields["subject"].exact_rate_with_value >= 0.7
    assert scores.fields["sender"].exact_rate_with_value >= 0.95
    assert scores.fields["sender_body"].exact_rate_with_value >= 0.95
    assert scores.fields["signatories"].exact_rate >= 0.95
    assert scores.fields["addressees"].exact_rate >= 0.95
    assert scores.fields["cites"].exact_rate_with_value >= 0.65
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.95


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_real_letter_pdfs_invents_nothing_and_meets_its_floors():
    scores = _real_pdf_scores(
        "overijssel-20", exclude=SEVENTEENTH_SET | NINETEENTH_SET_PDFS | TWENTY_SECOND_SET_PDFS
    )
    print("\n" + scores.table("real letters as PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # Floors a little under what the 9 Overijssel PDFs reach (30 Nov 2026: every field 1.000 but cited
    # letters 0.600 and organisations' recall 0.917); one letter's miss in a field of 7-9 letters fails.
    assert scores.fields["date_sent"].exact_rate_with_value >= 0.95
    assert scores.fields["our_reference"].exact_rate_with_value >= 0.95
    assert scores.fields["dossier_references"].exact_rate_with_value >= 0.95
    assert scores.fields["subject"].exact_rate_with_value >= 0.95
    assert scores.fields["sender"].exact_rate_with_value >= 0.95
    assert scores.fields["sender_body"].exact_rate_with_value >= 0.95
    assert scores.fields["addressees"].exact_rate_with_value >= 0.95
    assert scores.fields["signatories"].exact_rate_with_value >= 0.95
    assert scores.fields["cites"].exact_rate_with_value >= 0.55
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.9


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_seventeenth_set_of_real_pdfs_invents_nothing_and_meets_its_floors():
    """The seventeenth unseen set (docs/ingest.md): Overijssel's letters closing notifications, five of
    them pages whose text is drawn as outlines (read by OCR), as `opendata ingest` reads them."""
    scores = _real_pdf_scores("overijssel-2024-kapmelding-", exclude=TWENTY_SECOND_SET_PDFS)
    print("\n" + scores.table("the seventeenth set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # After its fixes every field reaches 1.000 on the 12 (2 Dec 2026; before them addressees 0.500, sender
    # 0.917, organisations' recall 0.923); one letter's miss in a field of 12 fails.
    for name in (
        "kind",
        "date_sent",
        "our_reference",
        "dossier_references",
        "subject",
        "sender",
        "addressees",
    ):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["signatories"].exact_rate >= 0.95
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.95


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_eighteenth_sets_pdfs_invents_nothing_and_meets_its_floors():
    """The eighteenth unseen set's PDFs (docs/ingest.md): Gedeputeerde Staten of Overijssel's answer to a
    residents' group (its signature page read by OCR), the province's letters to its own road department and
    to the municipality of Raalte, and a Haarlem official's e-mail answering a council faction, as `opendata
    ingest` reads them."""
    scores = _real_pdf_scores("provincie-overijssel-2024-", "gemeente-haarlem-2023-")
    print("\n" + scores.table("the eighteenth set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # After its fixes (2 Dec 2026) every field the four letters give a value reaches 1.000 but the e-mail's
    # addressee (a faction in its "Aan:" field) and cited questions; one more miss fails.
    for name in ("date_sent", "our_reference", "dossier_references", "sender", "sender_body", "signatories"):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["addressees"].exact_rate_with_value >= 0.7
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.95


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_nineteenth_sets_pdfs_invents_nothing_and_meets_its_floors():
    """The nineteenth unseen set's PDFs (docs/ingest.md): four Haarlem e-mails answering council factions'
    questions (OCR text layers), Overijssel's cover e-mails to Ommen and Raalte and its letter to Ommen."""
    scores = _real_pdf_scores(
        "gemeente-haarlem-2020-",
        "gemeente-haarlem-2022-",
        "gemeente-haarlem-2024-",
        "overijssel-2024-mail-afrondingsbrief-",
        "overijssel-2024-afrondingsbrief-gemeentehuis-",
        exclude=TWENTIETH_SET_PDFS | TWENTY_SECOND_SET_PDFS,
    )
    print("\n" + scores.table("the nineteenth set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # After its fixes (2 Dec 2026): date sent, our reference, dossier references 1.000, subject 5/6, sender
    # 4/5, addressees 2/3, cites 1/2, organisations 1.000 / 0.900, no signatory invented (before them date
    # 0.571, subject 0.500, addressees 0.333, two invented signatories); one more miss fails.
    for name in ("date_sent", "our_reference", "dossier_references"):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["subject"].exact_rate_with_value >= 0.8
    assert scores.fields["sender"].exact_rate_with_value >= 0.75
    assert scores.fields["addressees"].exact_rate_with_value >= 0.6
    assert scores.fields["signatories"].exact_rate >= 0.95
    assert scores.fields["cites"].exact_rate_with_value >= 0.45
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.85


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_twentieth_sets_pdfs_invents_nothing_and_meets_its_floors():
    """The twentieth unseen set's PDFs (docs/ingest.md): four of Haarlem's Woo publication with OCR text
    layers whose word boxes reach into the next line, and two pages of an Overijssel bundle."""
    scores = _real_pdf_scores(*sorted(TWENTIETH_SET_PDFS))
    print("\n" + scores.table("the twentieth set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # After its fixes (2 Dec 2026): date sent, dossier references, sender, addressees, signatories, cites
    # 1.000, subject 4/5, organisations 1.000 / 0.833 (before them: date 0.600, subject 0.400, sender
    # 0.500 with one invented, dossier 0/1); one more miss fails.
    for name in ("date_sent", "dossier_references", "sender", "addressees", "signatories", "cites"):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["subject"].exact_rate_with_value >= 0.75
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.8


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_twenty_second_sets_pdfs_invents_nothing_and_meets_its_floors():
    """The twenty-second unseen set's PDFs (docs/ingest.md): Overijssel's letters and cover e-mails closing
    tree-felling notifications, as `opendata ingest` reads them."""
    scores = _real_pdf_scores(*sorted(TWENTY_SECOND_SET_PDFS))
    print("\n" + scores.table("the twenty-second set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # The first pass (3 Dec 2026): every field 1.000 but addressees 17/19; after the fixes (a window above
    # the letterhead, a municipality's general mailbox in an e-mail's "Aan:") 19/19; one more miss fails.
    for name in (
        "kind",
        "date_sent",
        "our_reference",
        "dossier_references",
        "subject",
        "sender",
        "signatories",
    ):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["addressees"].exact_rate_with_value >= 0.95
    assert scores.fields["organisations_mentioned"].precision >= 0.99
    assert scores.fields["organisations_mentioned"].recall >= 0.95


@pytest.mark.skipif(
    not REAL_PDFS.is_dir(), reason=f"no real letter PDFs at {REAL_PDFS} (kept off the repository)"
)
def test_extraction_on_the_twenty_third_sets_pdfs_invents_nothing_and_meets_its_floors():
    """The twenty-third unseen set's PDFs (docs/ingest.md): Haarlem's printed e-mail threads and a
    minister's answers to written questions."""
    scores = _real_pdf_scores(*sorted(TWENTY_THIRD_SET_PDFS))
    print("\n" + scores.table("the twenty-third set, real PDFs"))
    for name in NEVER_INVENTED:
        assert scores.fields[name].invented == 0, name
    # After its fixes (3 Dec 2026): date sent, references, sender 1.000, subject 1/2, nothing invented
    # (before it: two dates, two subjects, a dossier number and three senders taken from the answered
    # messages of two threads whose top message lost its header); one more miss fails.
    for name in ("date_sent", "our_reference", "dossier_references", "signatories"):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
    assert scores.fields["subject"].exact_rate_with_value >= 0.5
    assert scores.fields["sender"].exact_rate_with_value >= 0.95
    # The two headless replies with no salutation, refused before the eighteenth session (kind 5/7,
    # mentions 4/7), are drafted as e-mails with their values unknown: kind and mentions 7/7.
    for name in ("kind", "organisations_mentioned"):
        assert scores.fields[name].exact_rate_with_value >= 0.95, name
