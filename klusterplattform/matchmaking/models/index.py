"""The match index: one document per cluster organisation and per member organisation, with the structured features
the ranking compares and the word stems of its profile text. It lives in the database (shared state, rule of the
house) and is kept up to date document by document when a profile changes (see matching/indexing.py); the
`rebuild_match_index` command rebuilds it whole.

Weights are not stored: a term row keeps its count in the document, and the ranking applies BM25 with the document
frequencies in MatchTermStat at query time, so changing one document never rewrites the others.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import DocumentKind, MatchSubject, Vote


class MatchDocument(models.Model):
    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    object_id = models.PositiveIntegerField()
    is_demo = models.BooleanField(default=False)
    country = models.CharField(max_length=2, blank=True)
    # Space-separated feature tokens: "eco:<code> sec:<code> tech:<code> s3:<ecosystem code> reg:<region id>
    # type:<organisation type> cl:<cluster id>" (see matching/features.py).
    features = models.TextField(blank=True, default="")
    length = models.PositiveIntegerField(default=0)  # words in the indexed text, for BM25's length normalisation
    source_updated_at = models.DateTimeField(null=True, blank=True)  # the profile's last change: the activity signal
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_match_document_per_object")]
        indexes = [models.Index(fields=["kind", "is_demo"])]

    def __str__(self):
        return f"{self.kind}:{self.object_id}"


class MatchTerm(models.Model):
    document = models.ForeignKey(MatchDocument, on_delete=models.CASCADE, related_name="terms")
    kind = models.CharField(max_length=12, choices=DocumentKind.choices)  # the document's, for per-kind postings
    term = models.CharField(max_length=40)
    count = models.PositiveSmallIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["kind", "term"])]


class MatchTermStat(models.Model):
    """Document frequency of a stem among the documents of one kind (BM25's idf), updated with each document."""

    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    term = models.CharField(max_length=40)
    documents = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="one_term_stat_per_kind")]


class MatchIndexState(models.Model):
    """Size of the index per kind (document count, total length) for BM25, and when it was last rebuilt."""

    kind = models.CharField(max_length=12, choices=DocumentKind.choices, unique=True)
    documents = models.IntegerField(default=0)
    total_length = models.BigIntegerField(default=0)
    rebuilt_at = models.DateTimeField(null=True, blank=True)


class MatchFeedback(models.Model):
    """A thumbs up or down on one match, stored with the score and reasons shown, for tuning the weights."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(_("asked for"), max_length=8, choices=MatchSubject.choices)
    subject_key = models.CharField(max_length=64)  # cluster id, post id, or a hash of the folded need text
    need_text = models.TextField(blank=True)
    candidate_kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    candidate_id = models.PositiveIntegerField()
    vote = models.SmallIntegerField(_("vote"), choices=Vote.choices)
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("match feedback")
        verbose_name_plural = _("match feedback")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject", "subject_key", "candidate_kind", "candidate_id"],
                name="one_vote_per_user_and_match",
            )
        ]
