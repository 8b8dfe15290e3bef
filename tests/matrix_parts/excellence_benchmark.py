"""Permission matrix rows of the benchmark: the report page, its PDF and the API operation.

The benchmark is part of seeing the assessment (assessment.view): cluster A's managers, the regional officer of A's
region, the assigned assessor, officers and administrators; for anyone else the assessment does not exist.
"""

from tests.matrix_common import GET, Call, page, statuses

SEES_ASSESSMENT = statuses(404, anonymous=302, manager_a=200, regional_in=200, assessor=200, officer=200, admin=200)
SEES_ASSESSMENT_API = {**SEES_ASSESSMENT, "anonymous": 401}

PAGES = {
    "bedomningar/<int:pk>/benchmark/": page(
        Call(GET, "/bedomningar/{benchmark_assessment}/benchmark/", SEES_ASSESSMENT)
    ),
    "bedomningar/<int:pk>/benchmark.pdf": page(
        Call(GET, "/bedomningar/{benchmark_assessment}/benchmark.pdf", SEES_ASSESSMENT)
    ),
}

API = {
    ("GET", "/api/v1/assessments/{assessment_id}/benchmark"): page(
        Call(GET, "/api/v1/assessments/{benchmark_assessment}/benchmark?peer_group=all", SEES_ASSESSMENT_API)
    ),
}


def values(objects) -> dict:
    """A validated assessment of cluster A, assigned to the assessor persona."""
    from klusterplattform.excellence.tests.benchmark_world import assessment, numeric_catalogue

    catalogue = numeric_catalogue("matrix-benchmark")
    validated = assessment(catalogue, {"N1": 3}, cluster=objects["cluster_a"])
    validated.assessor = objects["users"]["assessor"]
    validated.save()
    return {"benchmark_assessment": validated.pk}
