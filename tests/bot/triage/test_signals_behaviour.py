"""Signals told as behaviour rather than named (issue #12, triage that generalises).

Each family is written in our own words: what someone sees or does, not the
label a professional would use. Next to each family, harmless sentences that
share its words and must stay silent.
"""

import io
import json

import pytest

from bot.taxonomy import taxonomy
from bot.triage.cli import run_jsonl, with_shared_codes
from bot.triage.signals import SignalEngine


@pytest.fixture(scope="module")
def engine():
    return SignalEngine()


def codes(engine, text):
    return {s.code for s in engine.detect(text)}


FOUND = [
    # medical emergency told as symptoms, now
    ("help mijn borst doet zo erg pijn en ik zweet", "crisis_acuut"),
    ("Mijn man zegt dat zijn linkerarm gevoelloos is en zijn mond hangt", "crisis_acuut"),
    ("ik kan niet meer ademen", "crisis_acuut"),
    ("my chest hurts and my arm is numb", "crisis_acuut"),
    # violence, acute, in the perfect tense
    ("Mijn vriend heeft me daarnet met zijn riem geslagen", "crisis_geweld"),
    # coercion: forced marriage, honour, documents taken, being left abroad
    ("Mijn ooms willen dat ik trouw met een man die ik nooit gezien heb", "contra_huiselijk_geweld"),
    ("Als ik niet doe wat ze zeggen maak ik de familie te schande, zegt mijn vader", "contra_huiselijk_geweld"),
    ("Mijn broer heeft mijn paspoort afgepakt", "contra_huiselijk_geweld"),
    ("ze zeggen dat we op vakantie gaan naar mijn land en dat ik daar moet blijven", "contra_huiselijk_geweld"),
    ("He took my passport and keeps my bank card", "contra_huiselijk_geweld"),
    ("My stepfather slapped my little sister last week", "contra_huiselijk_geweld"),
    # neglect and financial abuse of a child or an older person
    ("Het meisje van hiernaast vraagt bij ons om eten, haar ouders zijn bijna nooit thuis", "contra_huiselijk_geweld"),
    ("Mijn oom laat opa de hele dag in bed liggen", "contra_huiselijk_geweld"),
    ("Mijn zus neemt elke maand de AOW van onze moeder op", "contra_huiselijk_geweld"),
    # addiction as behaviour (the inwoner)
    ("ik rook al jointjes vanaf het opstaan", "contra_verslaving"),
    ("Meneer staat na zijn werk elke dag in de speelhal", "contra_verslaving"),
    ("Mijn hele loon gaat op aan gokken", "contra_verslaving"),
    # shame without the word
    ("De brieven van de bank liggen ongeopend in een la", "contra_schaamte"),
    ("ik durf de post niet meer open te maken", "contra_schaamte"),
    ("Mijn familie denkt dat het goed gaat met ons, niemand mag het weten", "contra_schaamte"),
    # trauma in English, severe depression and an eating disorder as behaviour
    ("I still have nightmares about what happened during the journey", "contra_trauma"),
    ("ik lig al weken de hele dag op de bank en zie het nut van opstaan niet", "contra_zware_psychiatrie"),
    ("Mijn dochter eet bijna niets meer en sport uren per dag", "contra_zware_psychiatrie"),
    # a family where much comes together
    ("Twee van onze drie kinderen hebben een diagnose en jeugdzorg is er al bij", "contra_complex_gezin"),
    ("Onze zoon is vorige week door de politie opgepakt", "contra_complex_gezin"),
    ("I don't want to be around other people, I just want to talk to someone alone", "contra_groep_ongewenst"),
    # plain collective wishes
    ("Ik zou graag iets doen voor de buurt", "indicatie_eigen_kracht"),
    ("Ik kook graag en wil wel koken voor ouderen in de wijk", "indicatie_eigen_kracht"),
    ("Wij willen een huiswerkclub in de flat beginnen", "indicatie_eigen_kracht"),
    ("Ik bel namens een groep bewoners van onze straat", "indicatie_eigen_kracht"),
    ("Ik wil praten met mensen in dezelfde situatie", "indicatie_lotgenoten"),
    ("ik zou met andere mantelzorgers willen praten", "indicatie_lotgenoten"),
    ("We willen vaker samenkomen met de vrouwen uit de straat", "indicatie_sociaal_contact"),
    ("Zijn er yogalessen voor beginners?", "indicatie_vaardigheid"),
]


HARMLESS = [
    ("Ik heb vorig jaar pijn op mijn borst gehad, nu wil ik meer bewegen", "crisis_acuut"),
    ("Mijn vriend en ik willen volgend jaar trouwen, waar vragen we dat aan?", "contra_huiselijk_geweld"),
    ("Mijn paspoort is verlopen, waar kan ik een nieuw aanvragen?", "contra_huiselijk_geweld"),
    ("Onze dochter gaat in de zomer naar familie in Marokko en komt daarna terug", "contra_huiselijk_geweld"),
    ("Ik rook sigaretten en wil stoppen", "contra_verslaving"),
    ("Ik open de post elke dag en betaal alles op tijd", "contra_schaamte"),
    ("Ik wil gezonder eten en meer sporten", "contra_zware_psychiatrie"),
    ("Mijn zoon wil bij de politie werken", "contra_complex_gezin"),
]


def test_a_past_suicide_attempt_told_as_over_is_not_a_crisis(engine):
    found = codes(engine, "Jaren geleden heb ik een zelfmoordpoging gedaan, dat is verleden tijd. Nu wil ik anderen helpen.")
    assert "crisis_suicide" not in found


def test_a_refinement_names_the_shared_code_in_the_export():
    kinds = taxonomy().signals
    assert kinds["contra_huiselijk_geweld"].valt_onder == "contra_onveilig"
    assert kinds["crisis_suicide_plan"].valt_onder == "crisis_suicide"
    signals = [{"code": "contra_huiselijk_geweld", "soort": "contra", "bewijs": "geslagen", "regel": "geweld_fysiek"}]
    out = with_shared_codes(signals)
    assert [s["code"] for s in out] == ["contra_huiselijk_geweld", "contra_onveilig"]
    assert out[1]["bewijs"] == "geslagen" and "valt onder contra_onveilig" in out[1]["regel"]
    # a shared code already present is not listed twice
    both = [*signals, {**signals[0], "code": "contra_onveilig", "regel": "onveilig_thuis"}]
    assert with_shared_codes(both) == both


def test_the_jsonl_export_lists_the_shared_code():
    stdout = io.StringIO()
    line = json.dumps({"id": "x", "text": "Mijn man heeft me vorig jaar een keer geslagen."}) + "\n"
    assert run_jsonl(io.StringIO(line), stdout, io.StringIO()) == 0
    found = {s["code"] for s in json.loads(stdout.getvalue())["signalen"]}
    assert {"contra_huiselijk_geweld", "contra_onveilig"} <= found


@pytest.mark.parametrize("text, crisis", [
    ("haha mijn baas vermoordt me als ik weer te laat kom", False),
    ("De juf vermoordt ons als we ons huiswerk vergeten", False),
    ("lol my boss is going to kill me if I miss the bus", False),
    # the same words from a partner, or without the condition, stay a crisis
    ("mijn man vermoordt me als ik wegga", True),
    ("mijn baas vermoordt me", True),
    ("my husband is going to kill me if I leave", True),
])
def test_a_figure_of_speech_about_work_or_school_is_no_crisis(engine, text, crisis):
    assert ("crisis_geweld" in codes(engine, text)) is crisis


FOUND += [  # second round
    ("Ik wens niet langer te leven sinds mijn man er niet meer is", "crisis_suicide"),
    ("Ik heb besloten heen te gaan en wil nu mijn papieren op orde brengen", "crisis_suicide"),
    ("Haar neef komt telkens geld lenen en ze durft hem niet weg te sturen", "contra_huiselijk_geweld"),
    ("Als het me te veel wordt sla ik mijn zoon, daar schaam ik me voor", "contra_huiselijk_geweld"),
    ("Mijn oom komt 's nachts op mijn kamer", "contra_huiselijk_geweld"),
    ("Na de opvang woon ik alleen, maar mijn ex heeft mijn nieuwe adres gevonden", "contra_huiselijk_geweld"),
    ("De telefoon neem ik niet meer op en ik kom bijna niet meer uit mijn bed", "contra_zware_psychiatrie"),
    ("Ik laat niemand meer binnen, zo vol staat het huis", "contra_schaamte"),
    ("Mijn familie mag dit nooit weten", "contra_schaamte"),
    ("Zitten meer mensen hiermee? Kunnen we daar samen over praten?", "indicatie_lotgenoten"),
    ("Is there a group for people like me?", "indicatie_lotgenoten"),
    ("Ik spreek de hele week niemand en mis mijn vrienden", "indicatie_sociaal_contact"),
]


HARMLESS += [
    ("Ik werk op de ambulance en zoek een sportclub voor mijn dochter", "crisis_acuut"),
    ("We hebben al maanden geen geld voor eten over, hoe kom ik aan een budgetcoach?", "crisis_acuut"),
    ("Ik wil mijn zaken op orde hebben voor de belastingaangifte", "crisis_suicide"),
    ("Ik sla mijn ogen neer als iemand me aanspreekt", "contra_huiselijk_geweld"),
]


def test_an_ambulance_needed_now_is_still_an_emergency(engine):
    assert "crisis_acuut" in codes(engine, "Bel een ambulance, mijn vader is flauwgevallen")


FOUND += [  # third round
    ("I honestly don't see the point of living anymore", "crisis_suicide"),
    ("I was googling how many pills it takes", "crisis_suicide"),
    ("als de trein zo komt stap ik naar voren", "crisis_suicide"),
    ("Soms denk ik dat ik er maar een eind aan maak", "crisis_suicide"),
    ("Mijn vader met alzheimer is sinds vanochtend weg en we vinden hem niet", "crisis_acuut"),
    ("Hij heeft gedronken en zit nu achter het stuur met de kinderen", "crisis_acuut"),
    ("Mijn ex heeft de kinderen zojuist van school gehaald terwijl dat niet mocht", "crisis_geweld"),
    ("Mijn salaris moet op zijn rekening en ik krijg maar 20 euro per week", "contra_huiselijk_geweld"),
    ("Mijn ex staat steeds voor de deur en stuurt tientallen berichten per dag", "contra_huiselijk_geweld"),
    ("Als straf moet hij uren in de kelder zitten", "contra_huiselijk_geweld"),
    ("Wat er onderweg is gebeurd kan ik niet vertellen, ik word 's nachts schreeuwend wakker", "contra_trauma"),
    ("Hij gamet van 's middags tot diep in de nacht en wordt boos als ik de wifi uitzet", "contra_verslaving"),
    ("Ik heb al dagen bijna niet geslapen en weet nu precies hoe ik het klimaat ga redden", "contra_zware_psychiatrie"),
]


HARMLESS += [
    ("Ik sta op het perron te wachten op de trein naar Zwolle", "crisis_suicide"),
    ("Ik heb de kinderen net van school gehaald, waar is de speeltuin?", "crisis_geweld"),
    ("Mijn moeder is sinds vanochtend weg naar de markt", "crisis_acuut"),
]


FOUND += [  # fourth round (2026-12-03): life situations, other languages, behaviour
    ("Het zou voor mijn kinderen rustiger zijn als ik er niet meer was", "crisis_suicide"),
    ("Я не хочу більше жити", "crisis_suicide"),
    ("Не хочу жить, помогите", "crisis_suicide"),
    ("Yaşamak istemiyorum artık", "crisis_suicide"),
    ("أريد أن أموت", "crisis_suicide"),
    ("Zaraz się zabiję", "crisis_suicide"),
    ("Hij zegt dat ze in de kast moet als ze niet luistert", "contra_huiselijk_geweld"),
    ("Mijn ouders slaan elkaar als ze ruzie hebben", "contra_huiselijk_geweld"),
    ("Sinds de scheiding volgt mijn ex me overal en stuurt honderden appjes", "contra_huiselijk_geweld"),
    ("Ik merk dat ik mijn vader hardhandig vastpak bij het aankleden", "contra_huiselijk_geweld"),
    ("On mnie bije, co mam robić", "contra_huiselijk_geweld"),
    ("Onze pleegzoon heeft een hechtingsstoornis en het gaat thuis niet meer", "contra_complex_gezin"),
    ("Mijn man zit in de gevangenis en ik sta er alleen voor met de kinderen", "contra_complex_gezin"),
    ("Mijn zus krast zichzelf in haar armen", "contra_zware_psychiatrie"),
    ("Na het overlijden van mijn moeder zie ik het nut van opstaan niet", "contra_zware_psychiatrie"),
    ("De woning van mijn buurman is tot het plafond gevuld en het stinkt", "contra_schaamte"),
    ("Hoe leg je een peuter uit dat er een broertje komt?", "indicatie_vaardigheid"),
    ("Ik krijg brieven van de belasting en snap niet wat er staat", "indicatie_vaardigheid"),
    ("Ik wil voorkomen dat mijn schulden groter worden", "indicatie_vaardigheid"),
    ("Sinds ik met pensioen ben weet ik niet wat ik met mijn tijd moet", "indicatie_sociaal_contact"),
    ("De avonden duren zo lang nu ik alleen ben", "indicatie_sociaal_contact"),
    ("Ik ben 16 en zorg elke dag voor mijn zusje en mijn zieke moeder", "indicatie_lotgenoten"),
    ("We zijn net ouders geworden en weten niet wat we doen", "indicatie_lotgenoten"),
    ("Na mijn pensioen wil ik iets voor de wijk doen", "indicatie_eigen_kracht"),
]


HARMLESS += [
    ("Het is voor iedereen makkelijker als we samen één datum kiezen", "crisis_suicide"),
    ("Sinds mijn opa er niet meer is, is het stil in huis", "crisis_suicide"),
    ("De postbode staat elke ochtend voor de deur", "contra_huiselijk_geweld"),
    ("Ik krijg tientallen mails per dag van mijn werk", "contra_huiselijk_geweld"),
    ("Ik zit vast in het verkeer", "contra_complex_gezin"),
    ("Ik zorg goed voor mijn kinderen en mijn huis", "indicatie_lotgenoten"),
]


FOUND += [  # fifth round (2026-12-03): safety misses of a fresh set, in our own words
    ("ik ben 11 en de vriend van mama doet me pijn", "crisis_geweld"),
    ("Onze dochter van 14 is sinds vannacht niet thuisgekomen, haar telefoon staat uit", "crisis_acuut"),
    ("Mijn ooms zeggen dat ik de eer van de familie heb geschonden, anders...", "crisis_geweld"),
    ("Ik heb alles op orde, de hond gaat naar mijn broer. Het lag niet aan jullie.", "crisis_suicide"),
    ("Soms rammel ik mijn dochtertje door elkaar als ze blijft huilen", "contra_huiselijk_geweld"),
    ("Ik denk de hele tijd aan wat er gebeurd is tijdens de vlucht", "contra_trauma"),
    ("Bij de koffieochtend kreeg ik hartkloppingen en ben ik naar huis gerend", "contra_groep_ongewenst"),
]


HARMLESS += [
    ("mijn knie doet me pijn, ik ben 12 en zit op voetbal", "crisis_geweld"),
    ("mijn rug doet me pijn sinds de verhuizing", "contra_huiselijk_geweld"),
    ("We willen een ehbo-cursus voor als iemand in elkaar zakt", "crisis_acuut"),
    ("Wie zorgt er voor onze zoon als we er niet meer zijn?", "crisis_suicide"),
    ("De zondagen zijn stil sinds mijn vrouw er niet meer is", "crisis_suicide"),
]


FOUND += [  # sixth round (2026-12-03): blind19's missed crises, in our own words
    ("Juf belt: een kind van 8 heeft striemen op zijn rug en wil niet naar huis", "crisis_geweld"),
    ("Ik heb de oude meneer van nummer 4 al twee weken niet gezien en zijn brievenbus zit vol", "crisis_acuut"),
    ("Er ligt een man in de sneeuw bij het park, hij reageert bijna niet", "crisis_acuut"),
    ("the knife is next to me and I want it to stop", "crisis_suicide"),
    ("I can't do this anymore", "crisis_twijfel"),
    ("De beller maakt zich zorgen om het buurmeisje, ze hoort 's avonds klappen", "contra_huiselijk_geweld"),
]


HARMLESS += [
    ("Mijn opa belt dagelijks 112 omdat hij zich alleen voelt", "crisis_acuut"),
    ("Mijn zoon reageert bijna niet op mijn berichten", "crisis_acuut"),
    ("Het vriest en de kinderen spelen buiten in de tuin", "crisis_acuut"),
    ("Ik hoor de bovenburen steeds klappen met de deuren", "contra_huiselijk_geweld"),
]


FOUND += [  # seventh round (2026-12-03): blind20's missed crises, in our own words
    ("Ratunku, on mnie bije, jestem z dziećmi w łazience", "crisis_geweld"),
    ("pomocy maz mnie bil i teraz stoi pod drzwiami", "crisis_geweld"),
    ("Допоможіть, чоловік б'є мене зараз", "crisis_geweld"),
    ("Помогите, муж угрожает мне, у него нож", "crisis_geweld"),
    ("imdat kocam beni dövüyor şimdi", "crisis_geweld"),
    ("أنقذوني زوجي يضربني الآن", "crisis_geweld"),
    ("Я думаю покінчити з усім, діти сплять", "crisis_suicide"),
    ("chcę skończyć ze sobą", "crisis_suicide"),
    ("Не можу так жити більше", "crisis_twijfel"),
    ("Ik heb besloten dat ik er na kerst zelf een eind aan maak", "crisis_suicide_plan"),
    ("mijn besluit staat vast, na de feestdagen maak ik er een eind aan", "crisis_suicide_plan"),
    ("Mijn vader heeft net een beroerte, zijn mond hangt scheef", "crisis_acuut"),
    ("onze dochter van 14 is al maanden niet meer naar school te krijgen", "contra_complex_gezin"),
    ("hij gamet tot 4 uur en schopt dan gaten in de muur", "contra_complex_gezin"),
    ("mn ex heeft ons zoontje van de bso opgehaald terwijl dat niet mag en hij is dronken", "crisis_geweld"),
    ("Haar vader is met de kinderen weggereden en zegt dat ze de kinderen nooit meer ziet", "crisis_geweld"),
]


HARMLESS += [
    ("Mijn moeder heeft mijn zoon van school gehaald omdat hij ziek was", "crisis_geweld"),
    ("mój mąż mnie bije", "crisis_geweld"),  # being hit, not now: Veilig Thuis, not 112
    ("Teraz szukam kursu niderlandzkiego, pomocy z językiem", "crisis_geweld"),
    ("Mijn ex heeft de kinderen opgehaald voor het weekend, dat ging goed", "crisis_geweld"),
    ("Mijn moeder is net thuis na een beroerte, hoe regelen we de zorg?", "crisis_acuut"),
    ("Mijn zoon gaat graag naar school en gamet in het weekend", "contra_complex_gezin"),
    ("Na de feestdagen wil ik een eind aan de ruzie met mijn zus maken", "crisis_suicide"),
]


FOUND += [  # eighth round (2026-12-03): blind21's first run, in our own words
    ("I have been collecting my pills for a month and now I have enough", "crisis_suicide_plan"),
    ("please help me, he is drunk and says he will hurt me", "crisis_geweld"),
    ("Mijn vriend stond net voor de deur te schreeuwen en schopte ertegen", "crisis_geweld"),
    ("Ik voel me opgesloten sinds hij mijn huissleutels afpakt", "contra_huiselijk_geweld"),
    ("Een cliënt zegt me dat ze niet meer wil leven, wat moet ik doen?", "crisis_suicide"),
    ("Ik zit in een rolstoel en heb een traplift nodig", "contra_individuele_voorziening"),
    ("Mijn scootmobiel is kapot en ik heb een nieuwe nodig", "contra_individuele_voorziening"),
    ("Bij de koffieochtend werd ik in de groep uitgelachen", "contra_groep_ongewenst"),
    ("Onze dochter van 13 is al een half jaar thuiszitter", "contra_complex_gezin"),
    ("Ik ben verslaafd aan gokken en kom er niet vanaf", "contra_verslaving"),
]


HARMLESS += [
    ("Please help us, the landlord does nothing about the mould", "crisis_geweld"),
    ("Sinds de traplift kapot is zit ik opgesloten in mijn eigen huis", "crisis_geweld"),
    ("Sinds de traplift kapot is zit ik opgesloten in mijn eigen huis", "contra_huiselijk_geweld"),
    ("Soms zeggen deelnemers me dat ze niet meer willen leven; is er een cursus?", "crisis_suicide"),
    ("Is er een training over het herkennen van zelfmoordgedachten bij jongeren?", "crisis_suicide"),
    ("De buurman stond gisteren weer voor mijn deur te schreeuwen over de heg", "crisis_geweld"),
    ("Ik zit in een rolstoel en zoek een leesclub in de buurt", "contra_individuele_voorziening"),
    ("Ik heb een scootmobiel gekregen maar durf er niet mee de weg op", "contra_individuele_voorziening"),
    ("In onze flat wonen veel mensen met een rollator, is er een voorlichting over hulpmiddelen?",
     "contra_individuele_voorziening"),
    ("Ik zit al een jaar in de bijstand en word gek van het thuiszitten", "contra_complex_gezin"),
    ("Mijn zoontje wordt op school uitgelachen om zijn bril, is er een weerbaarheidstraining?",
     "contra_groep_ongewenst"),
    ("Is er een informatieavond over gameverslaving voor ouders?", "contra_verslaving"),
]


FOUND += [  # ninth round (2026-12-03): blind22's first run, in our own words
    ("Ik wil mijn zaken op orde hebben voordat ik volgende maand een punt achter alles zet", "crisis_suicide"),
    ("ik ben 12, mijn oom komt s nachts op mijn kamer en doet dingen die ik niet wil", "crisis_geweld"),
    ("Please help. He hit me today and now he is outside shouting", "crisis_geweld"),
    ("tonight he slapped me again", "crisis_geweld"),
    ("Er is een noodgeval, mijn buurman ligt op straat", "crisis_acuut"),
]


HARMLESS += [
    ("dit belastingformulier is echt zelfmoord, wie helpt mij met invullen?", "crisis_suicide"),
    ("Ik heb jaren geleden een zelfmoordpoging gedaan. Het gaat al jaren goed met me en ik wil vrijwilligerswerk doen.",
     "crisis_suicide"),
    ("Mijn dochter van 12 wil dat niemand op haar kamer komt 's nachts", "crisis_geweld"),
    ("Ik zoek een reanimatiecursus zodat ik kan helpen als er op straat een noodgeval is", "crisis_acuut"),
]


FOUND += [  # tenth round (2026-12-04): blind24's first run, in our own words
    ("ik ben 13 en mijn stiefvader komt 's nachts bij mij op de kamer", "crisis_geweld"),
    ("I'm 15. My uncle does things to me that he says are secret", "contra_trauma"),
    ("Some days I think it would be easier if I never woke up", "crisis_suicide"),
    ("It would be better for everyone if I was gone", "crisis_suicide"),
    ("I can't do this anymore and I keep the pills in my drawer", "crisis_suicide_plan"),
    ("Nie mamy gdzie spać, agencja zabrała nam pokój", "crisis_acuut"),
    ("I have nowhere to sleep, they changed the locks today", "crisis_acuut"),
    ("Bu gece kalacak yerim yok", "crisis_acuut"),
    ("Ik ben zo moe van de zorg voor mijn moeder, ik ben bang dat ik haar iets aandoe", "crisis_geweld"),
    ("Ik ben niet van plan mezelf iets aan te doen, maar ik zie het somber in", "crisis_twijfel"),
    # other signals in the newcomers' languages (data/signalen/andere_talen.yml)
    ("Mój brat pije codziennie wódkę", "contra_verslaving"),
    ("Мій чоловік щодня п'є горілку", "contra_verslaving"),
    ("Kocam her akşam içiyor ve bağırıyor", "contra_verslaving"),
    ("زوجي سكران كل ليلة", "contra_verslaving"),
    ("My husband drinks every night and the kids are scared", "contra_verslaving"),
    ("Babam 70 yaşında, çok yalnız", "indicatie_sociaal_contact"),
    ("Jestem bardzo samotna od kiedy tu mieszkam", "indicatie_sociaal_contact"),
    ("Мені дуже самотньо, я нікого не знаю", "indicatie_sociaal_contact"),
    ("أشعر أنني وحيدة هنا", "indicatie_sociaal_contact"),
    ("Czy jest grupa wsparcia dla matek?", "indicatie_lotgenoten"),
    ("Чи є група підтримки для мам?", "indicatie_lotgenoten"),
    ("Diğer annelerle konuşmak istiyorum", "indicatie_lotgenoten"),
    ("هل توجد مجموعة دعم للأمهات؟", "indicatie_lotgenoten"),
    ("Since the war my son has nightmares every night", "contra_trauma"),
    ("Od wojny mąż nie śpi i ma koszmary", "contra_trauma"),
    ("Після війни донька майже не говорить", "contra_trauma"),
    ("My grandmother's nephew keeps her pension card and gives her nothing", "contra_onveilig"),
    ("Syn zabiera jej emeryturę co miesiąc", "contra_huiselijk_geweld"),
    ("Oğlum okula gitmiyor, polis geldi", "contra_complex_gezin"),
    ("I'm 16, my mum drinks and I do everything at home", "contra_complex_gezin"),
    ("I am so ashamed, nobody can know about the debts", "contra_schaamte"),
    ("Szukam kursu języka niderlandzkiego", "indicatie_vaardigheid"),
    ("Ik ben net met pensioen, kan ik ergens helpen in de wijk?", "indicatie_eigen_kracht"),
    ("We willen een koffieochtend voor de bewoners van ons blok beginnen", "indicatie_eigen_kracht"),
    ("Ik wil graag bijles geven aan kinderen uit de buurt", "indicatie_eigen_kracht"),
    ("Ik wil graag horen hoe andere ouders het aangepakt hebben", "indicatie_lotgenoten"),
    ("Is er een praatgroep voor partners van iemand met dementie?", "indicatie_lotgenoten"),
    ("Mijn zus schrijft niks op, ze is bang dat iemand erachter komt dat ze niet kan lezen", "contra_schaamte"),
    ("Onze dochter van 15 krijgt dure cadeaus van een onbekende en heeft een geheime telefoon", "contra_onveilig"),
]


HARMLESS += [
    ("Mój mąż dużo krzyczy, ale nie bije nas. Gdzie mogę szukać pomocy?", "crisis_geweld"),
    ("Ik ben niet van plan mezelf iets aan te doen, maar ik zie het somber in", "crisis_suicide"),
    ("Die formulieren van de gemeente vermoorden me nog met hun vragen", "crisis_geweld"),
    ("Mijn zoon roept 'ik maak je af' naar zijn vrienden via de headset", "crisis_geweld"),
    ("Mój tata pije kawę codziennie rano", "contra_verslaving"),
    ("I drink coffee every morning with my neighbour", "contra_verslaving"),
    ("I feel a bit depressed about the weather, is there a walking group?", "contra_zware_psychiatrie"),
]


FOUND += [  # eleventh round (2026-12-04): blind25's first run, in our own words
    ("I am on the roof of my building now and I can't see the point anymore", "crisis_suicide"),
    ("أريد إنهاء حياتي", "crisis_suicide"),
    ("De afscheidsbrieven zijn geschreven, mijn afspraak bij jullie mag vervallen", "crisis_suicide_plan"),
    ("Mijn zoontje van 2 heeft hoge koorts en zijn lippen worden blauw", "crisis_acuut"),
    ("Oğlum nefes alamıyor, ne yapayım?", "crisis_acuut"),
    ("My baby is struggling to breathe and won't wake up properly", "crisis_acuut"),
    ("He kicked in the door and he is inside now, I'm hiding in the bathroom", "crisis_geweld"),
]


HARMLESS += [
    ("De brieven voor de gemeente liggen klaar, wie kan ze nakijken?", "crisis_suicide_plan"),
    ("I'm standing at the bus stop right now and the bus is late", "crisis_suicide"),
    ("We are hiding the presents in the bedroom for the kids", "crisis_geweld"),
]


FOUND += [  # twelfth round (2026-12-05): blind26's first run and Latin-letter Russian, in our own words
    ("Gisteravond stond ik op het dak van de flat, het scheelde niet veel", "crisis_suicide_plan"),
    ("Mijn hond is naar de buren gebracht en alles is geregeld, het ligt niet aan jullie", "crisis_suicide"),
    ("Mijn buurman is zijn vrouw aan het slaan, ik hoor haar gillen", "crisis_geweld"),
    ("Mijn ex staat voor de deur te beuken en schreeuwt dat hij me iets aandoet", "crisis_geweld"),
    ("Mijn oma drinkt al drie dagen niks en reageert niet meer als ik haar roep", "crisis_acuut"),
    ("Syn mnie uderzył i teraz krwawi, on dalej tu jest", "crisis_geweld"),
    ("ya bolshe ne hochu zhit", "crisis_suicide"),
    ("muzh menya izbil vchera", "contra_huiselijk_geweld"),
    ("Mama van 84 kan niet meer zelf koken, need help with the housework for her", "contra_individuele_voorziening"),
    ("Мой сын почти ничего не ест и очень похудел", "contra_zware_psychiatrie"),
    ("Ik hoor de buren door de muur praten over mij, ze weten alles", "contra_zware_psychiatrie"),
    ("Mijn vader zegt steeds dat hij liever dood is dan naar het verzorgingshuis gaat", "crisis_twijfel"),
]


HARMLESS += [
    ("Ik stond op de brug naar de eendjes te kijken en het scheelde weinig of ik viel van de fiets", "crisis_suicide_plan"),
    ("Ik heb mijn hond naar de trimsalon gebracht", "crisis_suicide"),
    ("Mijn zoon is de hele middag de deuren aan het slaan", "crisis_geweld"),
    ("De buurman staat aan de deur te bonken omdat onze muziek te hard staat", "crisis_geweld"),
    ("Mijn puber eet al dagen niks, hij is verliefd, en reageert niet meer op mijn appjes", "crisis_acuut"),
    ("ya ne hochu zhit v etom dome, hochu pereehat", "crisis_suicide"),
    ("Mijn vader zegt steeds dat hij liever dood is dan naar het verzorgingshuis gaat", "crisis_suicide"),
]


FOUND += [  # thirteenth round (2026-12-06): blind27's first-run misses, in our own words
    ("Eerlijk gezegd vind ik het wel best als er morgen een bus over me heen rijdt", "crisis_suicide"),
    ("Het maakt me niks uit als ik morgen niet meer wakker word", "crisis_suicide"),
    ("Ik hoop dat ik een ongeluk krijg, dan is het klaar", "crisis_suicide"),
    ("I wouldn't mind if a truck hit me tomorrow", "crisis_suicide"),
    ("Vanochtend zijn we uit het azc gezet, nu zitten we op het station met mijn zoontje", "crisis_acuut"),
    ("Нас сьогодні виселили з гуртожитку, сидимо з сином на вокзалі", "crisis_acuut"),
    ("Нас выгнали из общежития, сидим на вокзале с дочкой", "crisis_acuut"),
    ("Wyrzucili nas dzisiaj z mieszkania, siedzimy na dworcu z dziećmi", "crisis_acuut"),
    ("We were evicted this morning and now we are sitting at the station with my kids", "crisis_acuut"),
]


HARMLESS += [
    ("Ik vind het prima als jullie morgen bellen, mijn man is vorig jaar aangereden", "crisis_suicide"),
    ("Ik hoop dat er morgen iemand langskomt voor de kapotte verwarming", "crisis_suicide"),
    ("Ik zit op het station te wachten op de trein naar mijn werk", "crisis_acuut"),
    ("We zijn vorig jaar uit huis gezet en zaten toen op straat, nu hebben we een woning", "crisis_acuut"),
]



FOUND += [  # fourteenth round (2026-12-06): blind28's first run, in our own words
    ("Melder ziet twee kleine buurkinderen al sinds vanochtend alleen buiten in de kou, niemand doet open", "crisis_acuut"),
    ("my roommate swallowed a whole box of sleeping pills and is not answering", "crisis_acuut"),
    ("Boven ons wordt nu geschreeuwd en er sneuvelt een ruit, een kind roept om hulp", "crisis_geweld"),
    ("Mijn vader is diabeet, hij reageert haast niet meer en is heel klam", "crisis_acuut"),
    ("Bu gece her şeyi bitireceğim, yoruldum", "crisis_suicide"),
    ("Ik spring vannacht van de flat, niemand houdt me tegen", "crisis_suicide_plan"),
    ("Ik somber veel, niet dat ik mezelf iets aan zou doen, maar het is zwaar", "crisis_twijfel"),
    ("Moj otets ne mozhet hodit posle operatsii, nuzhna pomoshch po domu", "contra_individuele_voorziening"),
    ("Мой муж каждый вечер курит травку при детях", "contra_verslaving"),
    ("Ik ben zwanger en mijn vriend weet het nog niet, ik durf niet", "contra_schaamte"),
    ("Hij is erg verlegen bij onbekenden en wil niet naar de soos", "contra_groep_ongewenst"),
    ("U menja net druzej zdes, ja odna", "indicatie_sociaal_contact"),
    ("Khochu dopomahaty susidam, mozhu orhanizuvaty zustrichi", "indicatie_eigen_kracht"),
    ("Is er een groepje voor broers en zussen?", "indicatie_lotgenoten"),
    ("Zijn er meer vaders zoals ik hier in de wijk?", "indicatie_lotgenoten"),
]


HARMLESS += [
    ("Mijn vader is diabeet en wil leren zijn insuline te spuiten", "crisis_acuut"),
    ("De kinderen spelen op het balkon en het is koud, moeten ze een jas aan?", "crisis_acuut"),
    ("Bij de buren gaat vaak glas kapot als ze de glasbak vullen", "crisis_geweld"),
    ("In de zomer springen de jongens van de brug in het kanaal", "crisis_suicide"),
    ("Mijn buurman roept dat hij van het dak springt als Feyenoord verliest", "crisis_suicide"),
    ("We keken een serie over een vrouw die zichzelf van kant maakte, heel heftig", "crisis_suicide"),
    ("Mijn ouders weten het al, ze vinden het prima dat ik op kamers ga", "contra_schaamte"),
]


FOUND += [  # fifteenth round (2026-12-06): blind30's first run, in our own words
    ("Meneer zegt dat hij na het bellen naar de spoorlijn gaat", "crisis_suicide_plan"),
    ("Ze zullen me toch niet missen, dus wat maakt het uit", "crisis_suicide"),
    ("Niemand zal haar missen, zegt ze steeds", "crisis_suicide"),
    ("Mevrouw heeft sinds een uur een drukkend gevoel op haar borst en zweet erg", "crisis_acuut"),
    ("Hij heeft pijn in zijn borst en zijn linkerarm voelt gevoelloos", "crisis_acuut"),
    ("my dad beats my mom and I am afraid to go home after school", "crisis_geweld"),
    ("she wants to vanish for good, she checked how high the roof of the parking garage is", "crisis_suicide"),
    ("Mijn moeder met alzheimer is vanochtend de deur uit gelopen, we kunnen haar nergens vinden", "crisis_acuut"),
    ("Het is niet dat ik dood wil, maar ik ben zo moe van alles", "crisis_twijfel"),
    ("أمي لا تستطيع صعود الدرج، نريد تعديل البيت", "contra_individuele_voorziening"),
    ("Babam artık yürüyemiyor, tekerlekli sandalye lazım", "contra_individuele_voorziening"),
    ("my father cannot climb the stairs anymore", "contra_individuele_voorziening"),
    ("Мой брат каждый вечер пьёт и потом спит до обеда", "contra_verslaving"),
    ("Hij zit 's middags al aan de jenever", "contra_verslaving"),
    ("Ons zoontje van 7 maanden is zo slap en reageert haast niet, hij gloeit", "crisis_acuut"),
    ("my newborn is limp and not drinking", "crisis_acuut"),
]


HARMLESS += [
    ("Mijn moeder met dementie heeft het altijd koud in huis, kan ze een extra kachel krijgen?", "crisis_acuut"),
    ("Mijn vader is vanmiddag de deur uit gegaan naar de markt, hij heeft dementie", "crisis_acuut"),
    ("Ik loop elke ochtend langs het spoor naar mijn werk, maar de verlichting is kapot", "crisis_suicide_plan"),
    ("De kinderen zullen me missen als ik een week op vakantie ga, wie kan oppassen?", "crisis_suicide"),
    ("I'm not afraid to go home, but I want a club for my son", "crisis_geweld"),
    ("We deden een escape room met als thema ontvoering, erg leuk", "crisis_geweld"),
    ("Mijn dochter schreeuwde ik vermoord je tegen haar zusje om een pop", "crisis_geweld"),
    ("Het is niet dat ik dood wil, maar ik ben zo moe van alles", "crisis_suicide"),
    ("Мой муж каждый вечер пьёт чай с соседом", "contra_verslaving"),
    ("Annem yürüyüş grubuna katılmak istiyor", "contra_individuele_voorziening"),
    ("Onze baby van 4 maanden slaapt slecht, is er een groep voor jonge ouders?", "crisis_acuut"),
    ("Mijn baby is verkouden en heeft een beetje koorts, wanneer naar de huisarts?", "crisis_acuut"),
    ("I want to walk with other people in the park, is there a group?", "contra_individuele_voorziening"),
]


FOUND += [  # sixteenth round (2026-12-06): blind31's first run, in our own words
    ("Segodnya vecherom vsyo zakonchu, ya ustal", "crisis_suicide"),
    ("Ona napisala proshchalnye pisma i legla", "crisis_suicide"),
    ("Nas vygnali iz komnaty segodnya, negde spat s rebenkom", "crisis_acuut"),
    ("Ne maiu de spaty, dytyna zi mnoiu", "crisis_acuut"),
    ("We lazen een boek over een meisje die na een zelfmoordpoging weer ging studeren", "crisis_twijfel"),
]


HARMLESS += [
    ("Jaren geleden heb ik een einde aan mijn leven willen maken. Ik ben er goed doorheen gekomen en help nu anderen.", "crisis_suicide"),
    ("We lazen een boek over een meisje die na een zelfmoordpoging weer ging studeren", "crisis_suicide"),
    ("Vse zakonchilos horosho, spasibo", "crisis_suicide"),
]


@pytest.mark.parametrize("text, code", FOUND)
def test_behaviour_is_read_as_the_signal(engine, text, code):
    assert code in codes(engine, text), f"{code} not found in {text!r}"


@pytest.mark.parametrize("text, code", HARMLESS)
def test_shared_words_in_a_harmless_sentence_stay_silent(engine, text, code):
    assert code not in codes(engine, text)
