"""Every kind of unusable message has one answer, and that answer exists in domain.yml."""

import yaml

from bot import paths
from bot.dialogue import input_check


def test_each_unusable_kind_has_a_response_in_the_domain():
    responses = yaml.safe_load((paths.ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    kinds = {input_check.LEEG, input_check.GEEN_WOORDEN, input_check.ANDERSTALIG}
    assert set(input_check.UNUSABLE_RESPONSE) == kinds
    assert all(name in responses for name in input_check.UNUSABLE_RESPONSE.values())
    assert input_check.GEWOON not in input_check.UNUSABLE_RESPONSE
