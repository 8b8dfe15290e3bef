"""The label validity rules (DOMAIN.md 1.3, 1.5, 1.6): first labels, renewals before and after expiry, the grace
year's edge, month ends, rules read from LabelRule rows, and the status derived from the dates."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from klusterplattform.excellence.labels import (
    DEFAULT_RULES,
    add_months,
    current_rules,
    expiring,
    label_status,
    record_label,
    validity,
)
from klusterplattform.excellence.models import Label, LabelRule
from klusterplattform.excellence.tests.factories import LabelFactory
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory


def test_add_months_clamps_29_february_to_28_february_a_year_later():
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_add_months_keeps_the_day_and_crosses_year_ends():
    assert add_months(date(2019, 7, 25), 24) == date(2021, 7, 25)
    assert add_months(date(2020, 11, 30), 3) == date(2021, 2, 28)
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)


def test_a_first_bronze_is_valid_two_years_from_the_assessment_as_for_qoot():
    valid_from, valid_until, renews = validity("bronze", date(2019, 7, 25), rules=DEFAULT_RULES)
    assert (valid_from, valid_until, renews) == (date(2019, 7, 25), date(2021, 7, 25), None)


def _previous(level="bronze", assessed=date(2019, 7, 25), until=date(2021, 7, 25)):
    return Label(level=level, awarded_on=assessed, valid_from=assessed, valid_until=until)


def test_a_bronze_renewed_before_expiry_extends_three_years_from_the_previous_expiry():
    previous = _previous()
    result = validity("bronze", date(2021, 5, 3), previous, DEFAULT_RULES)
    assert tuple(result) == (date(2021, 7, 26), date(2024, 7, 25), previous)
    assert result.lapsed_days == 0


def test_a_bronze_renewed_inside_the_grace_year_has_no_gap_but_notes_the_lapse():
    previous = _previous()
    result = validity("bronze", date(2022, 1, 10), previous, DEFAULT_RULES)
    assert tuple(result) == (date(2021, 7, 26), date(2024, 7, 25), previous)
    assert result.lapsed_days == (date(2022, 1, 10) - date(2021, 7, 25)).days


def test_a_renewal_on_the_last_day_of_the_grace_year_still_renews():
    result = validity("bronze", date(2022, 7, 25), _previous(), DEFAULT_RULES)
    assert result.renews is not None
    assert result.valid_until == date(2024, 7, 25)


def test_a_label_one_day_after_the_grace_year_is_a_new_first_label():
    result = validity("bronze", date(2022, 7, 26), _previous(), DEFAULT_RULES)
    assert tuple(result) == (date(2022, 7, 26), date(2024, 7, 26), None)
    assert result.lapsed_days == 0


def test_a_silver_renewal_extends_by_two_years():
    previous = _previous("silver")
    assert tuple(validity("silver", date(2021, 6, 1), previous, DEFAULT_RULES)) == (
        date(2021, 7, 26),
        date(2023, 7, 25),
        previous,
    )


def test_a_first_gold_is_valid_two_years_and_a_gold_renewal_two_more():
    assert validity("gold", date(2020, 3, 1), rules=DEFAULT_RULES).valid_until == date(2022, 3, 1)
    previous = _previous("gold", date(2020, 3, 1), date(2022, 3, 1))
    assert validity("gold", date(2022, 2, 1), previous, DEFAULT_RULES).valid_until == date(2024, 3, 1)


def test_a_label_of_another_level_never_renews():
    result = validity("silver", date(2021, 6, 1), _previous("bronze"), DEFAULT_RULES)
    assert result.renews is None
    assert result.valid_until == date(2023, 6, 1)


def test_a_first_label_assessed_on_29_february_ends_on_28_february():
    assert validity("bronze", date(2024, 2, 29), rules=DEFAULT_RULES).valid_until == date(2026, 2, 28)


def test_a_renewal_of_a_label_ending_on_29_february_ends_on_28_february():
    previous = _previous(assessed=date(2022, 2, 28), until=date(2024, 2, 29))
    result = validity("bronze", date(2024, 1, 15), previous, DEFAULT_RULES)
    assert (result.valid_from, result.valid_until) == (date(2024, 3, 1), date(2027, 2, 28))


@pytest.mark.django_db
def test_the_seeded_rules_are_the_domain_defaults():
    assert current_rules() == DEFAULT_RULES


@pytest.mark.django_db
def test_a_changed_label_rule_row_changes_the_validity():
    LabelRule.objects.filter(level="bronze").update(first_validity_months=36, renewal_extension_months=24)
    assert validity("bronze", date(2019, 7, 25)).valid_until == date(2022, 7, 25)
    previous = _previous(until=date(2022, 7, 25))
    assert validity("bronze", date(2022, 6, 1), previous).valid_until == date(2024, 7, 25)


@pytest.mark.django_db
def test_a_missing_rule_row_falls_back_to_the_default(django_assert_num_queries):
    LabelRule.objects.filter(level="gold").delete()
    with django_assert_num_queries(1):
        rules = current_rules()
    assert rules["gold"] == DEFAULT_RULES["gold"]


@pytest.mark.django_db
def test_a_shorter_grace_row_turns_a_late_renewal_into_a_first_label():
    LabelRule.objects.filter(level="bronze").update(renewal_grace_months=3)
    assert validity("bronze", date(2022, 1, 10), _previous()).renews is None


# --- status -------------------------------------------------------------------------------------------------------

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("days_left", "code"),
    [(91, "valid"), (90, "expiring_90"), (31, "expiring_90"), (30, "expiring_30"), (0, "expiring_30")],
)
def test_the_status_turns_expiring_at_90_and_30_days(days_left, code):
    label = _previous(assessed=TODAY - timedelta(days=300), until=TODAY + timedelta(days=days_left))
    status = label_status(label, TODAY, DEFAULT_RULES)
    assert (status.code, status.days) == (code, days_left)


def test_the_status_is_renewal_grace_for_a_year_after_expiry_then_expired():
    label = _previous(until=date(2025, 6, 1))
    assert label_status(label, date(2025, 6, 2), DEFAULT_RULES).code == "grace"
    assert label_status(label, date(2026, 6, 1), DEFAULT_RULES).code == "grace"
    assert label_status(label, date(2026, 6, 2), DEFAULT_RULES).code == "expired"


@pytest.mark.django_db
def test_a_renewed_label_is_neither_expiring_nor_in_grace():
    old = LabelFactory(awarded_on=TODAY - timedelta(days=700), valid_from=None, valid_until=TODAY + timedelta(days=10))
    LabelFactory(
        cluster=old.cluster, renews=old, awarded_on=TODAY - timedelta(days=5), valid_until=TODAY + timedelta(days=1000)
    )
    old = Label.objects.select_related("renewed_by").get(pk=old.pk)
    assert label_status(old, TODAY, DEFAULT_RULES).code == "valid"
    assert label_status(old, TODAY + timedelta(days=20), DEFAULT_RULES).code == "renewed"
    assert not expiring(Label.objects.filter(pk=old.pk), TODAY, 90).exists()


@pytest.mark.django_db
def test_expiring_includes_the_last_day_of_the_window_and_not_the_day_after():
    inside = LabelFactory(awarded_on=TODAY - timedelta(days=600), valid_until=TODAY + timedelta(days=90))
    outside = LabelFactory(awarded_on=TODAY - timedelta(days=600), valid_until=TODAY + timedelta(days=91))
    within_30 = LabelFactory(awarded_on=TODAY - timedelta(days=600), valid_until=TODAY + timedelta(days=30))
    expired = LabelFactory(awarded_on=TODAY - timedelta(days=800), valid_until=TODAY - timedelta(days=1))
    assert set(expiring(Label.objects.all(), TODAY, 90)) == {inside, within_30}
    assert set(expiring(Label.objects.all(), TODAY, 30)) == {within_30}
    assert outside not in expiring(Label.objects.all(), TODAY, 90)
    assert expired not in expiring(Label.objects.all(), TODAY, 90)


# --- recording ------------------------------------------------------------------------------------------------------


@pytest.fixture
def officer(db):
    user = UserFactory()
    grant_role(user, "officer")
    return user


@pytest.mark.django_db
def test_recording_finds_the_previous_label_of_the_level_and_renews_it(officer):
    cluster = ClusterFactory()
    first, _ = record_label(officer, cluster, "bronze", date(2019, 7, 25), "esca")
    record_label(officer, cluster, "silver", date(2020, 1, 1), "esca")
    renewal, result = record_label(officer, cluster, "bronze", date(2022, 1, 10), "eucles", report_id="SWE0001")
    assert renewal.renews == first
    assert (renewal.valid_from, renewal.valid_until) == (date(2021, 7, 26), date(2024, 7, 25))
    assert result.lapsed_days == 169


@pytest.mark.django_db
def test_a_cluster_manager_cannot_record_a_label():
    cluster = ClusterFactory(slug="own")
    manager = UserFactory()
    grant_role(manager, "cluster_manager", clusters=["own"])
    with pytest.raises(PermissionDenied):
        record_label(manager, cluster, "bronze", date(2020, 1, 1), "esca")
    assert not Label.objects.exists()


@pytest.mark.django_db
def test_a_future_assessment_is_refused_and_nothing_is_written(officer):
    with pytest.raises(ValidationError) as refused:
        record_label(officer, ClusterFactory(), "bronze", date(2999, 1, 1), "esca")
    assert "assessed_on" in refused.value.error_dict
    assert not Label.objects.exists()


@pytest.mark.django_db
def test_a_bad_source_address_is_refused_and_nothing_is_written(officer):
    with pytest.raises(ValidationError) as refused:
        record_label(officer, ClusterFactory(), "bronze", date(2020, 1, 1), "esca", source_url="not a url")
    assert "source_url" in refused.value.error_dict
    assert not Label.objects.exists()


@pytest.mark.django_db
def test_a_label_assessed_before_the_latest_of_its_level_is_refused(officer):
    cluster = ClusterFactory()
    record_label(officer, cluster, "bronze", date(2021, 1, 1), "esca")
    with pytest.raises(ValidationError) as refused:
        record_label(officer, cluster, "bronze", date(2020, 1, 1), "esca")
    assert "assessed_on" in refused.value.error_dict
    assert Label.objects.count() == 1
