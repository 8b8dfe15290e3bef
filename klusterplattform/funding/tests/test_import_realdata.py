"""The full EU Funding & Tenders export in ../shared/data (629 topics): counts, deadlines, repaired text, safe
conditions, idempotence and search. Skipped when the folder is absent, required in CI."""

import datetime
import json
import zoneinfo

import ftfy
import pytest
from django.db.models import Q

from klusterplattform.funding import html, search
from klusterplattform.funding.importing import import_topics, read_topics
from klusterplattform.funding.models import FundingCall

from .topic_files import english  # noqa: F401 - english is a fixture

pytestmark = [pytest.mark.realdata, pytest.mark.django_db, pytest.mark.usefixtures("english")]
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def topics(shared_data):
    return read_topics((shared_data / "eu-funding-topics" / "open.jsonl.gz").read_bytes())


def test_the_real_file_imports_completely_with_repaired_text_and_safe_html_and_reimports_without_change(topics):
    assert len(topics) == 629
    report = import_topics(topics)
    assert (report.created, report.updated, report.unchanged, report.rejected) == (629, 0, 0, [])
    assert FundingCall.objects.filter(source="eu-ft").count() == 629
    assert FundingCall.objects.filter(budget_min__isnull=True, budget_max__isnull=True).count() == 163

    for identifier in ("I3-2026-INV1", "I3-2026-INV2a"):
        call = FundingCall.objects.get(identifier=identifier)
        (deadline,) = call.deadlines.all()
        assert deadline.local_time() == datetime.datetime(2026, 11, 12, 17, 0, tzinfo=BRUSSELS)
        assert deadline.at == datetime.datetime(2026, 11, 12, 16, 0, tzinfo=datetime.UTC)
        assert call.closes_at == deadline.at and call.programme == "Interregional Innovation"
    smp = FundingCall.objects.get(identifier="SMP-FOOD-2026-FW-STAKEHOLDERS-PJ")
    assert smp.programme == "Single Market Programme"
    assert smp.deadlines.get().local_time().strftime("%Y-%m-%d %H:%M %Z") == "2026-10-15 17:00 CEST"

    inv1 = FundingCall.objects.get(identifier="I3-2026-INV1")
    assert "fostering the growth of Europe’s manufacturing" in inv1.description_html
    assert inv1.keywords.startswith("Business coaching and mentoring,")  # the repeated identifier dropped
    assert inv1.deadline_model == "single-stage" and inv1.source_status == "open"

    mojibake = Q()
    for field in ("title", "description_html", "keywords", "conditions_html", "strand"):
        mojibake |= Q(**{f"{field}__contains": "â€"}) | Q(**{f"{field}__contains": "Ã"})
    assert list(FundingCall.objects.filter(mojibake).values_list("identifier", flat=True)) == []
    conditions = list(FundingCall.objects.values_list("conditions_html", flat=True))
    assert sum(bool(c) for c in conditions) == 608
    assert not [c for c in conditions if "<script" in c.lower() or c.startswith(('">', '"&gt;', "&quot;&gt;"))]
    assert FundingCall.objects.filter(deadline_model="two-stage").count() == 28
    assert FundingCall.objects.filter(deadline_model="multiple-cut-off").count() == 3
    assert FundingCall.objects.filter(tags__code="digital").count() == 248  # AI 125 + DigitalAgenda 123

    before = list(FundingCall.objects.order_by("pk").values_list("pk", "updated_at", "content_hash"))
    again = import_topics(read_topics(_file_bytes(topics)))
    assert (again.created, again.updated, again.unchanged, again.rejected) == (0, 0, 629, [])
    assert list(FundingCall.objects.order_by("pk").values_list("pk", "updated_at", "content_hash")) == before


def _file_bytes(topics):
    """The same topics written one per line (the second import also reads another shape of the file)."""
    return "\n".join(json.dumps(t, ensure_ascii=False) for t in topics).encode("utf-8")


def test_the_real_topics_are_found_in_english_and_with_a_swedish_word(topics):
    import_topics(topics)

    def found(query):
        return set(FundingCall.objects.filter(search.matching(query)).values_list("identifier", flat=True))

    i3 = {"I3-2026-INV1", "I3-2026-INV2a"}
    assert i3 <= found("interregional")
    assert i3 <= found("interregional investering")  # Swedish "investment"
    assert i3 <= found("investering")


def test_the_fast_mojibake_test_gives_exactly_what_plain_ftfy_gives_on_the_real_text(topics):
    fields = ("title", "description", "objectives", "topicConditions", "keywords", "callTitle")
    texts = [t[f] for t in topics[::4] for f in fields if t[f]]
    fast = [html.repair_text(text) for text in texts]
    ftfy.is_bad = ftfy.fixes.is_bad = html._original_is_bad
    try:
        plain = [ftfy.fix_text(text, remove_control_chars=True, **html._FIXES) for text in texts]
    finally:
        ftfy.is_bad = ftfy.fixes.is_bad = html.is_bad_fast
    assert fast == plain
