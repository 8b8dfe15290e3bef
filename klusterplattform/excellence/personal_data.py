"""What the excellence module holds about a person, for the personal-data export (registry/people.py)."""

from django.utils.translation import gettext_lazy as _

from .models import Assessment, Evidence, IndicatorComment, ReadinessDeclaration


def _iso(value):
    return value.isoformat() if value else None


def comments_by(user) -> list:
    rows = IndicatorComment.objects.filter(author=user).select_related("assessment__cluster", "indicator")
    return [
        {
            "assessment": c.assessment_id,
            "cluster": c.assessment.cluster.slug,
            "indicator": c.indicator.code,
            "text": c.text,
            "written_at": _iso(c.created_at),
        }
        for c in rows.order_by("created_at", "pk")
    ]


def evidence_by(user) -> list:
    rows = Evidence.objects.filter(uploaded_by=user).select_related("assessment__cluster", "indicator")
    return [
        {
            "assessment": e.assessment_id,
            "cluster": e.assessment.cluster.slug,
            "indicator": e.indicator.code,
            "file_name": e.name,
            "uploaded_at": _iso(e.uploaded_at),
        }
        for e in rows.order_by("uploaded_at", "pk")
    ]


def assessments_assigned_to(user) -> list:
    rows = Assessment.objects.filter(assessor=user).select_related("cluster", "round")
    return [
        {"assessment": a.pk, "cluster": a.cluster.slug, "round": a.round.slug, "status": a.status}
        for a in rows.order_by("pk")
    ]


def declarations_by(user) -> list:
    rows = ReadinessDeclaration.objects.filter(updated_by=user).select_related("cluster", "criterion")
    return [
        {
            "cluster": d.cluster.slug,
            "criterion": f"{d.criterion.level}:{d.criterion.code}",
            "is_met": d.is_met,
            "explanation": d.explanation,
            "updated_at": _iso(d.updated_at),
        }
        for d in rows.order_by("pk")
    ]


SECTIONS = {
    "assessment_comments": (_("Comments this person wrote on self-assessments as an assessor."), comments_by),
    "assessment_evidence": (_("Evidence files this person uploaded to self-assessments."), evidence_by),
    "assessments_assigned": (_("Self-assessments this person was assigned to validate."), assessments_assigned_to),
    "readiness_declarations": (_("Label-readiness declarations this person last changed."), declarations_by),
}
