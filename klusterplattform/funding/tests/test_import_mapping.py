"""One EU topic → FundingCall values: each rule of the mapping, each quirk of the export, each rejection."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest

from klusterplattform.funding.importing import map_topic
from klusterplattform.funding.importing.mapping import deadline_at

from .topic_files import english, topic  # noqa: F401 - english is a fixture

pytestmark = pytest.mark.usefixtures("english")
UTC = datetime.UTC
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def mapped(identifier="TEST-2026-FIXTURE-01", **changes):
    record = {**topic(identifier), **changes}
    result, reasons = map_topic(record)
    assert reasons == [], reasons
    return result


def reasons_for(**changes):
    result, reasons = map_topic({**topic("TEST-2026-FIXTURE-01"), **changes})
    assert result is None
    return reasons


def test_a_date_only_deadline_is_17_00_brussels_time_in_winter_and_in_summer():
    winter = mapped("TEST-2026-FIXTURE-01").deadlines  # 2026-02-10, CET (UTC+1)
    summer = mapped("TEST-2026-FIXTURE-02").deadlines  # 2026-07-15, CEST (UTC+2)
    assert winter == [
        {
            "at": datetime.datetime(2026, 2, 10, 16, 0, tzinfo=UTC),
            "time_zone": "Europe/Brussels",
            "stage": 1,
            "label": "",
        }
    ]
    assert summer[0]["at"] == datetime.datetime(2026, 7, 15, 15, 0, tzinfo=UTC)
    assert summer[0]["at"].astimezone(BRUSSELS).strftime("%Y-%m-%d %H:%M %Z") == "2026-07-15 17:00 CEST"


def test_deadlines_on_the_days_the_clocks_change_are_still_17_00_brussels():
    assert deadline_at("2026-03-29") == datetime.datetime(2026, 3, 29, 15, 0, tzinfo=UTC)  # CEST from 03:00
    assert deadline_at("2026-10-25") == datetime.datetime(2026, 10, 25, 16, 0, tzinfo=UTC)  # CET from 03:00


def test_a_deadline_with_a_time_keeps_it_and_a_list_becomes_stages():
    assert deadline_at("2026-09-01T12:30:00") == datetime.datetime(2026, 9, 1, 10, 30, tzinfo=UTC)
    assert deadline_at("2026-09-01T12:30:00Z") == datetime.datetime(2026, 9, 1, 12, 30, tzinfo=UTC)
    staged = mapped(deadline=["2027-01-20", "2026-09-01"]).deadlines
    assert [(d["stage"], d["at"].date().isoformat()) for d in staged] == [(1, "2026-09-01"), (2, "2027-01-20")]


def test_the_stage_field_is_ignored_and_the_deadline_model_comes_from_deadlineModel():
    assert topic("TEST-2026-FIXTURE-01")["stage"] == "two-stage"
    assert mapped("TEST-2026-FIXTURE-01").values["deadline_model"] == "single-stage"
    assert mapped("TEST-2026-FIXTURE-02").values["deadline_model"] == "two-stage"
    assert mapped("TEST-2026-FIXTURE-03").values["deadline_model"] == "multiple-cut-off"
    assert mapped("TEST-2026-FIXTURE-04").values["deadline_model"] == "single-stage"  # '' in the source


def test_an_unknown_deadline_model_is_single_stage_with_a_warning():
    result = mapped(deadlineModel="rolling")
    assert result.values["deadline_model"] == "single-stage"
    assert result.warnings == ["unknown deadline model 'rolling', taken as single-stage"]


def test_identity_programme_and_action_type():
    values = mapped("TEST-2026-FIXTURE-01").values
    assert mapped("TEST-2026-FIXTURE-01").identifier == "TEST-2026-FIXTURE-01"
    assert values["programme"] == "Interregional Innovation" and values["funder"] == "European Commission"
    assert values["call_identifier"] == "TEST-2026-FIXTURE" and values["strand"] == "Fictional Test Call"
    assert values["action_type"] == "TEST Project Grants"
    assert mapped("TEST-2026-FIXTURE-04").values["action_type"] == "CSA"  # typesOfAction empty → actionType
    assert mapped(typesOfAction="HORIZON  Research and Innovation Actions").values["action_type"] == (
        "HORIZON Research and Innovation Actions"
    )
    assert values["source"] == "eu-ft" and values["language"] == "en" and values["time_zone"] == "Europe/Brussels"
    assert values["source_url"].endswith("/topic-details/test-2026-fixture-01")


def test_call_status_becomes_the_source_status():
    assert mapped("TEST-2026-FIXTURE-02").values["source_status"] == "forthcoming"
    assert mapped("TEST-2026-FIXTURE-06").values["source_status"] == "closed"
    assert mapped(callStatus="Open").values["source_status"] == "open"
    assert mapped(callStatus="archived").values["source_status"] == ""


def test_budgets_and_expected_grants_are_taken_as_stated_and_null_stays_null():
    values = mapped("TEST-2026-FIXTURE-01").values
    assert (values["budget_min"], values["budget_max"], values["expected_grants"]) == (
        Decimal(500000),
        Decimal(1500000),
        4,
    )
    values = mapped("TEST-2026-FIXTURE-02").values
    assert (values["budget_min"], values["budget_max"], values["expected_grants"]) == (None, None, None)
    assert values["currency"] == "EUR" and values.get("total_budget") is None
    assert mapped(budgetMax="2500000", expectedGrants=3.0).values["budget_max"] == Decimal(2500000)


def test_titles_keywords_and_text_are_repaired():
    values = mapped("TEST-2026-FIXTURE-01").values
    assert values["title"] == "Fictional topic: Europe’s interregional clusters"
    assert (
        "Europe’s cluster organisations in Västra Götaland and Øresund — with partners’ support"
        in (values["description_html"])
    )
    assert "the region’s" in values["description_html"] and "“kept” and ’ kept" in values["description_html"]
    assert mapped("TEST-2026-FIXTURE-03").values["title"] == "Fictional multiple cut-off topic – Göteborg"
    assert "Göteborg and Umeå and in real Malmö and Åre" in mapped("TEST-2026-FIXTURE-03").values["description_html"]
    assert mapped(title="Two\nlines  here").values["title"] == "Two lines here"


def test_keywords_lose_the_repeated_identifiers_and_duplicates():
    assert mapped("TEST-2026-FIXTURE-01").values["keywords"] == "Clusters, Smart specialisation, Västra Götaland"
    assert (
        mapped(keywords="TEST-2026-FIXTURE, Textiles, textiles, , Clusters").values["keywords"] == "Textiles, Clusters"
    )


def test_description_html_is_sanitised_and_objectives_are_appended():
    html = mapped("TEST-2026-FIXTURE-02").values["description_html"]
    assert "<script" not in html and "owned" not in html and "onclick" not in html and "javascript:" not in html
    assert "<style" not in html and "color:red" not in html and "target=" not in html
    assert '<a href="https://example.org/guide" rel="noopener noreferrer">guide</a>' in html
    assert "<strong>SMEs</strong> in Malmö." in html
    assert (
        mapped("TEST-2026-FIXTURE-03")
        .values["description_html"]
        .endswith("<p>Strengthening interregional innovation in textiles.</p>")
    )
    plain = mapped("TEST-2026-FIXTURE-04").values["description_html"]
    assert plain == "<p>Scope:Plain text with a &lt; sign &amp; an ampersand.</p>"
    assert mapped(objectives="Scope:Plain text", description="Scope:Plain text here").values["description_html"] == (
        "<p>Scope:Plain text here</p>"
    )


def test_conditions_lose_the_stray_tag_end_and_unsafe_html():
    assert mapped("TEST-2026-FIXTURE-01").values["conditions_html"] == (
        "<p>General conditions1. Admissibility: described in the call document – see “Annex 1”.</p>"
    )
    html = mapped("TEST-2026-FIXTURE-02").values["conditions_html"]
    assert html == "Conditions<ul><li>Eligible countries – all</li></ul>"
    assert mapped("TEST-2026-FIXTURE-03").values["conditions_html"] == ""


def test_digital_tag_only_from_the_stated_priorities():
    assert mapped("TEST-2026-FIXTURE-01").digital  # DigitalAgenda
    assert mapped("TEST-2026-FIXTURE-02").digital  # AI
    assert not mapped("TEST-2026-FIXTURE-03").digital
    assert not mapped(crossCuttingPriorities="SSH", description="A digital twin").digital


def test_cluster_organisations_are_inferred_only_from_the_text_naming_them():
    first = mapped("TEST-2026-FIXTURE-01").values  # "cluster organisations"
    third = mapped("TEST-2026-FIXTURE-03").values  # "Euroclusters"
    plain = mapped("TEST-2026-FIXTURE-04").values
    assert (first["cluster_organisations_eligible"], first["cluster_eligibility_inferred"]) == (True, True)
    assert (third["cluster_organisations_eligible"], third["cluster_eligibility_inferred"]) == (True, True)
    assert (plain["cluster_organisations_eligible"], plain["cluster_eligibility_inferred"]) == (None, False)
    assert mapped(description="Open to cluster organizations.").values["cluster_organisations_eligible"] is True
    assert mapped(description="Industrial clusters and their members.").values["cluster_organisations_eligible"] is None


def test_cascade_funding_when_the_text_says_so():
    assert mapped("TEST-2026-FIXTURE-02").values["is_cascade_funding"]
    assert mapped(description="", topicConditions="Cascade funding of up to EUR 60 000").values["is_cascade_funding"]
    assert not mapped("TEST-2026-FIXTURE-01").values["is_cascade_funding"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"topicId": ""}, "topicId is missing"),
        ({"topicId": None}, "topicId is missing"),
        ({"title": "  "}, "title is missing"),
        ({"deadline": "2026-13-45"}, "deadline '2026-13-45' is not a valid date (expected YYYY-MM-DD)"),
        ({"deadline": "12 November 2026"}, "deadline '12 November 2026' is not a valid date (expected YYYY-MM-DD)"),
        ({"deadline": 20261112}, "deadline 20261112 is not a date"),
        ({"budgetMin": "about a million"}, "budgetMin 'about a million' is not a number"),
        ({"budgetMax": True}, "budgetMax True is not a number"),
        ({"budgetMax": -5}, "budgetMax -5 is not an amount in euro"),
        ({"expectedGrants": 2.5}, "expectedGrants 2.5 is not a whole number"),
        ({"topicId": "X" * 121}, "identifier is longer than 120 characters (121)"),
        ({"title": "T" * 501}, "title is longer than 500 characters (501)"),
        ({"portalUrl": "javascript:alert(1)"}, "portalUrl 'javascript:alert(1)' is not a web address"),
    ],
)
def test_rejections_say_why(changes, reason):
    assert reason in reasons_for(**changes)


def test_every_reason_of_a_topic_is_given_and_a_non_object_is_rejected():
    assert reasons_for(topicId="", title="", budgetMin="x") == [
        "topicId is missing",
        "title is missing",
        "budgetMin 'x' is not a number",
    ]
    assert map_topic(["not", "an", "object"]) == (None, ["not a JSON object"])


def test_a_missing_deadline_is_no_deadline_not_a_rejection():
    assert mapped(deadline=None).deadlines == [] and mapped(deadline="").deadlines == []


def test_the_content_hash_changes_with_the_content_only():
    first = mapped("TEST-2026-FIXTURE-01")
    assert mapped("TEST-2026-FIXTURE-01").content_hash == first.content_hash
    assert mapped(reference="something else", stage="single-stage").content_hash == first.content_hash
    assert mapped(title="Another title").content_hash != first.content_hash
    assert mapped(deadline="2026-02-11").content_hash != first.content_hash
    assert mapped(crossCuttingPriorities="").content_hash != first.content_hash
