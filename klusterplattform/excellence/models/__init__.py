from .assessments import Answer, Assessment, AssessmentRound, AssessmentVersion, Evidence, IndicatorComment
from .catalogue import CatalogueInUse, CatalogueVersion, Indicator
from .labels import Label, LabelLevel, LabelQuerySet, LabelRule
from .peers import PeerDistribution, PeerGroupSize
from .readiness import ImprovementArea, ReadinessCriterion, ReadinessDeclaration

__all__ = [
    "Answer",
    "Assessment",
    "AssessmentRound",
    "AssessmentVersion",
    "CatalogueInUse",
    "CatalogueVersion",
    "Evidence",
    "ImprovementArea",
    "Indicator",
    "IndicatorComment",
    "Label",
    "LabelLevel",
    "LabelQuerySet",
    "LabelRule",
    "PeerDistribution",
    "PeerGroupSize",
    "ReadinessCriterion",
    "ReadinessDeclaration",
]
