"""The sociale kaart: groups, inloop, courses and buurtinitiatieven in the wijk.

Modules: ``vocabulary`` (allowed codes and words, from data/sociale_kaart),
``postcodes`` (postcode parsing, PC4 → wijk), ``record`` (one offer),
``validation``, ``io_csv`` / ``io_hsds`` (file formats), ``models`` and
``repository`` (database), ``importer`` / ``exporter``, ``index`` and
``search`` (matching and ranking with reasons), ``check`` (data quality),
``cli`` (``python -m bot kaart``) and ``bench``.
"""
