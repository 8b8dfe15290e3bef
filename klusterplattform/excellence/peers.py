"""Peer distributions (see models/peers.py): kept up to date when an assessment is validated.

Owned by the benchmarking part: refresh_for(assessment) after a validation, rebuild_all() from the command.
"""


def refresh_for(assessment) -> None:
    """Placeholder until the benchmarking part lands: update the distributions of the assessment's peer groups."""
    return None
