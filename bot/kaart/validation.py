"""Turn one raw offer (strings from CSV, or typed values from HSDS JSON) into
an ``Aanbod``, or into a list of problems that each name the field and reason.

Every rule a file must satisfy is here, so CSV and HSDS imports refuse exactly
the same things. Allowed codes come from data/taxonomie.yml and
data/sociale_kaart/vocabulaire.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from bot.kaart.postcodes import area_of, known_wijken, parse_postcode, pc4_table
from bot.kaart.record import FIELDS, LIST_FIELDS, REQUIRED, Aanbod
from bot.kaart.vocabulary import Vocabulary, vocabulary
from bot.taxonomy import taxonomy

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
HTML_PATTERN = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&(?:[A-Za-z]+|#[0-9]+);")
CONTROL_PATTERN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")
DATE_PATTERN = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
EARLIEST_DATE = date(1990, 1, 1)

MAX_LENGTH = {
    "id": 64, "naam": 200, "organisatie_id": 64, "organisatie": 200, "omschrijving": 2000,
    "gemeente": 100, "wijk": 100, "locatie_id": 64, "locatie_naam": 200, "adres": 200, "plaats": 100,
    "wanneer": 300, "kosten": 200, "hoe_aansluiten": 1000, "email": 254, "telefoon": 40,
    "website": 300, "bron": 300,
}
MULTILINE = {"omschrijving", "hoe_aansluiten"}
TRUE_WORDS = {"ja", "j", "true", "1", "yes", "waar"}
FALSE_WORDS = {"nee", "n", "false", "0", "no", "onwaar"}


class _Invalid(Exception):
    pass


@dataclass
class Validated:
    record: Optional[Aanbod]
    problems: List[Tuple[str, str]] = field(default_factory=list)  # (field, reason)
    warnings: List[Tuple[str, str]] = field(default_factory=list)


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value[:64] or "organisatie"


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    raise _Invalid(f"expected text, got {type(value).__name__}")


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not any(str(v).strip() for v in value)
    return False


def _as_list(value: Any) -> Tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        items = [_as_text(v) for v in value]
    else:
        items = _as_text(value).split(";")
    return tuple(item.strip() for item in items if item.strip())


class _Checker:
    def __init__(self, raw: Mapping[str, Any], today: date, vocab: Vocabulary):
        self.raw, self.today, self.vocab = raw, today, vocab
        self.problems: List[Tuple[str, str]] = []
        self.warnings: List[Tuple[str, str]] = []

    def get(self, name: str, convert: Callable[[Any], Any], default: Any = None) -> Any:
        try:
            value = self.raw.get(name)
            if name in REQUIRED and (_is_empty(value) or (name in LIST_FIELDS and not _as_list(value))):
                raise _Invalid("is required but empty")
            return convert(value)
        except _Invalid as exc:
            self.problems.append((name, str(exc)))
            return default

    # -- converters -----------------------------------------------------------------
    def text(self, name: str) -> Callable[[Any], str]:
        def convert(value: Any) -> str:
            text = _as_text(value)
            limit = MAX_LENGTH.get(name)
            if limit and len(text) > limit:
                raise _Invalid(f"is {len(text)} characters long, at most {limit} allowed")
            bad = CONTROL_PATTERN.search(text) or (name not in MULTILINE and re.search(r"[\r\n\t]", text))
            if bad:
                raise _Invalid(f"contains a control character (code {ord(bad.group(0)[0])}); use plain text")
            html = HTML_PATTERN.search(text)
            if html:
                raise _Invalid(f"contains HTML markup ({html.group(0)[:30]!r}); use plain text")
            return text
        return convert

    def identifier(self, value: Any) -> str:
        text = _as_text(value)
        if text and not ID_PATTERN.match(text):
            raise _Invalid(f"'{text[:70]}' is not a valid id (letters, digits, '.', '_', '-'; at most 64)")
        return text

    def codes(self, list_name: str, allowed: Tuple[str, ...]) -> Callable[[Any], Tuple[str, ...]]:
        def convert(value: Any) -> Tuple[str, ...]:
            items = _as_list(value)
            unknown = [i for i in items if i not in allowed]
            if unknown:
                raise _Invalid(f"unknown {list_name} code(s) {', '.join(repr(u[:40]) for u in unknown)}; "
                               f"allowed: {', '.join(allowed)}")
            doubles = sorted({i for i in items if items.count(i) > 1})
            if doubles:
                raise _Invalid(f"code(s) listed twice: {', '.join(doubles)}")
            return items
        return convert

    def code(self, list_name: str, allowed: Tuple[str, ...]) -> Callable[[Any], str]:
        def convert(value: Any) -> str:
            text = _as_text(value)
            if text not in allowed:
                raise _Invalid(f"unknown {list_name} '{text[:40]}'; allowed: {', '.join(allowed)}")
            return text
        return convert

    @staticmethod
    def boolean(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = _as_text(value).lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS or text == "":
            return False
        raise _Invalid(f"'{text[:20]}' is not ja or nee")

    @staticmethod
    def age(value: Any) -> Optional[int]:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise _Invalid(f"'{value}' is not a whole number of years")
        try:
            number = int(_as_text(value)) if not isinstance(value, (int, float)) else int(value)
        except ValueError:
            raise _Invalid(f"'{_as_text(value)[:20]}' is not a whole number of years") from None
        if not 0 <= number <= 120:
            raise _Invalid(f"{number} is not an age between 0 and 120")
        return number

    @staticmethod
    def euro(value: Any) -> Optional[int]:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = _as_text(value).replace("€", "").replace(",", ".").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _Invalid(f"'{text[:20]}' is not an amount in euro (e.g. 0 or 2.50)") from None
        if not amount.is_finite() or amount < 0 or amount > 10000:
            raise _Invalid(f"{text[:20]} is not an amount between 0 and 10000 euro")
        if amount != amount.quantize(Decimal("0.01")):
            raise _Invalid(f"{text} has more than two decimals")
        return int(amount * 100)

    def checked_date(self, value: Any) -> Optional[date]:
        text = _as_text(value)
        match = DATE_PATTERN.match(text)
        if not match:
            raise _Invalid(f"'{text[:20]}' is not a date as YYYY-MM-DD")
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError as exc:
            raise _Invalid(f"{text} is not a real date ({exc})") from None
        if day > self.today:
            raise _Invalid(f"{text} lies in the future")
        if day < EARLIEST_DATE:
            raise _Invalid(f"{text} is before {EARLIEST_DATE.isoformat()}")
        return day

    @staticmethod
    def area_postcodes(value: Any) -> Tuple[str, ...]:
        out: List[str] = []
        for item in _as_list(value):
            try:
                pc4 = parse_postcode(item).pc4
            except ValueError as exc:
                raise _Invalid(str(exc)) from None
            if pc4 not in out:
                out.append(pc4)
        return tuple(out)

    @staticmethod
    def location_postcode(value: Any) -> str:
        text = _as_text(value)
        if not text:
            return ""
        try:
            return parse_postcode(text).text
        except ValueError as exc:
            raise _Invalid(str(exc)) from None

    @staticmethod
    def email(value: Any) -> str:
        text = _as_text(value)
        if text and not EMAIL_PATTERN.match(text):
            raise _Invalid(f"'{text[:60]}' is not an e-mail address")
        return text

    @staticmethod
    def phone(value: Any) -> str:
        text = _as_text(value)
        if text and not PHONE_PATTERN.match(text):
            raise _Invalid(f"'{text[:40]}' is not a phone number")
        return text

    @staticmethod
    def website(value: Any) -> str:
        text = _as_text(value)
        if text and (not re.match(r"^https?://[^\s/<>\"]+\.[^\s<>\"]+$", text) or len(text) > 300):
            raise _Invalid(f"'{text[:60]}' is not a web address starting with http:// or https://")
        return text


def validate(raw: Mapping[str, Any], today: Optional[date] = None,
             vocab: Optional[Vocabulary] = None) -> Validated:
    """Check one offer; ``raw`` is keyed by the names in ``record.FIELDS``."""
    today = today or date.today()
    vocab = vocab or vocabulary()
    c = _Checker(raw, today, vocab)
    t = c.text
    v: Dict[str, Any] = {}
    v["id"] = c.get("id", c.identifier, "")
    for name in ("naam", "organisatie", "omschrijving", "gemeente", "wijk", "locatie_naam", "adres", "plaats",
                 "wanneer", "kosten", "hoe_aansluiten", "bron"):
        v[name] = c.get(name, t(name), "")
    v["organisatie_id"] = c.get("organisatie_id", c.identifier, "") or (slug(v["organisatie"]) if v["organisatie"] else "")
    v["themas"] = c.get("themas", c.codes("theme", taxonomy().theme_codes), ())
    v["vorm"] = c.get("vorm", c.code("vorm", vocab.codes("vormen")), "")
    v["formeel"] = c.get("formeel", c.boolean, False)
    v["toegang"] = c.get("toegang", c.code("toegang", vocab.codes("toegang")), "")
    v["doelgroepen"] = c.get("doelgroepen", c.codes("doelgroep", vocab.codes("doelgroepen")), ())
    v["kenmerken"] = c.get("kenmerken", c.codes("kenmerk", vocab.codes("kenmerken")), ())
    v["toegankelijkheid"] = c.get("toegankelijkheid", c.codes("toegankelijkheid", vocab.codes("toegankelijkheid")), ())
    v["talen"] = c.get("talen", c.codes("taal", vocab.codes("talen")), ())
    v["leeftijd_min"] = c.get("leeftijd_min", c.age)
    v["leeftijd_max"] = c.get("leeftijd_max", c.age)
    if v["leeftijd_min"] is not None and v["leeftijd_max"] is not None and v["leeftijd_min"] > v["leeftijd_max"]:
        c.problems.append(("leeftijd_max", f"{v['leeftijd_max']} is lower than leeftijd_min {v['leeftijd_min']}"))
    v["postcodes"] = c.get("postcodes", c.area_postcodes, ())
    v["postcode"] = c.get("postcode", c.location_postcode, "")
    v["locatie_id"] = c.get("locatie_id", c.identifier, "") or None
    if v["locatie_id"] is None and (v["locatie_naam"] or v["adres"] or v["postcode"]) and v["id"]:
        v["locatie_id"] = f"{v['id'][:55]}-locatie"
    v["kosten_centen"] = c.get("kosten_euro", c.euro)
    v["email"] = c.get("email", c.email, "")
    v["telefoon"] = c.get("telefoon", c.phone, "")
    v["website"] = c.get("website", c.website, "")
    v["status"] = c.get("status", c.code("status", vocab.codes("statussen")), "")
    v["laatst_gecontroleerd"] = c.get("laatst_gecontroleerd", c.checked_date)
    v["voorbeeld"] = c.get("voorbeeld", c.boolean, False)
    _warn_about_places(c, v)
    if c.problems:
        order = {name: i for i, name in enumerate(FIELDS)}
        c.problems.sort(key=lambda p: order.get(p[0], len(order)))
        return Validated(record=None, problems=c.problems, warnings=c.warnings)
    return Validated(record=Aanbod(**v), problems=[], warnings=c.warnings)


def _warn_about_places(c: _Checker, v: Dict[str, Any]) -> None:
    """Wijk names and areas that the postcode table cannot place: allowed, but said."""
    gemeente, wijk = v.get("gemeente") or "", v.get("wijk") or ""
    if not gemeente:
        return
    wijken = known_wijken(gemeente)
    if wijk and wijken and wijk not in wijken:
        c.warnings.append(("wijk", f"'{wijk}' is not a wijk of {gemeente} in the postcode table "
                                   f"(known: {', '.join(wijken)}); nearness then uses the postcodes only"))
    table = pc4_table()
    for pc4 in v.get("postcodes") or ():
        area = table.get(pc4)
        if area and area.gemeente.lower() != gemeente.lower():
            c.warnings.append(("postcodes", f"{pc4} lies in {area.gemeente}, not in {gemeente}"))


__all__ = ["validate", "Validated", "slug", "area_of"]
