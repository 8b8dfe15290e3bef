"""The personal-data export (registry/people.py) also lists what the excellence module holds about the person."""

from django.core.files.base import ContentFile

from klusterplattform.excellence.models import Evidence, IndicatorComment
from klusterplattform.registry import people
from klusterplattform.registry.tests.factories import UserFactory

from .factories import AssessmentFactory, RoundFactory, small_catalogue


def test_the_export_lists_an_assessors_comments_assignments_and_uploads(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    person, someone_else = UserFactory(email="bedomare@example.org"), UserFactory()
    assessment = AssessmentFactory(round=RoundFactory(catalogue=small_catalogue()), assessor=person)
    indicator = assessment.catalogue.indicators.get(code="S1")
    IndicatorComment.objects.create(assessment=assessment, indicator=indicator, author=person, text="Källa saknas.")
    IndicatorComment.objects.create(assessment=assessment, indicator=indicator, author=someone_else, text="Annat.")
    evidence = Evidence(assessment=assessment, indicator=indicator, name="strategi.pdf", uploaded_by=person)
    evidence.file.save("strategi.pdf", ContentFile(b"%PDF-1.4"), save=True)

    data = people.export("Bedomare@Example.org")

    assert [c["text"] for c in data["assessment_comments"]["records"]] == ["Källa saknas."]
    assert data["assessments_assigned"]["records"][0]["cluster"] == assessment.cluster.slug
    assert data["assessment_evidence"]["records"][0]["file_name"] == "strategi.pdf"
    assert data["readiness_declarations"]["records"] == []
    assert all(data[key]["explanation"] for key in ("assessment_comments", "assessment_evidence"))


def test_someone_without_an_account_has_empty_excellence_sections(db):
    data = people.export("ingen@example.org")
    assert data["assessment_comments"] == {"explanation": data["assessment_comments"]["explanation"], "records": []}
