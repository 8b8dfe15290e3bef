"""Signals the registry sends for writes that bypass the model signals (bulk imports), so apps that keep derived
state about organisations (the match index) can follow."""

from django.dispatch import Signal

# Sent inside the import's transaction with `organisation_ids`: the organisations created or updated.
organisations_imported = Signal()
