import logging

from bot.privacy.logging import RedactingFilter, install_redacting_filter


def _record(level, msg, args=(), **extra):
    record = logging.LogRecord("t", level, __file__, 1, msg, args, None)
    for k, v in extra.items():
        setattr(record, k, v)
    return record


def test_message_and_arguments_are_redacted():
    record = _record(logging.INFO, "bericht van %s: %s", ("gesprek-1", "bel 0612345678"))
    assert RedactingFilter().filter(record)
    assert record.getMessage() == "bericht van gesprek-1: bel [TELEFOON]"


def test_message_text_attribute_is_dropped_at_info_and_redacted_at_debug():
    info = _record(logging.INFO, "ontvangen", bericht="ik heb schulden, mijn naam is Jan")
    debug = _record(logging.DEBUG, "ontvangen", bericht="ik heb schulden, mijn naam is Jan")
    RedactingFilter().filter(info)
    RedactingFilter().filter(debug)
    assert info.bericht == "<33 tekens>"
    assert debug.bericht == "ik heb schulden, mijn naam is [NAAM]"


def test_install_adds_the_filter_once():
    logger = logging.getLogger("bot.test.privacy")
    handler = logging.StreamHandler()
    logger.addHandler(handler)
    try:
        install_redacting_filter(logger)
        install_redacting_filter(logger)
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    finally:
        logger.removeHandler(handler)
