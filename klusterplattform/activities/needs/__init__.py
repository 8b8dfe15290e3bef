"""Needs analysis of a programme: measured needs (benchmark positions of the programme's clusters against the
European peer group), stated needs (the clusters' own priorities per focus area) and the focus areas they map to.
See analysis.py for the definitions and the ranking rule."""
