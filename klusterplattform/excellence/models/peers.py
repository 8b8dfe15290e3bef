"""Peer distributions: the sorted values of every peer group and indicator lineage, kept up to date on validation.

Benchmarking one assessment against 5,000 peers must not load 180,000 answers per request, so each group's values
live here as a packed array (float64, sorted) that peers.py maintains; see docs/performance.md.
"""

from django.db import models


class PeerDistribution(models.Model):
    # Which population the peers come from: demo peers never mix with real ones.
    is_demo = models.BooleanField(default=False)
    # "all", "ecosystem:<code>", "sector:<code>", "country:SE", "size:m", "programme:<slug>", "label:silver"
    group = models.CharField(max_length=120)
    lineage = models.CharField(max_length=60)
    count = models.PositiveIntegerField(default=0)
    values = models.BinaryField(default=b"")  # numpy float64, ascending
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["is_demo", "group", "lineage"], name="one_distribution_per_group")
        ]

    def __str__(self):
        return f"{self.group} {self.lineage} (n={self.count})"


class PeerGroupSize(models.Model):
    """How many assessments (not answers) a peer group holds: the disclosure rule counts organisations."""

    is_demo = models.BooleanField(default=False)
    group = models.CharField(max_length=120)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["is_demo", "group"], name="one_size_per_group")]

    def __str__(self):
        return f"{self.group} (n={self.count})"
