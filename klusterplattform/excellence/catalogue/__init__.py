"""Indicator catalogues as data: the shipped default (default_catalogue.json), JSON import and export (io.py) and
which version is current (versions.py)."""
