from bot.privacy.checksums import elfproef, iban_valid


def test_elfproef():
    assert elfproef("123456782")
    assert elfproef("111222333")
    assert elfproef("12345672")  # 8 digits: leading zero dropped
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678a")
    assert not elfproef("١٢٣٤٥٦٧٨٢")  # non-ASCII digits


def test_iban_mod97():
    assert iban_valid("NL91ABNA0417164300")
    assert iban_valid("BE68539007547034")
    assert iban_valid("DE89370400440532013000")
    assert not iban_valid("NL91ABNA0417164301")
    assert not iban_valid("NL91ABNA041716430")  # wrong length for NL
    assert not iban_valid("NL91 ABNA 0417 1643 00")  # separators must be removed first
