from bot.dialogue import clarify


def test_group_question_counts_towards_the_limit():
    plan = clarify.plan_questions("schulden", "eerst_individueel", ["vraag_geprobeerd", "vraag_wens", "vraag_groep"])
    assert plan == ["vraag_geprobeerd", "vraag_wens", "vraag_groep"]


def test_voor_wie_and_correction():
    assert clarify.voor_wie_of("ik maak me zorgen om mijn zoon")[0] == "kind"
    assert clarify.voor_wie_of("mijn moeder wordt vergeetachtig")[0] == "ouder"
    assert clarify.voor_wie_of("ik voel me alleen")[0] == "zelf"
    assert clarify.voor_wie_of("de buren maken herrie")[0] == "buur"
    assert clarify.voor_wie_of("het regent") is None
    assert clarify.is_correction("nee, het gaat om mijn zoon")
    assert not clarify.is_correction("mijn zoon is 12")


def test_known_aspects_carry_their_evidence():
    known = clarify.known_aspects("Ik maak me zorgen om mijn dochter: sinds de scheiding slaapt ze slecht, "
                                  "de huisarts weet het")
    assert known["voor_wie"] == "om mijn dochter"
    assert known["sinds"].lower() == "sinds"
    assert known["geprobeerd"] == "huisarts"
    assert "wens" not in known


def test_plan_asks_only_what_is_unknown_and_at_most_three():
    plan = clarify.plan_questions("schulden, steeds meer rekeningen", "eerst_individueel")
    assert plan == ["vraag_voor_wie", "vraag_sinds", "vraag_geprobeerd"]
    assert clarify.plan_questions("ik heb schulden", "eerst_individueel")[0] == "vraag_sinds"  # "ik": for self
    told = clarify.plan_questions("zorgen over mijn zoon, al maanden boos, de huisarts helpt", "eerst_individueel")
    assert told == ["vraag_wens"]
    # a partner is named, but the story does not say who needs help: ask, do not guess
    assert clarify.plan_questions("sinds mijn vrouw is overleden is het stil", "eerst_individueel")[0] == "vraag_voor_wie"
    assert clarify.voor_wie_in_story("ik voel me alleen sinds mijn vrouw is overleden")[0] == "zelf"


def test_group_question_only_where_collective_fits_and_never_after_contra():
    plan = clarify.plan_questions("ik voel me alleen", "collectief_mogelijk")
    assert len(plan) == 3 and plan[-1] == "vraag_groep"
    assert "vraag_groep" not in clarify.plan_questions("ik voel me alleen", "collectief_mogelijk", contra=True)
    assert "vraag_groep" not in clarify.plan_questions("ik voel me alleen", "eerst_individueel")


def test_postcode_question_follows_a_yes():
    plan = clarify.plan_questions("ik voel me alleen", "collectief_mogelijk", ["vraag_sinds", "vraag_groep"],
                                  groep_ja=True)
    assert plan[-2:] == ["vraag_groep", "vraag_postcode"]


def test_asked_questions_stay_and_crisis_stops_everything():
    plan = clarify.plan_questions("mijn zoon is al maanden boos", "eerst_individueel", ["vraag_voor_wie"])
    assert plan[0] == "vraag_voor_wie"
    assert clarify.plan_questions("x", "collectief_mogelijk", ["vraag_sinds"], crisis=True) == []


def test_still_unknown():
    assert clarify.still_unknown("schulden", {"vraag_sinds": "een jaar"}) == [
        "vraag_voor_wie", "vraag_geprobeerd", "vraag_wens"]
