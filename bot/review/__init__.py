"""The wijkteam's review of conversations and the rode draden (issue #16).

Plain Python on the project's database; no Rasa, no Flask. Every page's data
is a function returning dataclasses, so a web handler only renders:

- ``index``       the ``gesprek_overzicht`` index, one row per conversation,
                  folded from the tracker store's redacted events;
- ``listing``     the conversations list: filters, date range, paging;
- ``transcript``  one conversation turn by turn with its triage cards;
- ``marks``       corrections, tags and "reviewed", each audited;
- ``export``      corrected messages as Rasa NLU YAML, signal corrections as JSONL;
- ``bureaudienst`` the aanmelding status flow and its list (werkdagen);
- ``rode_draden`` themes, collective fit and signals per wijk and month; ``charts`` (SVG), ``tables`` (CSV);
- ``bundelen``    candidate groups of open aanmeldingen, with matching offers or a gap;
- ``demo``        demo conversations through the real assistant.
"""
