"""Hand-written sentences for the signal engine (our own, not from any eval set).

FOUND: (text, code) - the signal must be detected.
NOT_FOUND: (text, code) - the signal must NOT be detected (negation, past,
naaste, false-alarm traps).
NO_CRISIS: texts that must raise no crisis signal at all.
"""

FOUND = [
    # crisis_suicide: direct
    ("Ik denk de laatste tijd veel aan zelfmoord.", "crisis_suicide"),
    ("ik heb zelfmoordgedachten", "crisis_suicide"),
    ("Ik heb suïcidale gedachten sinds mijn ontslag", "crisis_suicide"),
    ("Ik wil er een eind aan maken.", "crisis_suicide"),
    ("ik wil een einde aan mijn leven maken", "crisis_suicide"),
    ("Ik wil niet meer leven", "crisis_suicide"),
    ("Soms wil ik gewoon dood", "crisis_suicide"),
    ("ik wil mezelf iets aandoen", "crisis_suicide"),
    ("Ik ben bang dat ik mezelf iets aandoe", "crisis_suicide"),
    ("Ik heb pillen opgespaard", "crisis_suicide"),
    ("ik denk erover om van een flat te springen", "crisis_suicide"),
    ("Ik wil voor de trein springen", "crisis_suicide"),
    # crisis_suicide: indirect
    ("Iedereen is beter af zonder mij.", "crisis_suicide"),
    ("Ik wil slapen en nooit meer wakker worden.", "crisis_suicide"),
    ("ik wil er niet meer zijn", "crisis_suicide"),
    ("Het hoeft voor mij niet meer.", "crisis_suicide"),
    ("Ik zie geen uitweg meer", "crisis_suicide"),
    ("Het heeft allemaal geen zin meer", "crisis_suicide"),
    ("Ik ben er liever niet meer", "crisis_suicide"),
    ("Ik heb een afscheidsbrief geschreven", "crisis_suicide"),
    ("Ik kan niet meer verder zo", "crisis_suicide"),
    ("Ik kan niet meer.", "crisis_suicide"),
    ("Soms denk ik dat het beter is als ik er niet meer ben", "crisis_suicide"),
    ("Ik zie het niet meer zitten", "crisis_suicide"),
    ("kzie het nie meer zitten", "crisis_suicide"),  # informal spelling
    ("ik wil zelfmoort plegen", "crisis_suicide"),  # typo
    ("Ik denk aan SUÏCIDE", "crisis_suicide"),
    ("ik denk aan suicide", "crisis_suicide"),
    # crisis_suicide: third person and KCC phrasing
    ("Mevrouw geeft aan dat ze niet meer wil leven.", "crisis_suicide"),
    ("Beller zegt dat hij er een eind aan wil maken", "crisis_suicide"),
    ("Mijn dochter praat over zelfmoord", "crisis_suicide"),
    ("Hij wil niet meer leven", "crisis_suicide"),
    ("Meneer vertelt dat iedereen beter af is zonder hem", "crisis_suicide"),
    # crisis_geweld
    ("Mijn man slaat me elke dag", "crisis_geweld"),
    ("Hij heeft me net geslagen", "crisis_geweld"),
    ("Hij staat met een mes in de keuken", "crisis_geweld"),
    ("Mijn ex dreigt me te vermoorden", "crisis_geweld"),
    ("Hij dreigt me af te maken", "crisis_geweld"),
    ("Ik ben nu in gevaar", "crisis_geweld"),
    ("Help, hij komt eraan!", "crisis_geweld"),
    ("Ik durf niet naar huis", "crisis_geweld"),
    ("Mijn kind wordt nu geslagen door haar vader", "crisis_geweld"),
    ("Mevrouw zegt dat haar partner haar vandaag heeft geslagen", "crisis_geweld"),
    # crisis_acuut
    ("Ik heb vannacht geen slaapplek", "crisis_acuut"),
    ("Ik moet vannacht op straat slapen", "crisis_acuut"),
    ("Ik ben net uit huis gezet en kan nergens heen", "crisis_acuut"),
    ("We hebben geen eten voor de kinderen vandaag", "crisis_acuut"),
    ("Mijn moeder is bewusteloos", "crisis_acuut"),
    ("Mijn vader ademt niet meer goed", "crisis_acuut"),
    ("Ik weet niet waar ik vannacht moet slapen", "crisis_acuut"),
    # contra_trauma
    ("Ik ben als kind misbruikt", "contra_trauma"),
    ("Ik ben vorig jaar verkracht", "contra_trauma"),  # the past does not cancel trauma
    ("Ik heb PTSS", "contra_trauma"),
    ("Ik heb nachtmerries van wat er gebeurd is", "contra_trauma"),
    ("Vroeger ben ik aangerand", "contra_trauma"),
    # contra_zware_psychiatrie
    ("Ik heb een psychose gehad en ben net uit de kliniek", "contra_zware_psychiatrie"),
    ("Ik hoor stemmen", "contra_zware_psychiatrie"),
    ("Ik ben bipolair", "contra_zware_psychiatrie"),
    ("Ik heb een zware depressie", "contra_zware_psychiatrie"),
    ("Ik ben twee keer opgenomen geweest", "contra_zware_psychiatrie"),
    ("Meneer heeft schizofrenie", "contra_zware_psychiatrie"),
    # contra_verslaving: inwoner, active
    ("Ik ben verslaafd aan gokken", "contra_verslaving"),
    ("Ik drink elke dag", "contra_verslaving"),
    ("ik blow iedere dag", "contra_verslaving"),
    ("Ik kan niet stoppen met drinken", "contra_verslaving"),
    ("Ik gebruik coke in het weekend", "contra_verslaving"),
    ("Meneer drinkt te veel", "contra_verslaving"),  # KCC about the inwoner
    ("Beller gebruikt elke dag", "contra_verslaving"),
    ("Meneer geeft aan dat hij elke dag drinkt", "contra_verslaving"),
    ("Vroeger dronk ik veel en nu drink ik weer elke dag", "contra_verslaving"),  # back again
    ("Ik was twee jaar clean maar ben sinds kort weer verslaafd", "contra_verslaving"),
    ("Ik drink nog steeds te veel", "contra_verslaving"),
    # contra_onveilig
    ("Ik ben bang voor mijn man", "contra_onveilig"),
    ("Mijn partner kleineert me", "contra_onveilig"),
    ("Er is huiselijk geweld bij ons thuis", "contra_onveilig"),
    ("Hij controleert mijn telefoon", "contra_onveilig"),
    ("Ik voel me thuis niet veilig", "contra_onveilig"),
    ("Het kind van de buren wordt mishandeld", "contra_onveilig"),
    # contra_schaamte
    ("Ik schaam me ervoor", "contra_schaamte"),
    ("Niemand mag het weten", "contra_schaamte"),
    ("Dit hoeft verder niemand te weten", "contra_schaamte"),
    ("De buren mogen het niet weten", "contra_schaamte"),
    ("Ik durf het niet te vertellen", "contra_schaamte"),
    ("Ik wil graag anoniem blijven", "contra_schaamte"),
    # contra_groep_ongewenst
    ("Ik wil niet in een groep", "contra_groep_ongewenst"),
    ("Liever individueel", "contra_groep_ongewenst"),
    ("Ik wil het liever onder vier ogen bespreken", "contra_groep_ongewenst"),
    ("Mijn zoon heeft autisme", "contra_groep_ongewenst"),
    ("Ik heb slechte ervaringen met groepen", "contra_groep_ongewenst"),
    ("Ik ben te verlegen om alleen naar een groep te gaan", "contra_groep_ongewenst"),
    ("Ik heb sociale angst", "contra_groep_ongewenst"),
    # contra_individuele_voorziening
    ("Ik heb een rolstoel nodig", "contra_individuele_voorziening"),
    ("Kan ik een traplift aanvragen?", "contra_individuele_voorziening"),
    ("We willen de badkamer laten aanpassen", "contra_individuele_voorziening"),
    ("Ik wil huishoudelijke hulp aanvragen", "contra_individuele_voorziening"),
    ("Ik heb vervoer nodig naar het ziekenhuis", "contra_individuele_voorziening"),
    ("Hoe werkt een pgb?", "contra_individuele_voorziening"),
    ("Ik zoek een scootmobiel", "contra_individuele_voorziening"),
    # contra_complex_gezin
    ("Ons gezin loopt helemaal vast", "contra_complex_gezin"),
    ("We hebben al drie hulpverleners over de vloer", "contra_complex_gezin"),
    ("Er is een ondertoezichtstelling voor mijn zoon", "contra_complex_gezin"),
    ("De jeugdbescherming is betrokken", "contra_complex_gezin"),
    ("Mijn man is ziek, mijn dochter gaat niet naar school en we hebben schulden", "contra_complex_gezin"),
    # indicatie_lotgenoten
    ("Ik zou graag praten met andere ouders die hetzelfde meemaken", "indicatie_lotgenoten"),
    ("Hebben andere ouders dat ook?", "indicatie_lotgenoten"),
    ("Ik zoek lotgenoten", "indicatie_lotgenoten"),
    ("Ik ben vast niet de enige", "indicatie_lotgenoten"),
    ("Ik wil ervaringen delen", "indicatie_lotgenoten"),
    # indicatie_sociaal_contact
    ("Ik wil graag nieuwe mensen leren kennen", "indicatie_sociaal_contact"),
    ("Ik ken niemand in de buurt", "indicatie_sociaal_contact"),
    ("Ik ben veel alleen", "indicatie_sociaal_contact"),
    ("Gewoon een kop koffie en een praatje", "indicatie_sociaal_contact"),
    ("Ik zoek iemand om mee te wandelen", "indicatie_sociaal_contact"),
    ("Is er een eetclub in de wijk?", "indicatie_sociaal_contact"),
    # indicatie_vaardigheid
    ("Ik wil leren budgetteren", "indicatie_vaardigheid"),
    ("Hoe ga ik om met de driftbuien van mijn zoon?", "indicatie_vaardigheid"),
    ("Ik wil beter Nederlands leren", "indicatie_vaardigheid"),
    ("Ik zoek tips voor het slapen van mijn baby", "indicatie_vaardigheid"),
    ("Ik wil weer een dagritme opbouwen", "indicatie_vaardigheid"),
    ("Is er een cursus over geld?", "indicatie_vaardigheid"),
    # indicatie_informatie
    ("Is er een informatieavond over dementie?", "indicatie_informatie"),
    ("Waar vind ik informatie over mantelzorg?", "indicatie_informatie"),
    ("Zijn er activiteiten voor ouderen?", "indicatie_informatie"),
    ("Wat is er in de buurt te doen?", "indicatie_informatie"),
    # indicatie_eigen_kracht
    ("Ik wil vrijwilliger worden", "indicatie_eigen_kracht"),
    ("Ik wil iets betekenen voor de buurt", "indicatie_eigen_kracht"),
    ("Ik heb een idee voor een repaircafé", "indicatie_eigen_kracht"),
    ("Ik wil zelf iets organiseren voor de ouderen", "indicatie_eigen_kracht"),
    ("Ik kan goed koken en wil mijn talent inzetten", "indicatie_eigen_kracht"),
]

NOT_FOUND = [
    # negation
    ("Ik heb geen schulden meer, maar ik zoek wel werk", "contra_complex_gezin"),
    ("Ik ben niet verslaafd", "contra_verslaving"),
    ("Ik drink geen alcohol", "contra_verslaving"),
    ("Ik schaam me niet", "contra_schaamte"),
    ("Hij slaat me niet", "crisis_geweld"),
    ("Hij slaat me niet", "contra_onveilig"),
    ("Hij heeft me nooit geslagen", "contra_onveilig"),
    ("Ik ben niet bang voor mijn man", "contra_onveilig"),
    ("Ik heb geen trauma", "contra_trauma"),
    ("Ik heb geen rolstoel nodig", "contra_individuele_voorziening"),
    ("Ik wil geen cursus", "indicatie_vaardigheid"),
    ("Ik zoek geen vrijwilligerswerk", "indicatie_eigen_kracht"),
    ("Ik heb geen psychose", "contra_zware_psychiatrie"),
    ("Ik denk niet dat ik verslaafd ben", "contra_verslaving"),
    ("Ik heb nooit gedronken", "contra_verslaving"),
    # resolved past (verleden_heft_op)
    ("Vroeger dronk ik elke dag", "contra_verslaving"),
    ("Ik ben al drie jaar clean", "contra_verslaving"),
    ("Ik was verslaafd, maar ik ben nu al twee jaar clean", "contra_verslaving"),
    ("Ik drink niet meer", "contra_verslaving"),
    ("Ik gokte vroeger elke dag", "contra_verslaving"),
    ("Mijn gokverslaving is voorbij", "contra_verslaving"),
    ("Vroeger sloeg hij me elke dag", "crisis_geweld"),
    ("Jaren geleden had ik geen slaapplek", "crisis_acuut"),
    # naaste, not the inwoner (alleen_inwoner)
    ("Mijn broer drinkt te veel", "contra_verslaving"),
    ("Ik maak me zorgen om mijn zoon, hij blowt elke dag", "contra_verslaving"),
    ("Mijn man is verslaafd aan gokken", "contra_verslaving"),
    ("Mijn moeder heeft een psychose", "contra_zware_psychiatrie"),
    ("Mijn zus is opgenomen geweest", "contra_zware_psychiatrie"),
    # other traps
    ("Ik wil graag hulp bij mijn administratie", "contra_schaamte"),
    ("Mijn baan is in gevaar", "crisis_geweld"),
    ("Ik ging vandaag met de trein naar oma", "crisis_suicide"),
]

NO_CRISIS = [
    "Ik wil niet meer naar die club",
    "Ik ben doodmoe",
    "Dat was echt dodelijk saai",
    "Ik kan niet meer slapen",
    "Ik heb geen zin meer in ruzie",
    "Ik kan het niet meer betalen",
    "Ik kan niet meer werken door mijn rug",
    "Ik wil niet meer alleen zijn",
    "Mijn vader is er niet meer, hij is vorig jaar overleden",
    "Ik was te laat voor de trein",
    "Ik wil stoppen met roken",
    "Er is geen plek meer op de cursus",
    "Ik ga de was ophangen",
    "De gemeente reageert niet meer op mijn mails",
    "Ik heb geen zin om te eten",
]
