"""`label_expiry_report` (for cron) and the demo step's validity helper."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from klusterplattform.excellence.demo_labels import demo_validity
from klusterplattform.excellence.models import Label
from klusterplattform.excellence.tests.factories import LabelFactory
from klusterplattform.registry.tests.factories import ClusterFactory


def _label(slug, days_left, **kwargs):
    today = timezone.localdate()
    return LabelFactory(
        cluster=ClusterFactory(slug=slug),
        awarded_on=today - timedelta(days=500),
        valid_until=today + timedelta(days=days_left),
        **kwargs,
    )


def _report(*args) -> list[str]:
    out = io.StringIO()
    call_command("label_expiry_report", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_the_report_lists_labels_expiring_within_90_days_soonest_first():
    _label("later", 90)
    _label("sooner", 10)
    _label("beyond", 91)
    lines = _report()
    assert [line.split("\t")[-1] for line in lines] == ["sooner", "later"]
    assert lines[0].split("\t")[1] == "10"


@pytest.mark.django_db
def test_the_report_takes_another_window():
    _label("later", 90)
    _label("sooner", 30)
    assert [line.split("\t")[-1] for line in _report("--days", "30")] == ["sooner"]


@pytest.mark.django_db
def test_the_report_is_silent_when_nothing_expires_and_leaves_out_demo_labels():
    _label("demo", 10, is_demo=True)
    assert _report() == []
    assert len(_report("--include-demo")) == 1


@pytest.mark.django_db
def test_the_report_refuses_a_negative_window():
    with pytest.raises(CommandError):
        _report("--days", "-1")


@pytest.mark.django_db
def test_demo_labels_get_the_real_rules_not_a_flat_730_days():
    previous = Label(level="bronze", awarded_on=date(2019, 7, 25), valid_until=date(2021, 7, 25))
    assert tuple(demo_validity("bronze", date(2021, 5, 1), previous)) == (
        date(2021, 7, 26),
        date(2024, 7, 25),
        previous,
    )
    assert demo_validity("silver", date(2021, 5, 1), previous).renews is None
    assert demo_validity("silver", date(2021, 5, 1), previous).valid_until == date(2023, 5, 1)


@pytest.mark.django_db
def test_the_demo_step_makes_labels_by_the_rules_with_renewal_chains_and_removes_them():
    from klusterplattform.excellence.demo_labels import LABELS_STEP, rules_for_demo
    from klusterplattform.excellence.labels import validity
    from klusterplattform.registry.demo import DemoContext

    for number in range(40):
        ClusterFactory(slug=f"demo-{number:02d}", is_demo=True)
    LABELS_STEP.run(DemoContext(seed=7, today=date(2026, 6, 1)))
    labels = list(Label.objects.select_related("renews"))
    assert labels and all(label.is_demo for label in labels)
    assert any(label.renews_id for label in labels)
    rules = rules_for_demo()
    for label in labels:
        expected = validity(label.level, label.awarded_on, label.renews, rules)
        assert (label.valid_from, label.valid_until) == (expected.valid_from, expected.valid_until)
    LABELS_STEP.remove()
    assert not Label.objects.exists()
