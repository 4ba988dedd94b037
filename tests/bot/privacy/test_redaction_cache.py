"""bot.privacy.redact caches results by a hash of the text: same result, no raw text kept."""

import importlib


def test_the_redaction_cache_gives_the_uncached_result_and_keeps_no_raw_text():
    module = importlib.import_module("bot.privacy.redact")

    texts = ["Bel mij op 06-12345678", "Ik ben Jan de Vries", "Wat is uw postcode?", "bel 113", "x" * 3000]
    for text in texts * 2:
        assert module.redact(text) == module.redact_with_reasons(text)[0]
    cached = list(module._cache._results.items())
    assert all(isinstance(k, bytes) and len(k) == 16 for k, _ in cached)
    assert not any(t in (k, v) for k, v in cached for t in ("Bel mij op 06-12345678", "Ik ben Jan de Vries"))
