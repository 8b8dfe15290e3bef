"""End to end on the shared calls world: an application brought into review through the workflow, the officer
assigns two reviewers in one go, both declare no conflict and score it on the pages, and the ranking and its
export show their mean (the browser test's "two reviewers score it")."""

import csv
import io

import pytest

from klusterplattform.calls.models import Review

from .application_fixtures import application_in
from .calls_world import build_world
from .review_world import en

pytestmark = pytest.mark.django_db


def test_two_reviewers_score_an_application_and_the_ranking_shows_it(client):
    world = build_world()
    application = application_in(world, "in_review")
    client.force_login(world.officer)
    response = client.post(
        en("calls:assign_reviewers", world.call.slug),
        {"applications": [application.pk], "reviewers": [world.reviewer_1.pk, world.reviewer_2.pk]},
    )
    assert response.status_code == 302
    assignments = {a.reviewer_id: a for a in application.assignments.all()}
    assert set(assignments) == {world.reviewer_1.pk, world.reviewer_2.pk}
    # relevance weight 2, quality 1, international 1 (n/a allowed); every scale 1–5, comments required.
    for reviewer, scores in [(world.reviewer_1, ("5", "4", "na")), (world.reviewer_2, ("3", "2", "1"))]:
        client.force_login(reviewer)
        assignment = assignments[reviewer.pk]
        assert "To review" not in client.get(en("calls:my_reviews")).content.decode()
        client.post(en("calls:declare_conflict", assignment.pk), {"conflict": "no"})
        assert "To review" in client.get(en("calls:my_reviews")).content.decode()
        data = {"action": "submit", "overall_comment": "Done."}
        for criterion, score in zip(("relevance", "quality", "international"), scores, strict=True):
            data[f"score_{criterion}"] = score
            data[f"comment_{criterion}"] = f"On {criterion}."
        assert client.post(en("calls:review", assignment.pk), data).status_code == 302
    assert Review.objects.filter(assignment__application=application, submitted_at__isnull=False).count() == 2
    # Reviewer 1: (2·4 + 3) of (2·4 + 4) = 11/12 = 91.67 %; reviewer 2: (2·2 + 1 + 0) of 16 = 31.25 %; mean 61.46 %.
    client.force_login(world.officer)
    html = client.get(en("calls:ranking", world.call.slug)).content.decode()
    assert "61.5 %" in html and "2 / 2" in html
    export = client.get(en("calls:ranking_export", world.call.slug, "csv"))
    header, row = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    values = dict(zip(header, row, strict=True))
    assert values["Mean percentage"] == "61.5" and values["Reviews submitted"] == "2"
    assert values["Mean total"] == str(round(((2 * 5 + 4) + (2 * 3 + 2 + 1)) / 2, 2))
