"""Building blocks for the readiness tests: self-assessments in the shipped "kp-2026" catalogue, evidence files and
a cluster that meets every default criterion."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.excellence.answering import parse
from klusterplattform.excellence.forms_readiness import store_evidence
from klusterplattform.excellence.models import (
    Answer,
    CatalogueVersion,
    Evidence,
    ImprovementArea,
    ReadinessCriterion,
    ReadinessDeclaration,
)
from klusterplattform.excellence.tests.factories import AssessmentFactory, RoundFactory
from klusterplattform.registry.tests.factories import ClusterFactory

# Answers that meet every default threshold of Bronze, Silver and Gold.
GOOD_ANSWERS = {
    "STR-01": 200,
    "STR-02": 60,
    "STR-03": 60,
    "STR-04": 8,
    "STR-05": 70,
    "STR-06": 5,
    "GOV-01": 10,
    "GOV-02": 3,
    "GOV-03": "industry_majority",
    "GOV-04": 5,
    "GOV-05": "yes",
    "FIN-01": 5000,
    "FIN-02": 50,
    "FIN-03": 30,
    "FIN-04": "3y_plus",
    "STG-01": "yes",
    "STG-03": 3,
    "STG-04": "co_created",
    "SRV-01": ["matchmaking", "training", "internationalisation", "funding_advice", "innovation_projects", "branding"],
    "SRV-02": 20,
    "SRV-03": 8,
    "SRV-04": "yes",
    "SRV-05": 60,
    "INT-01": "monthly",
    "INT-02": 40,
    "INT-03": 3,
    "INT-04": ["website", "english_website", "newsletter", "social_media", "press"],
    "ACH-01": "Three stories.",
    "ACH-02": 2,
    "ACH-03": 5,
    "ACH-04": 8000,
    "TRN-01": "programme",
    "TRN-02": "programme",
    "TRN-03": "yes",
    "TRN-04": 3,
}
# The indicators whose default criteria need evidence attached in the self-assessment.
EVIDENCE_CODES = ("STG-01", "GOV-05", "FIN-02")
FIRST_DAY = datetime.date(2024, 3, 15)
SECOND_DAY = datetime.date(2025, 11, 15)  # 20 months later


def kp_catalogue() -> CatalogueVersion:
    return CatalogueVersion.objects.get(code="kp-2026")


def pdf(name="evidence.pdf", size=None) -> SimpleUploadedFile:
    content = b"%PDF-1.4\n" + b"x" * max(0, (size or 100) - 9)
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def assessment(cluster, answers=None, status="validated", assessed_on=SECOND_DAY, evidence=(), catalogue=None):
    """A self-assessment of `cluster` in a new round of the catalogue, with `answers` ({code: raw}) saved."""
    catalogue = catalogue or kp_catalogue()
    made = AssessmentFactory(
        round=RoundFactory(catalogue=catalogue), cluster=cluster, status=status, assessed_on=assessed_on
    )
    indicators = {i.code: i for i in catalogue.indicators.all()}
    for code, raw in (answers or {}).items():
        Answer.objects.create(assessment=made, indicator=indicators[code], **parse(indicators[code], raw))
    # Files are attached without save(), as evidence.py and store_evidence do (the audit trail cannot serialise
    # a file field yet); the stored name is all readiness looks at.
    Evidence.objects.bulk_create(
        [
            Evidence(assessment=made, indicator=indicators[code], file="evidence.pdf", name="evidence.pdf")
            for code in evidence
        ]
    )
    return made


def declare(cluster, code, is_met=True, evidence=True) -> ReadinessDeclaration:
    declaration = ReadinessDeclaration.objects.create(
        cluster=cluster,
        criterion=ReadinessCriterion.objects.get(code=code),
        is_met=is_met,
        explanation="Our annual report shows it.",
    )
    if evidence:
        store_evidence(declaration, pdf())
    return declaration


def improvement_areas(cluster, areas=("strategy", "services", "interaction")):
    for area in areas:
        ImprovementArea.objects.create(cluster=cluster, area=area, what_changed="A new process.", effect="More trust.")


def ready_cluster(**kwargs):
    """A cluster meeting every default criterion: two validated benchmarkings 20 months apart, every answer good,
    the evidence attached, every declaration made with a file, three improvement areas, listed on the ECCP."""
    cluster = ClusterFactory(eccp_profile_url="https://reporting.clustercollaboration.eu/example", **kwargs)
    assessment(cluster, GOOD_ANSWERS, assessed_on=FIRST_DAY)
    assessment(cluster, GOOD_ANSWERS, assessed_on=SECOND_DAY, evidence=EVIDENCE_CODES)
    for criterion in ReadinessCriterion.objects.filter(source="declaration"):
        declare(cluster, criterion.code)
    improvement_areas(cluster)
    return cluster
