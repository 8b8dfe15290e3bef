"""Writing imported topics: created/updated/unchanged/rejected, idempotence, atomicity, hand-entered calls and
hand-entered fields left alone, dates and derived status, the digital tag and the search index."""

import datetime
import zoneinfo

import pytest

from klusterplattform.funding import search
from klusterplattform.funding.importing import import_topics
from klusterplattform.funding.models import FundingCall, FundingDeadline, FundingSearchTerm, ThematicTag, status_q
from klusterplattform.registry.tests.factories import EcosystemFactory

from .funding_world import make_funding_call
from .topic_files import INVALID_ID, VALID_IDS, english, fixture_topics  # noqa: F401 - english is a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
UTC = datetime.UTC
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
IMPORTED_AT = datetime.datetime(2026, 1, 15, 6, 0, tzinfo=UTC)


def changed(identifier, **changes):
    return [{**t, **changes} if t["topicId"] == identifier else t for t in fixture_topics()]


def snapshot():
    return {
        "calls": sorted(
            FundingCall.objects.values_list("identifier", "updated_at", "last_imported_at", "content_hash")
        ),
        "deadlines": sorted(FundingDeadline.objects.values_list("pk", "call__identifier", "at")),
        "terms": FundingSearchTerm.objects.count(),
        "tags": sorted(FundingCall.tags.through.objects.values_list("pk", "fundingcall__identifier")),
    }


def test_the_fixture_imports_five_topics_and_rejects_the_invalid_one():
    report = import_topics(fixture_topics(), now=IMPORTED_AT)
    assert (report.total, report.created, report.updated, report.unchanged) == (6, 5, 0, 0)
    assert [(r.index, r.topic_id, r.reason) for r in report.rejected] == [
        (5, INVALID_ID, "deadline '2026-13-45' is not a valid date (expected YYYY-MM-DD)")
    ]
    assert str(report.rejected[0]) == (
        "Topic 5 (TEST-2026-FIXTURE-05): deadline '2026-13-45' is not a valid date (expected YYYY-MM-DD)"
    )
    assert sorted(FundingCall.objects.values_list("identifier", flat=True)) == VALID_IDS
    call = FundingCall.objects.get(identifier="TEST-2026-FIXTURE-01")
    assert call.source == "eu-ft" and call.last_imported_at == IMPORTED_AT and call.content_hash
    assert call.title == "Fictional topic: Europe’s interregional clusters"
    assert call.opening_date is None and call.opens_at is None


def test_each_deadline_is_17_00_brussels_and_closes_at_is_the_last_deadline():
    import_topics(fixture_topics())
    winter = FundingDeadline.objects.get(call__identifier="TEST-2026-FIXTURE-01")
    summer = FundingDeadline.objects.get(call__identifier="TEST-2026-FIXTURE-02")
    assert winter.at == datetime.datetime(2026, 2, 10, 16, 0, tzinfo=UTC)  # 17:00 CET
    assert summer.at == datetime.datetime(2026, 7, 15, 15, 0, tzinfo=UTC)  # 17:00 CEST
    assert (winter.time_zone, winter.stage) == ("Europe/Brussels", 1)
    assert summer.local_time().strftime("%H:%M %Z") == "17:00 CEST"
    for call in FundingCall.objects.all():
        stored = call.closes_at
        call.refresh_dates(save=False)
        assert stored == call.closes_at  # what refresh_dates / services.save_call would store


def test_derived_status_at_a_fixed_moment():
    import_topics(fixture_topics())
    june = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    expected = {
        "TEST-2026-FIXTURE-01": "closed",  # deadline 2026-02-10 passed
        "TEST-2026-FIXTURE-02": "forthcoming",  # no opening date; the Portal says forthcoming
        "TEST-2026-FIXTURE-03": "forthcoming",
        "TEST-2026-FIXTURE-04": "open",
        "TEST-2026-FIXTURE-06": "closed",  # deadline 2026-03-17 passed
    }
    calls = {call.identifier: call for call in FundingCall.objects.all()}
    assert {identifier: call.status_at(june) for identifier, call in calls.items()} == expected
    for status in ("open", "forthcoming", "closed"):
        in_db = set(FundingCall.objects.filter(status_q(status, june)).values_list("identifier", flat=True))
        assert in_db == {identifier for identifier, s in expected.items() if s == status}
    first = calls["TEST-2026-FIXTURE-01"]
    assert first.status_at(datetime.datetime(2026, 2, 10, 15, 59, 59, tzinfo=UTC)) == "open"
    assert first.status_at(datetime.datetime(2026, 2, 10, 16, 0, tzinfo=UTC)) == "closed"


def test_a_second_import_of_the_same_topics_writes_nothing():
    first = import_topics(fixture_topics(), now=IMPORTED_AT)
    before = snapshot()
    second = import_topics(fixture_topics(), now=IMPORTED_AT + datetime.timedelta(days=1))
    assert (first.created, second.created, second.updated, second.unchanged) == (5, 0, 0, 5)
    assert len(second.rejected) == 1
    assert snapshot() == before  # updated_at, last_imported_at, deadline rows, tags and search rows untouched


def test_a_changed_topic_is_updated_and_only_that_one():
    import_topics(fixture_topics(), now=IMPORTED_AT)
    before = snapshot()
    later = IMPORTED_AT + datetime.timedelta(days=7)
    report = import_topics(
        changed("TEST-2026-FIXTURE-04", title="Renamed topic about textiles", deadline="2026-12-01"), now=later
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    call = FundingCall.objects.get(identifier="TEST-2026-FIXTURE-04")
    assert call.title == "Renamed topic about textiles" and call.last_imported_at == later
    assert call.closes_at == datetime.datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    assert list(call.deadlines.values_list("at", flat=True)) == [call.closes_at]
    after = snapshot()
    old = {c[0]: c for c in before["calls"]}
    new = {c[0]: c for c in after["calls"]}
    assert new["TEST-2026-FIXTURE-04"][1] > old["TEST-2026-FIXTURE-04"][1]  # updated_at moved
    assert {k: v for k, v in new.items() if k != "TEST-2026-FIXTURE-04"} == {
        k: v for k, v in old.items() if k != "TEST-2026-FIXTURE-04"
    }
    assert FundingCall.objects.filter(search.matching("renamed textiles")).get() == call


def test_fields_people_added_to_an_imported_call_survive_an_update():
    import_topics(fixture_topics())
    textiles = EcosystemFactory(code="textiles")
    call = FundingCall.objects.get(identifier="TEST-2026-FIXTURE-02")
    call.min_partners, call.cluster_organisations_eligible = 3, False
    call.save()
    call.ecosystems.add(textiles)
    call.tags.add(ThematicTag.objects.get(code="green"))
    import_topics(changed("TEST-2026-FIXTURE-02", title="Changed", crossCuttingPriorities=""))
    call = FundingCall.objects.get(identifier="TEST-2026-FIXTURE-02")
    assert call.title == "Changed" and call.min_partners == 3 and list(call.ecosystems.all()) == [textiles]
    assert (call.cluster_organisations_eligible, call.cluster_eligibility_inferred) == (False, False)
    assert list(call.tags.values_list("code", flat=True)) == ["green"]  # digital gone with the priority


def test_an_inferred_cluster_eligibility_is_withdrawn_when_the_text_changes():
    import_topics(fixture_topics())
    assert FundingCall.objects.get(identifier="TEST-2026-FIXTURE-03").cluster_organisations_eligible is True
    import_topics(changed("TEST-2026-FIXTURE-03", description="Scope:Support for SMEs."))
    call = FundingCall.objects.get(identifier="TEST-2026-FIXTURE-03")
    assert (call.cluster_organisations_eligible, call.cluster_eligibility_inferred) == (None, False)


def test_a_call_entered_by_hand_with_the_same_identifier_is_never_overwritten():
    manual = make_funding_call("TEST-2026-FIXTURE-03", title="Vinnova call typed by an officer", source="manual")
    before = FundingCall.objects.filter(pk=manual.pk).values().get()
    report = import_topics(fixture_topics())
    assert report.created == 4
    assert [(r.index, r.topic_id, r.reason) for r in report.rejected] == [
        (
            3,
            "TEST-2026-FIXTURE-03",
            "a call with this identifier was entered by hand; the import does not overwrite it",
        ),
        (5, INVALID_ID, "deadline '2026-13-45' is not a valid date (expected YYYY-MM-DD)"),
    ]
    assert FundingCall.objects.filter(pk=manual.pk).values().get() == before


def test_the_digital_tag_follows_the_stated_priorities():
    import_topics(fixture_topics())
    digital = ThematicTag.objects.get(code="digital")
    assert sorted(digital.calls.values_list("identifier", flat=True)) == [
        "TEST-2026-FIXTURE-01",
        "TEST-2026-FIXTURE-02",
    ]


def test_imported_calls_are_found_in_english_and_swedish():
    import_topics(fixture_topics())

    def found(query):
        return sorted(FundingCall.objects.filter(search.matching(query)).values_list("identifier", flat=True))

    assert found("interregional") == VALID_IDS  # the programme of every fixture topic
    assert found("interregional value chains") == ["TEST-2026-FIXTURE-01"]
    assert found("Göteborg") == ["TEST-2026-FIXTURE-03"] == found("göteborg umeå")
    assert found("textil") == ["TEST-2026-FIXTURE-03"]  # Swedish word, English text
    assert found("Västra Götaland") == ["TEST-2026-FIXTURE-01"]


def test_a_failure_while_writing_leaves_the_database_as_it_was():
    import_topics(fixture_topics())
    before = snapshot()

    def fail_midway(phase, done, total):
        if phase == "write" and done < total:
            raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        import_topics(changed("TEST-2026-FIXTURE-01", title="Half-written"), progress=fail_midway)
    with pytest.raises(RuntimeError):
        import_topics([{**t, "topicId": t["topicId"] + "-NEW"} for t in fixture_topics()], progress=fail_midway)
    assert snapshot() == before
    assert FundingCall.objects.get(identifier="TEST-2026-FIXTURE-01").title != "Half-written"


def test_a_failure_on_a_first_import_writes_nothing_at_all():
    def fail_midway(phase, done, total):
        if phase == "write" and done < total:
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        import_topics(fixture_topics(), progress=fail_midway)
    assert not FundingCall.objects.exists() and not FundingDeadline.objects.exists()
    assert not FundingSearchTerm.objects.exists()


def test_a_dry_run_reports_the_counts_and_writes_nothing():
    report = import_topics(fixture_topics(), dry_run=True)
    assert (report.created, report.updated, len(report.rejected), report.dry_run) == (5, 0, 1, True)
    assert not FundingCall.objects.exists() and not FundingSearchTerm.objects.exists()


def test_a_topic_twice_in_one_file_is_imported_once_and_the_repeat_rejected():
    topics = fixture_topics()
    report = import_topics([*topics, {**topics[0], "title": "Repeat"}])
    assert report.created == 5
    assert [(r.index, r.reason) for r in report.rejected][-1] == (7, "topicId appears again (first at topic 1)")
    assert FundingCall.objects.get(identifier="TEST-2026-FIXTURE-01").title != "Repeat"


def test_progress_is_reported_for_checking_and_writing():
    seen = []
    import_topics(fixture_topics(), progress=lambda phase, done, total: seen.append((phase, done, total)))
    assert seen[0] == ("validate", 1, 6) and ("validate", 6, 6) in seen and seen[-1] == ("write", 5, 5)


def test_the_search_text_and_rows_are_what_reindex_writes():
    import_topics(fixture_topics())
    import_topics(changed("TEST-2026-FIXTURE-04", title="Renamed"))

    def index():
        return {
            call.identifier: (call.search_text, call.search_terms, sorted(search.terms(search.call_text(call))))
            for call in FundingCall.objects.all()
        }

    def rows():
        return sorted(FundingSearchTerm.objects.values_list("call__identifier", "term"))

    imported, imported_rows = index(), rows()
    assert all(text and stems for text, stems, _terms in imported.values())
    search.reindex(FundingCall.objects.all())
    assert index() == imported and rows() == imported_rows
