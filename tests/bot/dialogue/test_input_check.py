from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dialogue import input_check as ic


def test_kinds():
    assert ic.check_input("").kind == ic.LEEG
    assert ic.check_input("   \n ").kind == ic.LEEG
    assert ic.check_input(None).kind == ic.LEEG
    assert ic.check_input("😢😢😢").kind == ic.GEEN_WOORDEN
    assert ic.check_input("?!? 123").kind == ic.GEEN_WOORDEN
    assert ic.check_input("I need help with my debts please").kind == ic.ANDERSTALIG
    assert ic.check_input("أحتاج مساعدة").kind == ic.ANDERSTALIG
    assert ic.check_input("Ich brauche bitte Hilfe").kind == ic.ANDERSTALIG
    assert ic.check_input("Ik heb schulden en weet niet wat ik moet doen").kind == ic.GEWOON
    assert ic.check_input("ik voel me alleen 😢").kind == ic.GEWOON


def test_html_is_removed_and_flagged():
    check = ic.check_input("<script>alert(1)</script><b>Ik heb</b> schulden &amp; zorgen")
    assert check.had_html and check.kind == ic.GEWOON
    assert "<" not in check.tekst and "alert" not in check.tekst
    assert check.tekst == "Ik heb schulden & zorgen"


def test_long_text_is_cut_at_a_word():
    check = ic.check_input("ik heb schulden " * 1000)
    assert check.afgekapt and len(check.tekst) <= 5000
    assert check.tekst.endswith(("schulden", "heb", "ik"))


def test_repeat_detection():
    assert ic.check_input("Ik heb schulden", previous="ik heb  schulden").herhaald
    assert not ic.check_input("Ik heb schulden", previous="iets anders").herhaald
    assert not ic.check_input("", previous="").herhaald


def test_commands():
    assert ic.command_of("stop") == "stoppen"
    assert ic.command_of("Opnieuw beginnen!") == "opnieuw"
    assert ic.command_of("ik wil niet stoppen met roken") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=6000))
def test_never_raises_and_never_grows(text):
    check = ic.check_input(text)
    assert check.kind in (ic.LEEG, ic.GEEN_WOORDEN, ic.ANDERSTALIG, ic.GEWOON)
    assert len(check.tekst) <= 5000
