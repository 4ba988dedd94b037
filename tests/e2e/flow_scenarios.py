"""Scenarios for the adaptive harness (tests/e2e/flow_harness.py), written as a person would talk.

Written for issue 12 part 2, without sight of the eval sets. Answers are
keyed to words of the assistant's question, in inwoner and KCC wording.
"""

from __future__ import annotations

from tests.e2e.flow_harness import Expect, Scenario

EENZAAM = "Ik voel me eenzaam sinds mijn man is overleden. Ik zou graag andere mensen ontmoeten."
SCHULDEN_SCHAAMTE = "Ik heb grote schulden en ik schaam me er heel erg voor. Niemand mag het weten."
MANTELZORG_SCHAAMTE = "Ik zorg al jaren voor mijn moeder. Ik schaam me dat het me niet lukt en niemand mag het weten."

GROEP_Q = ("groep of activiteit in de buurt", "anderen ontmoeten die hetzelfde")
AANMELDING_Q = ("aanmelding maak", "aanmelding maken voor de inwoner")
SUMMARY_Q = ("klopt dit",)
NAAM_Q = ("hoe mogen we u noemen", "naam van de inwoner")
CONTACT_Q = ("hoe wilt u dat we contact", "contact via telefoon")
SINDS_Q = ("hoe lang speelt", "sinds wanneer")
WENS_Q = ("hoopt",)
POSTCODE_OFFERS_Q = ("dan zoek ik iets bij u in de buurt", "voor aanbod in de buurt")
STOP = "wij stoppen"  # never in a reply unless a stop was confirmed
STOPPED = "we stoppen"

SCENARIOS = (
    # ---------------------------------------------------------------- change of mind
    Scenario("nee dan toch een groep", EENZAAM,
             answers=((AANMELDING_Q, "Ik heb me bedacht. Ik wil toch graag horen over een groep."),),
             expect=(Expect("Ik heb me bedacht", must=("•", "aanmelding"), must_not=(STOPPED, "gewist")),)),
    Scenario("kcc nee dan toch een groep", "De inwoner is weduwe en voelt zich eenzaam. Ze wil graag mensen ontmoeten.",
             kcc=True, answers=((AANMELDING_Q, "Ze heeft zich bedacht, ze wil toch graag horen over een groep."),),
             expect=(Expect("bedacht", must=("aanbod",), must_not=("gestopt",)),)),
    Scenario("ja en dan toch geen groep", EENZAAM,
             answers=((GROEP_Q, "ja graag"), (POSTCODE_OFFERS_Q, "8011 AB"), (AANMELDING_Q, "Nee, toch maar geen groep.")),
             expect=(Expect("toch maar geen groep", must=("u hoeft niet naar een groep",), must_not=(STOPPED,)),),
             identifiers=("8011 AB",)),
    Scenario("groep gevraagd tijdens de vragen", "Ik ben vaak alleen en mis mensen om me heen.",
             answers=((SINDS_Q, "Ik heb me bedacht. Ik wil toch graag horen over een groep."),),
             expect=(Expect("Ik heb me bedacht", must=("•",), must_not=(STOPPED, "hoe lang speelt")),)),
    Scenario("toch een aanmelding per mail", EENZAAM,
             answers=((AANMELDING_Q, "nee"), (("altijd zelf contact",), "Dan maar een aanmelding, maar dan per mail."),
                      (("e-mailadres",), "sanne@voorbeeld.nl")),
             must_not=("hoe wilt u dat we contact",),
             expect=(Expect("Dan maar een aanmelding", must=("bewaren we uw vraag",),
                            must_not=("geprobeerd", STOPPED)),),
             aanmelding={"contact_voorkeur": "email", "email": "sanne@voorbeeld.nl"},
             identifiers=("sanne@voorbeeld.nl",)),
    Scenario("aanmelding gevraagd tijdens de vragen", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((SINDS_Q, "Dan maar een aanmelding, maar dan per mail."),
                      (("e-mailadres",), "piet@voorbeeld.nl")),
             expect=(Expect("Dan maar een aanmelding", must=("bewaren we uw vraag",), must_not=("geprobeerd",)),),
             must_not=("hoe wilt u dat we contact",),
             aanmelding={"contact_voorkeur": "email"}, identifiers=("piet@voorbeeld.nl",)),
    Scenario("andere contactroute in de aanmelding", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((("telefoonnummer",), "Toch liever per mail."), (("e-mailadres",), "kees@voorbeeld.nl")),
             aanmelding={"contact_voorkeur": "email", "telefoon": None}, identifiers=("kees@voorbeeld.nl",)),
    # ---------------------------------------------------------------- corrections
    Scenario("naam bij de samenvatting", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((SUMMARY_Q, "naam. Zet er maar Sanne neer"),),
             expect=(Expect("Zet er maar Sanne neer", must=("sanne", "klopt dit"), must_not=(STOPPED, "gewist")),),
             aanmelding={"naam": "Sanne"}, identifiers=("Sanne",)),
    Scenario("kcc naam verbeterd", "De inwoner belt omdat hij zijn rekeningen niet meer kan betalen.", kcc=True,
             answers=((SUMMARY_Q, "nee, de naam moet Sanne de Vries zijn"),),
             expect=(Expect("de naam moet", must=("sanne de vries",), must_not=("gestopt",)),),
             aanmelding={"naam": "Sanne de Vries", "rol": "kcc"}, identifiers=("Sanne de Vries",)),
    Scenario("naam verbeterd bij een latere vraag", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((NAAM_Q, "Anna de Vries"), (CONTACT_Q, "bellen"), (("telefoonnummer",), "0612345678"),
                      (("het beste bellen",), "nee, de naam moet Anna de Wit zijn")),
             expect=(Expect("de naam moet", must=("aangepast", "het beste bellen"), must_not=(STOPPED, "gewist")),),
             aanmelding={"naam": "Anna de Wit", "contact_voorkeur": "telefoon"},
             identifiers=("Anna de Wit", "Anna de Vries", "0612345678")),
    Scenario("kcc naam verbeterd bij het e-mailadres", "De inwoner belt omdat hij zijn rekeningen niet meer kan betalen.",
             kcc=True, answers=((NAAM_Q, "Piet Bakker"), (CONTACT_Q, "mail"),
                                (("e-mailadres",), "de naam is niet goed, de naam moet Piet Smit zijn"),
                                (("e-mailadres",), "piet@voorbeeld.nl")),
             expect=(Expect("Piet Smit", must=("aangepast", "e-mailadres"), must_not=("gestopt",)),),
             aanmelding={"naam": "Piet Smit", "rol": "kcc", "email": "piet@voorbeeld.nl"},
             identifiers=("Piet Smit", "Piet Bakker", "piet@voorbeeld.nl")),
    Scenario("thema verbeterd", "Ik slaap slecht en pieker veel.",
             answers=((WENS_Q, "Het gaat eigenlijk over geld, ik heb schulden."),),
             expect=(Expect("eigenlijk over geld", must=("geld en schulden",)),),
             aanmelding={"thema": "geldzaken"}),
    Scenario("liever geen naam", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((NAAM_Q, "liever geen naam"),),
             expect=(Expect("liever geen naam", must_not=("herken ik niet",)),),
             aanmelding={"naam": None}),
    Scenario("bellen is geen naam", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((NAAM_Q, "bellen"),),
             expect=(Expect("bellen", must=("herken ik niet als naam",)),),
             aanmelding={"naam": "Fatima Bakker"}),
    # ---------------------------------------------------------------- told before asked
    Scenario("postcode hergebruikt", EENZAAM,
             answers=((GROEP_Q, "ja graag"), (POSTCODE_OFFERS_Q, "8011 AB")),
             must_not=("wat is uw postcode? bijvoorbeeld 8011 ab. u mag dit ook overslaan",),
             aanmelding={"postcode": "8011"}, identifiers=("8011 AB",)),
    Scenario("alles al verteld", "Voor mijzelf: ik heb al twee jaar schulden en ik slaap slecht. Mijn postcode is 8012 AB. "
             "Bel me maar als het kan.",
             must_not=("voor wie zoekt u hulp", "hoe lang speelt", "hoe wilt u dat we contact", "wat is uw postcode"),
             aanmelding={"postcode": "8012", "contact_voorkeur": "telefoon"}, identifiers=("8012 AB",)),
    # ---------------------------------------------------------------- requests
    Scenario("budgetcursus bij eerst individueel", SCHULDEN_SCHAAMTE,
             answers=((AANMELDING_Q, "Is er een budgetcursus of geldcafé in de buurt?"),),
             expect=(Expect("budgetcursus", must=("praat eerst rustig", "budget"), must_not=(STOPPED,)),)),
    Scenario("mantelzorggroep bij eerst individueel", MANTELZORG_SCHAAMTE,
             answers=((AANMELDING_Q, "Is er een groep voor mantelzorgers? Daar wil ik wel heen."),),
             expect=(Expect("groep voor mantelzorgers", must=("praat eerst rustig", "mantelzorg")),)),
    Scenario("een mens spreken tijdens de vragen", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((SINDS_Q, "Ik wil een mens spreken"), (("terugbelt",), "ja"),
                      (("op welk nummer",), "06 12345678")),
             expect=(Expect("mens spreken", must=("14 038", "terugbelt"), must_not=("hoe lang speelt",)),
                     Expect("06 12345678", must=("belt u",))),
             aanmelding=None, identifiers=("06 12345678", "+31612345678"), stop_after="belt u"),
    Scenario("terugbellen: geen duidelijk ja", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((SINDS_Q, "Ik wil een mens spreken"), (("terugbelt",), "zelf"), (("ja of nee",), "ja"),
                      (("op welk nummer",), "06 12345678")),
             expect=(Expect("zelf", must=("begreep ik niet goed", "ja of nee"), must_not=("op welk nummer",)),
                     Expect("06 12345678", must=("belt u",))),
             aanmelding=None, identifiers=("06 12345678", "+31612345678"), stop_after="belt u"),
    Scenario("kcc mens spreken", "De inwoner heeft schulden en wil liever een mens spreken.", kcc=True,
             expect=(Expect("mens spreken", must=("doorverbinden", "terugbelverzoek")),),
             aanmelding=None, stop_after="terugbelverzoek"),
    # ---------------------------------------------------------------- stop and goodbye
    Scenario("stop en toch verder", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((SINDS_Q, "stop"), (("wilt u stoppen",), "nee")),
             expect=(Expect("stop", must=("wilt u stoppen", "wis ik"), must_not=(STOPPED,)),
                     Expect("nee", must=("verder waar we waren",), must_not=(STOPPED,))),
             aanmelding={"status": "nieuw"}),
    Scenario("stop bevestigd in de aanmelding", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((NAAM_Q, "Ik wil stoppen"), (("wilt u stoppen",), "ja")),
             expect=(Expect("Ik wil stoppen", must=("aanmelding die nog niet klaar is",), must_not=(STOPPED,)),
                     Expect("ja", must=(STOPPED,), last=True)),
             aanmelding=None, stop_after="we stoppen"),
    Scenario("rust is geen afscheid", EENZAAM,
             answers=((AANMELDING_Q, "dat ik rust krijg"),),
             expect=(Expect("dat ik rust krijg", must=("aanmelding",), must_not=("tot ziens",)),)),
    Scenario("beter gaan is geen afscheid", "Ik heb steeds meer schulden en ik slaap er slecht van.",
             answers=((WENS_Q, "dat het beter gaat"),),
             expect=(Expect("dat het beter gaat", must_not=("tot ziens",)),)),
    # ---------------------------------------------------------------- offers fit the person
    Scenario("geen ouderenaanbod voor een jongere", "Ik ben 19 en voel me vaak eenzaam. Ik wil graag andere mensen ontmoeten.",
             answers=((GROEP_Q, "ja graag"), (POSTCODE_OFFERS_Q, "8041 AB")),
             must=("dit past bij uw vraag over",), must_not=("bewegen voor ouderen", "inloopochtend voor ouderen")),
    Scenario("geen vrouwengroep voor een man", "Ik ben een man van 40 en voel me eenzaam. Ik wil graag nieuwe mensen leren kennen.",
             answers=((GROEP_Q, "ja graag"), (POSTCODE_OFFERS_Q, "8031 AB")),
             must=("•",), must_not=("vrouwengroep",)),
    Scenario("postcode buiten de gemeente", EENZAAM,
             answers=((GROEP_Q, "ja graag"), (POSTCODE_OFFERS_Q, "3511 AB")),
             must=("buiten de gemeente zwolle",), must_not=("in uw wijk",)),
    # ---------------------------------------------------------------- the same classes in KCC mode
    Scenario("kcc stop en toch verder", "De inwoner belt omdat ze haar huur niet meer kan betalen.", kcc=True,
             answers=((SINDS_Q, "stop"), (("stoppen?",), "nee")),
             expect=(Expect("stop", must=("stoppen?", "gewist"), must_not=("gestopt.",)),
                     Expect("nee", must=("verder waar we waren",))),
             aanmelding={"status": "nieuw", "rol": "kcc"}),
    Scenario("kcc budgetcursus bij eerst individueel", "De inwoner heeft schulden en schaamt zich er heel erg voor. "
             "Niemand mag het weten.", kcc=True,
             answers=((AANMELDING_Q, "Is er een budgetcursus of geldcafé in de buurt?"),),
             expect=(Expect("budgetcursus", must=("eerst individueel", "gevraagd aanbod", "budget")),)),
    Scenario("kcc postcode hergebruikt", "De inwoner is weduwnaar, voelt zich eenzaam en wil graag mensen ontmoeten.",
             kcc=True, answers=((GROEP_Q, "ja"), (POSTCODE_OFFERS_Q, "8012 AB")),
             must_not=("postcode van de inwoner? (mag leeg",),
             aanmelding={"postcode": "8012", "rol": "kcc"}, identifiers=("8012 AB",)),
    Scenario("kcc thema verbeterd", "De inwoner slaapt slecht en piekert veel.", kcc=True,
             answers=((("wat heeft de inwoner al geprobeerd",), "Het gaat eigenlijk over geld, hij heeft schulden."),),
             expect=(Expect("eigenlijk over geld", must=("thema aangepast", "geld en schulden")),),
             aanmelding={"thema": "geldzaken"}),
    # ---------------------------------------------------------------- odd input
    Scenario("typfouten", "ik hep schuldn en ik slaap slegt, ik weet niet meer wat ik moet doen met de reekeningen",
             aanmelding={"status": "nieuw"}),
    Scenario("engels bericht", "Hello, I feel very lonely and I need help please",
             must=("14 038",), aanmelding=None, max_turns=1),
)
