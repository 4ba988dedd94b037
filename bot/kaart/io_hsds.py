"""The kaart as Open Referral HSDS 3.0 JSON.

Mapping (our field -> HSDS):
  id, naam, omschrijving           -> service.id, name, description
  organisatie_id, organisatie      -> organizations[] (id, name), service.organization_id
  status                           -> service.status (actief=active, gepauzeerd=temporarily closed, gestopt=defunct)
  laatst_gecontroleerd             -> service.assured_date
  leeftijd_min/max                 -> service.minimum_age / maximum_age
  hoe_aansluiten                   -> service.application_process
  kosten, kosten_euro              -> service.fees_description, cost_options[0] (amount, currency EUR)
  wanneer                          -> service.schedules[0].description
  talen                            -> service.languages[].code
  email, website, telefoon         -> service.email, url, phones[0].number
  themas, vorm, toegang, formeel,
  doelgroepen, kenmerken,
  toegankelijkheid                 -> service.attributes[].taxonomy_term {taxonomy: "wijkteam-<list>", code}
  postcodes                        -> service.service_areas[0].extent (';'-separated PC4, extent_type "postcode")
  locatie_*, adres, postcode, plaats -> locations[] + service.service_at_locations[].location_id
  gemeente, wijk, bron, voorbeeld  -> service["x-wijkteam"] (extension: Dutch fields HSDS has no place for)
Embedded ``organization`` / ``service_at_locations[].location`` objects are accepted on import.
"""

from __future__ import annotations

import json
from json import scanner  # type: ignore[attr-defined]  # the stdlib's pure-Python scanner: not in typeshed
from json.decoder import JSONObject  # type: ignore[attr-defined]  # undocumented stdlib parser, not in typeshed
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from bot.kaart.problems import KaartImportError, Problem, file_error
from bot.kaart.record import Aanbod, euro_text
from bot.kaart.vocabulary import vocabulary

HSDS_VERSION = "3.0"
EXTENSION = "x-wijkteam"
TAXONOMY_PREFIX = "wijkteam-"
# our field -> (HSDS taxonomy list name)
ATTRIBUTE_LISTS = {
    "themas": "thema", "vorm": "vorm", "toegang": "toegang", "formeel": "formeel",
    "doelgroepen": "doelgroep", "kenmerken": "kenmerk", "toegankelijkheid": "toegankelijkheid",
}
HSDS_PATH = {
    "id": "id", "naam": "name", "omschrijving": "description", "organisatie_id": "organization_id",
    "organisatie": "organizations[].name", "status": "status", "laatst_gecontroleerd": "assured_date",
    "leeftijd_min": "minimum_age", "leeftijd_max": "maximum_age", "hoe_aansluiten": "application_process",
    "kosten": "fees_description", "kosten_euro": "cost_options[0].amount", "wanneer": "schedules[0].description",
    "talen": "languages", "email": "email", "website": "url", "telefoon": "phones[0].number",
    "postcodes": "service_areas[0].extent", "locatie_id": "service_at_locations[0].location_id",
    "locatie_naam": "locations[].name", "adres": "locations[].addresses[0].address_1",
    "postcode": "locations[].addresses[0].postal_code", "plaats": "locations[].addresses[0].city",
    "gemeente": f"{EXTENSION}.gemeente", "wijk": f"{EXTENSION}.wijk", "bron": f"{EXTENSION}.bron",
    "voorbeeld": f"{EXTENSION}.voorbeeld",
    **{name: f"attributes ({TAXONOMY_PREFIX}{lst})" for name, lst in ATTRIBUTE_LISTS.items()},
}
RawRow = Tuple[int, str, Dict[str, Any]]


# -- export -----------------------------------------------------------------------------
def _attribute(list_name: str, code: str) -> Dict[str, Any]:
    return {"taxonomy_term": {"taxonomy": TAXONOMY_PREFIX + list_name, "code": code}}


def service_of(r: Aanbod) -> Dict[str, Any]:
    vocab = vocabulary()
    attributes = [_attribute("thema", t) for t in r.themas]
    attributes.append(_attribute("vorm", r.vorm))
    attributes.append(_attribute("toegang", r.toegang))
    attributes.append(_attribute("formeel", "formeel" if r.formeel else "informeel"))
    attributes += [_attribute("doelgroep", d) for d in r.doelgroepen]
    attributes += [_attribute("kenmerk", k) for k in r.kenmerken]
    attributes += [_attribute("toegankelijkheid", a) for a in r.toegankelijkheid]
    service: Dict[str, Any] = {
        "id": r.id,
        "organization_id": r.organisatie_id,
        "name": r.naam,
        "description": r.omschrijving,
        "status": vocab.word("statussen", r.status, "hsds"),
        "email": r.email,
        "url": r.website,
        "assured_date": r.laatst_gecontroleerd.isoformat(),
        "minimum_age": r.leeftijd_min,
        "maximum_age": r.leeftijd_max,
        "application_process": r.hoe_aansluiten,
        "fees_description": r.kosten,
        "cost_options": ([] if r.kosten_centen is None else
                         [{"id": f"{r.id}-kosten", "amount": float(euro_text(r.kosten_centen)), "currency": "EUR",
                           "option": r.kosten}]),
        "schedules": [{"id": f"{r.id}-rooster", "description": r.wanneer}] if r.wanneer else [],
        "languages": [{"code": c, "name": vocab.lists["talen"].get(c, {}).get("label", c)} for c in r.talen],
        "phones": [{"id": f"{r.id}-telefoon", "number": r.telefoon}] if r.telefoon else [],
        "attributes": attributes,
        "service_areas": ([{"id": f"{r.id}-gebied", "name": " ".join(x for x in (r.gemeente, r.wijk) if x),
                            "extent": ";".join(r.postcodes), "extent_type": "postcode"}] if r.postcodes else []),
        "service_at_locations": ([{"id": f"{r.id}@{r.locatie_id}", "location_id": r.locatie_id}]
                                 if r.locatie_id else []),
        EXTENSION: {"gemeente": r.gemeente, "wijk": r.wijk, "bron": r.bron, "voorbeeld": r.voorbeeld},
    }
    return service


def to_hsds(records: Iterable[Aanbod]) -> Dict[str, Any]:
    records = list(records)
    organizations: Dict[str, Dict[str, Any]] = {}
    locations: Dict[str, Dict[str, Any]] = {}
    for r in records:
        organizations.setdefault(r.organisatie_id, {"id": r.organisatie_id, "name": r.organisatie, "description": ""})
        if r.locatie_id:
            locations.setdefault(r.locatie_id, {
                "id": r.locatie_id, "location_type": "physical", "name": r.locatie_naam,
                "addresses": [{"address_1": r.adres, "postal_code": r.postcode, "city": r.plaats,
                               "country": "NL", "address_type": "physical"}],
            })
    vocab = vocabulary()
    return {
        "hsds_version": HSDS_VERSION,
        "taxonomies": [{"id": TAXONOMY_PREFIX + n, "name": TAXONOMY_PREFIX + n} for n in
                       ("thema", "vorm", "toegang", "formeel", "doelgroep", "kenmerk", "toegankelijkheid")],
        "status_values": {code: vocab.word("statussen", code, "hsds") for code in vocab.codes("statussen")},
        "organizations": list(organizations.values()),
        "locations": list(locations.values()),
        "services": [service_of(r) for r in records],
    }


def write_hsds(records: Iterable[Aanbod], out) -> int:
    document = to_hsds(records)
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(document["services"])


# -- import -----------------------------------------------------------------------------
class _Positioned(dict):
    """A JSON object that remembers the offset of its opening brace."""
    offset = 0


class _PositionDecoder(json.JSONDecoder):
    """The stdlib decoder with its own object parser on the pure-Python scanner."""

    def __init__(self, parse_object) -> None:
        super().__init__()
        self.parse_object = parse_object
        self.scan_once = scanner.py_make_scanner(self)


def _object_lines(text: str) -> Dict[Tuple[str, int], int]:
    """(list name, index) of each top-level object -> 1-based line, from a slower position-keeping parse."""
    offsets: Dict[int, int] = {}
    keep: List[Any] = []

    def parse_object(s_and_end, *args, **kwargs):
        obj, end = JSONObject(s_and_end, *args, **kwargs)
        keep.append(obj)
        offsets[id(obj)] = s_and_end[1] - 1
        return obj, end

    document = _PositionDecoder(parse_object).decode(text)
    lines: Dict[Tuple[str, int], int] = {}
    for key in ("services", "locations", "organizations"):
        for i, obj in enumerate(document.get(key) or () if isinstance(document, dict) else ()):
            if id(obj) in offsets:
                lines[(key, i)] = text.count("\n", 0, offsets[id(obj)]) + 1
    return lines


class _Lines:
    """Line numbers of services[i], computed only when a problem must be reported."""

    def __init__(self, text: str):
        self.text = text
        self._lines: Optional[Dict[Tuple[str, int], int]] = None

    def of(self, key: str, index: int) -> int:
        if self._lines is None:
            self._lines = _object_lines(self.text)
        return self._lines.get((key, index), 1)


def _codes(attributes: List[Any], list_name: str) -> List[Any]:
    """The codes of one taxonomy as the file has them (validated later, with the row)."""
    wanted = TAXONOMY_PREFIX + list_name
    out = []
    for a in attributes:
        term = a.get("taxonomy_term") if isinstance(a, dict) else None
        if isinstance(term, dict) and term.get("taxonomy") == wanted:
            out.append(term.get("code"))
    return out


def _one(values: List[Any]) -> Any:
    return values[0] if len(values) == 1 else (";".join(map(str, values)) if values else None)


def _list_of_dicts(service: Dict[str, Any], key: str) -> List[Dict[str, Any]]:
    value = service.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"'{key}' must be a list of objects")
    return value


def _flatten(service: Dict[str, Any], organizations: Mapping[Any, Any], locations: Mapping[Any, Any],
             status_codes: Mapping[Any, str]) -> Dict[str, Any]:
    attributes = _list_of_dicts(service, "attributes")
    ext = service.get(EXTENSION) or {}
    if not isinstance(ext, dict):
        raise ValueError(f"'{EXTENSION}' must be an object")
    org = service.get("organization") if isinstance(service.get("organization"), dict) else None
    org_id = service.get("organization_id") or (org or {}).get("id")
    org = org or organizations.get(org_id) or {}
    links = _list_of_dicts(service, "service_at_locations")
    if len(links) > 1:
        raise ValueError("more than one location per service is not supported; split the service")
    location: Dict[str, Any] = {}
    location_id = None
    if links:
        embedded = links[0].get("location")
        location = embedded if isinstance(embedded, dict) else {}
        location_id = links[0].get("location_id") or location.get("id")
        if not location:
            if location_id not in locations:
                raise ValueError(f"service_at_locations: location '{location_id}' is not in 'locations'")
            location = locations[location_id]
    addresses = location.get("addresses") or [{}]
    address = addresses[0] if isinstance(addresses, list) and addresses and isinstance(addresses[0], dict) else {}
    costs = _list_of_dicts(service, "cost_options")
    schedules = _list_of_dicts(service, "schedules")
    phones = _list_of_dicts(service, "phones")
    areas = _list_of_dicts(service, "service_areas")
    formeel = _codes(attributes, "formeel")
    status = service.get("status")
    return {
        "id": service.get("id"),
        "naam": service.get("name"),
        "omschrijving": service.get("description"),
        "organisatie_id": org_id,
        "organisatie": org.get("name"),
        "themas": _codes(attributes, "thema"),
        "vorm": _one(_codes(attributes, "vorm")),
        "formeel": None if not formeel else ("ja" if formeel == ["formeel"] else
                                             "nee" if formeel == ["informeel"] else ";".join(map(str, formeel))),
        "toegang": _one(_codes(attributes, "toegang")),
        "doelgroepen": _codes(attributes, "doelgroep"),
        "kenmerken": _codes(attributes, "kenmerk"),
        "toegankelijkheid": _codes(attributes, "toegankelijkheid"),
        "leeftijd_min": service.get("minimum_age"),
        "leeftijd_max": service.get("maximum_age"),
        "gemeente": ext.get("gemeente") or address.get("city"),
        "wijk": ext.get("wijk"),
        "postcodes": ";".join(str(a.get("extent") or "") for a in areas if a.get("extent")),
        "locatie_id": location_id,
        "locatie_naam": location.get("name"),
        "adres": address.get("address_1"),
        "postcode": address.get("postal_code"),
        "plaats": address.get("city"),
        "talen": [lang.get("code") for lang in _list_of_dicts(service, "languages")],
        "wanneer": schedules[0].get("description") if schedules else None,
        "kosten": service.get("fees_description") or (costs[0].get("option") if costs else None),
        "kosten_euro": costs[0].get("amount") if costs else None,
        "hoe_aansluiten": service.get("application_process"),
        "email": service.get("email"),
        "telefoon": phones[0].get("number") if phones else None,
        "website": service.get("url"),
        "status": status_codes.get(status, status),
        "laatst_gecontroleerd": service.get("assured_date"),
        "bron": ext.get("bron"),
        "voorbeeld": ext.get("voorbeeld"),
    }


def parse_hsds(text: str, file: str) -> Tuple[List[RawRow], "_Lines"]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise file_error(file, f"is not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        raise file_error(file, "JSON is nested too deeply") from None
    if isinstance(document, list):
        document = {"services": document}
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise file_error(file, "expected an HSDS object with a list 'services'", line=1)
    if not document["services"]:
        raise file_error(file, "the file has no services", line=1)
    lines = _Lines(text)
    problems: List[Problem] = []
    index: Dict[str, Dict[str, Dict[str, Any]]] = {}
    for key in ("organizations", "locations"):
        items = document.get(key) or []
        if not isinstance(items, list):
            raise file_error(file, f"'{key}' must be a list", line=1)
        index[key] = {}
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not item.get("id"):
                problems.append(Problem(file, lines.of(key, i), "id", "object without an id", f"{key}[{i}]"))
            else:
                index[key][str(item["id"])] = item
    status_codes = {vocabulary().word("statussen", c, "hsds"): c for c in vocabulary().codes("statussen")}
    rows: List[RawRow] = []
    for i, service in enumerate(document["services"]):
        item = f"services[{i}]"
        if not isinstance(service, dict):
            problems.append(Problem(file, lines.of("services", i), None, "a service must be a JSON object", item))
            continue
        try:
            rows.append((i, item, _flatten(service, index["organizations"], index["locations"], status_codes)))
        except (ValueError, AttributeError, TypeError) as exc:
            problems.append(Problem(file, lines.of("services", i), None, str(exc), item))
    if problems:
        raise KaartImportError(problems)
    return rows, lines


def line_of_service(lines: "_Lines", index: int) -> int:
    return lines.of("services", index)


__all__ = ["parse_hsds", "write_hsds", "to_hsds", "HSDS_PATH", "line_of_service"]
