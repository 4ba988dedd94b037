

def test_the_assistants_own_aanmelding_reference_is_never_redacted():
    """'WT-4829-K7' has a zaakcode's shape; redacting it broke the aanmelding (the slot came back as [NUMMER])."""
    from bot.aanmelding.reference import ALPHABET, PATTERN, PREFIX, new_reference
    from bot.privacy.recognizers import OWN_REFERENCE
    from bot.privacy.redact import redact

    assert OWN_REFERENCE.pattern == rf"{PREFIX}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}"
    assert PATTERN.pattern == f"^{OWN_REFERENCE.pattern}$"
    for ref in ["WT-4829-K7", "WT-8288-84", "WT-2222-UW"] + [new_reference() for _ in range(2000)]:
        assert redact(ref) == ref
        assert redact(f"Uw nummer is {ref}.") == f"Uw nummer is {ref}."
    assert redact("zaaknummer ZK-1234-AB") != "zaaknummer ZK-1234-AB"  # a gemeente's zaakcode still goes
