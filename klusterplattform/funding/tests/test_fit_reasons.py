"""Fit scores and their reasons on hand-made calls and clusters with known answers.

Weights (fit.WEIGHTS): ecosystem 3, themes 3, cluster organisations 2, countries 1, partners 2, SMEs 1, ECCP 1,
deadline 1. Criteria a call says nothing about are n/a and leave the maximum.
"""

import datetime

import pytest
from django.utils import timezone, translation

from klusterplattform.funding import fit
from klusterplattform.funding.models import FundingInterest, FundingPartner
from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    MembershipFactory,
    OrganisationFactory,
    SectoralIndustryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def now():
    return timezone.now()


def at(now, days, hours=1):
    """A deadline `days` whole days (and `hours`) after `now`."""
    return [{"at": now + datetime.timedelta(days=days, hours=hours), "time_zone": "Europe/Brussels", "stage": 1}]


def textiles():
    return EcosystemFactory(code="textiles", name_en="Textiles", name_sv="Textil")


def health():
    return EcosystemFactory(code="health", name_en="Health", name_sv="Hälsa")


def reasons(result):
    return {r.kind: (r.text, r.positive) for r in result.reasons}


def test_matching_ecosystem_is_a_positive_reason_and_full_marks(now):
    cluster = ClusterFactory(ecosystems=[textiles()])
    call = make_funding_call("ECO", deadlines=at(now, 40), ecosystems=[textiles()])
    result = fit.fit_for(cluster, call, now=now)
    assert reasons(result)["ecosystem_match"] == ("ecosystem Textiles matches", True)
    # ecosystem 3/3 + deadline 1/1; themes, cluster organisations and the rest are n/a
    assert result.percentage == 100.0
    assert result.eligible is True


def test_other_ecosystem_counts_against_and_no_ecosystem_is_not_applicable(now):
    cluster = ClusterFactory(ecosystems=[textiles()])
    other = make_funding_call("OTHER", deadlines=at(now, 40), ecosystems=[health()])
    none = make_funding_call("NONE", deadlines=at(now, 40))
    other_fit = fit.fit_for(cluster, other, now=now)
    assert reasons(other_fit)["ecosystem_mismatch"] == (
        "the call targets the ecosystem Health, which is not in your profile",
        False,
    )
    assert other_fit.percentage == 25.0  # 0 of 3 + 1 of 1
    none_fit = fit.fit_for(cluster, none, now=now)
    assert not {"ecosystem_match", "ecosystem_mismatch"} & set(reasons(none_fit))
    assert none_fit.percentage == 100.0  # only the deadline applies


def test_thematic_words_of_the_call_matching_the_profile_are_named(now):
    sector = SectoralIndustryFactory(code="textile-manufacturing", name_en="Textile Manufacturing", name_sv="Textil")
    cluster = ClusterFactory(sectors=[sector], description="We help firms make circular products from recycling.")
    call = make_funding_call("TEX", deadlines=at(now, 40), title="Circular textiles", keywords="recycling; dyes")
    result = fit.fit_for(cluster, call, now=now)
    assert reasons(result)["themes_match"] == ("'circular', 'textiles', 'recycling' match your profile", True)
    assert result.percentage == 100.0  # three words: full marks on themes, and the deadline


def test_swedish_profile_matches_english_call_words_and_generic_words_do_not_count(now):
    cluster = ClusterFactory(description="Klustret arbetar med cirkulär ekonomi och innovation för kluster.")
    call = make_funding_call("SV", deadlines=at(now, 40), title="Circular economy for cluster innovation")
    result = fit.fit_for(cluster, call, now=now)
    text, positive = reasons(result)["themes_match"]
    assert positive is True
    assert "'circular'" in text and "'cluster'" not in text and "'innovation'" not in text


def test_no_common_word_is_a_negative_reason_with_zero_on_themes(now):
    cluster = ClusterFactory(description="Forestry and timber construction.")
    call = make_funding_call("SPACE", deadlines=at(now, 40), title="Satellite navigation")
    result = fit.fit_for(cluster, call, now=now)
    assert reasons(result)["themes_none"] == ("none of the call's key words appear in your profile", False)
    assert result.percentage == 25.0  # themes 0 of 3, deadline 1 of 1


def test_cluster_organisations_yes_no_and_not_stated(now):
    cluster = ClusterFactory()
    yes = fit.fit_for(cluster, make_funding_call("YES", deadlines=at(now, 40), cluster_organisations_eligible=True))
    no = fit.fit_for(cluster, make_funding_call("NO", deadlines=at(now, 40), cluster_organisations_eligible=False))
    unknown = fit.fit_for(cluster, make_funding_call("UNK", deadlines=at(now, 40)))
    assert reasons(yes)["cluster_organisations_yes"] == ("cluster organisations may apply", True)
    assert yes.eligible and yes.percentage == 100.0
    assert reasons(no)["cluster_organisations_no"] == ("cluster organisations may not apply", False)
    assert no.eligible is False  # a gate, whatever the percentage
    assert no.percentage == pytest.approx(33.3)  # 0 of 2 + 1 of 1
    assert reasons(unknown)["cluster_organisations_unknown"] == (
        "the call does not say whether cluster organisations may apply",
        None,
    )
    assert unknown.eligible is True and unknown.percentage == 100.0


def test_eligibility_inferred_from_the_text_says_so(now):
    cluster = ClusterFactory()
    call = make_funding_call(
        "INF", deadlines=at(now, 40), cluster_organisations_eligible=True, cluster_eligibility_inferred=True
    )
    text, positive = reasons(fit.fit_for(cluster, call, now=now))["cluster_organisations_inferred"]
    assert positive is True and "inferred" in text


def test_country_outside_the_eligible_list_makes_the_call_ineligible(now):
    cluster = ClusterFactory(country="SE")
    inside = fit.fit_for(cluster, make_funding_call("IN", deadlines=at(now, 40), eligible_countries=["SE", "FI"]))
    outside = fit.fit_for(cluster, make_funding_call("OUT", deadlines=at(now, 40), eligible_countries=["FI", "NO"]))
    open_to_all = fit.fit_for(cluster, make_funding_call("ALL", deadlines=at(now, 40), eligible_countries=[]))
    assert reasons(inside)["country_eligible"] == ("Sweden is an eligible country", True)
    assert inside.eligible
    assert reasons(outside)["country_not_eligible"] == ("Sweden is not among the eligible countries", False)
    assert outside.eligible is False and outside.percentage == 50.0
    assert not {"country_eligible", "country_not_eligible"} & set(reasons(open_to_all))


def test_greece_written_el_by_the_eu_is_the_same_country_as_gr():
    cluster = ClusterFactory(country="GR")
    call = make_funding_call("GREEK", eligible_countries=["EL"])
    assert fit.fit_for(cluster, call).eligible


def test_partner_network_counts_noted_partners_and_countries_on_any_call(now):
    cluster = ClusterFactory(country="SE")
    other_call = make_funding_call("EARLIER", deadlines=at(now, 50))
    interest = FundingInterest.objects.create(call=other_call, cluster=cluster, intends_to_apply=True)
    FundingPartner.objects.create(interest=interest, name="Textilklustret Borås", country="SE")
    FundingPartner.objects.create(interest=interest, name="Hohenstein", country="DE")
    call = make_funding_call("CONSORTIUM", deadlines=at(now, 40), min_partners=3, min_countries=3)
    result = fit.fit_for(cluster, call, now=now)
    # partners: the two noted plus the cluster itself = 3 of 3; countries: SE and DE = 2 of 3
    assert reasons(result)["partners"] == (
        "requires ≥ 3 partners in ≥ 3 countries: you have partner clusters in 2 (3 partners including you)",
        False,
    )
    assert result.percentage == pytest.approx(100 * (2 * 2 / 3 + 1) / 3, abs=0.05)
    assert result.eligible  # partners are not a gate: they can still be found


def test_enough_partners_is_a_positive_reason_and_only_partners_or_only_countries_read_well(now):
    cluster = ClusterFactory(country="SE")
    interest = FundingInterest.objects.create(call=make_funding_call("E1"), cluster=cluster, bookmarked=True)
    partner_cluster = ClusterFactory(country="FI")
    FundingPartner.objects.create(interest=interest, name="X", country="FI", partner_cluster=partner_cluster)
    FundingPartner.objects.create(interest=interest, name="X again", country="FI", partner_cluster=partner_cluster)
    two_countries = fit.fit_for(cluster, make_funding_call("C2", deadlines=at(now, 40), min_countries=2), now=now)
    assert reasons(two_countries)["partners"] == (
        "requires partners in ≥ 2 countries: you have partner clusters in 2",
        True,
    )
    three_partners = fit.fit_for(cluster, make_funding_call("P3", deadlines=at(now, 40), min_partners=3), now=now)
    # the same partner cluster noted twice counts once: 1 partner + the cluster itself
    assert reasons(three_partners)["partners"] == ("requires ≥ 3 partners: you have 2 partners including you", False)


def test_smes_required_counts_current_members_that_are_smes(now):
    cluster = ClusterFactory()
    for size in ("micro", "small", "large", "unknown"):
        MembershipFactory(cluster=cluster, organisation=OrganisationFactory(size_class=size))
    MembershipFactory(
        cluster=cluster,
        organisation=OrganisationFactory(size_class="medium"),
        left=datetime.date(2021, 1, 1),
    )
    call = make_funding_call("SME", deadlines=at(now, 40), requires_smes=True)
    assert reasons(fit.fit_for(cluster, call, now=now))["smes_yes"] == (
        "requires SMEs: 2 of your members are SMEs",
        True,
    )
    lonely = ClusterFactory()
    result = fit.fit_for(lonely, call, now=now)
    assert reasons(result)["smes_no"][1] is False
    assert result.percentage == 50.0  # SMEs 0 of 1, deadline 1 of 1


def test_eccp_registration_required_looks_at_the_profile_link(now):
    call = make_funding_call("ECCP", deadlines=at(now, 40), requires_eccp_registration=True)
    registered = ClusterFactory(eccp_profile_url="https://clustercollaboration.eu/cluster-organisations/x")
    assert reasons(fit.fit_for(registered, call, now=now))["eccp_yes"][1] is True
    unregistered = fit.fit_for(ClusterFactory(), call, now=now)
    assert reasons(unregistered)["eccp_no"] == (
        "requires ECCP registration: your profile has no ECCP profile link",
        False,
    )


def test_less_developed_regions_is_neutral_information_without_a_score(now):
    call = make_funding_call("LDR", deadlines=at(now, 40), requires_less_developed_regions=True)
    result = fit.fit_for(ClusterFactory(), call, now=now)
    assert reasons(result)["less_developed_regions"] == (
        "requires partners from less-developed regions: check your partners' regions",
        None,
    )
    assert result.percentage == 100.0


def test_time_left_sets_the_deadline_value(now):
    cluster = ClusterFactory()
    cases = {"FAR": (40, 100.0, True), "MID": (20, 70.0, None), "SOON": (12, 30.0, False)}
    for identifier, (days, percentage, positive) in cases.items():
        result = fit.fit_for(cluster, make_funding_call(identifier, deadlines=at(now, days)), now=now)
        assert reasons(result)["closes_in"] == (f"closes in {days} days", positive), identifier
        assert result.percentage == percentage and result.eligible
    hours = fit.fit_for(cluster, make_funding_call("HOURS", deadlines=at(now, 0, hours=5)), now=now)
    assert reasons(hours)["closes_in"] == ("closes in 5 hours", False)


def test_closed_call_is_not_eligible_and_not_among_the_calls_for_you(now):
    cluster = ClusterFactory()
    closed = make_funding_call("CLOSED", opened_days_ago=60, deadlines=at(now, -2))
    result = fit.fit_for(cluster, closed, now=now)
    assert reasons(result)["closed"] == ("closed", False)
    assert result.eligible is False and result.status == "closed"
    assert fit.score_calls(cluster, now=now) == []


def test_forthcoming_call_says_when_it_opens(now):
    call = make_funding_call(
        "LATER",
        opening_date=datetime.date(2099, 1, 15),
        deadlines=[{"at": datetime.datetime(2099, 4, 1, 15, tzinfo=datetime.UTC), "time_zone": "UTC", "stage": 1}],
    )
    result = fit.fit_for(ClusterFactory(), call, now=now)
    assert result.status == "forthcoming"
    assert reasons(result)["opens_on"] == ("opens on 2099-01-15", None)
    unknown = make_funding_call("SOMEDAY", opened_days_ago=None, closes_in_days=None, source_status="forthcoming")
    assert reasons(fit.fit_for(ClusterFactory(), unknown, now=now))["opening_unknown"][1] is None


def test_call_without_anything_to_score_has_no_percentage(now):
    call = make_funding_call("BARE", opened_days_ago=1, closes_in_days=None, source_status="open")
    result = fit.fit_for(ClusterFactory(), call, now=now)
    assert result.percentage is None
    assert reasons(result)["no_deadline"] == ("no deadline stated", None)


def test_reason_text_follows_the_active_language(now):
    cluster = ClusterFactory(ecosystems=[textiles()])
    result = fit.fit_for(cluster, make_funding_call("LANG", deadlines=at(now, 40), ecosystems=[textiles()]), now=now)
    reason = next(r for r in result.reasons if r.kind == "ecosystem_match")
    assert "Textiles" in reason.text
    with translation.override("sv"):
        assert "Textil" in reason.text and "Textiles" not in reason.text


def test_calls_are_sorted_eligible_first_then_by_fit_then_by_closing_date(now):
    cluster = ClusterFactory(ecosystems=[textiles()], country="SE")
    make_funding_call("B-HALF", deadlines=at(now, 40), ecosystems=[health()], cluster_organisations_eligible=True)
    make_funding_call("A-FULL-LATE", deadlines=at(now, 60), ecosystems=[textiles()])
    make_funding_call("A-FULL-EARLY", deadlines=at(now, 45), ecosystems=[textiles()])
    make_funding_call("C-EXCLUDED", deadlines=at(now, 40), ecosystems=[textiles()], eligible_countries=["FI"])
    make_funding_call("D-UNSCORED", opened_days_ago=1, closes_in_days=None, source_status="open")
    order = [(f.call.identifier, f.percentage, f.eligible) for f in fit.score_calls(cluster, now=now)]
    assert order == [
        ("A-FULL-EARLY", 100.0, True),
        ("A-FULL-LATE", 100.0, True),
        ("B-HALF", 50.0, True),  # ecosystem 0 of 3, cluster organisations 2 of 2, deadline 1 of 1
        ("D-UNSCORED", None, True),
        ("C-EXCLUDED", pytest.approx(80.0), False),  # ecosystem 3 + deadline 1 of 5, but not eligible
    ]


def test_demo_calls_are_scored_only_for_demo_clusters_and_unpublished_calls_never(now):
    make_funding_call("REAL", deadlines=at(now, 40))
    make_funding_call("DEMO", deadlines=at(now, 40), is_demo=True)
    make_funding_call("DRAFT", deadlines=at(now, 40), is_published=False)
    real = {f.call.identifier for f in fit.score_calls(ClusterFactory(), now=now)}
    demo = {f.call.identifier for f in fit.score_calls(ClusterFactory(is_demo=True), now=now)}
    assert real == {"REAL"}
    assert demo == {"REAL", "DEMO"}


def test_given_calls_keep_their_instances_and_a_queryset_is_scored_as_given(now):
    from klusterplattform.funding.models import FundingCall

    cluster = ClusterFactory()
    call = make_funding_call("GIVEN", deadlines=at(now, 40))
    make_funding_call("NOT-GIVEN", deadlines=at(now, 40))
    [only] = fit.score_calls(cluster, [call], now=now)
    assert only.call is call
    fits = fit.score_calls(cluster, FundingCall.objects.filter(identifier__startswith="NOT"), now=now)
    assert [f.call.identifier for f in fits] == ["NOT-GIVEN"]
    assert fits[0].call.title == "Funding call NOT-GIVEN"


def test_the_number_of_queries_does_not_grow_with_the_number_of_calls(now, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cluster = ClusterFactory(ecosystems=[textiles()], description="circular textiles")
    MembershipFactory(cluster=cluster, organisation=OrganisationFactory(size_class="small"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            fits = fit.score_calls(ClusterFactory._meta.model.objects.get(pk=cluster.pk), now=now)
            [r.text for f in fits for r in f.reasons]
        return len(queries), len(fits)

    for n in range(3):
        make_funding_call(
            f"FEW-{n}", deadlines=at(now, 40), ecosystems=[textiles()], requires_smes=True, min_partners=3
        )
    few, three = count()
    for n in range(20):
        make_funding_call(f"MANY-{n}", deadlines=at(now, 40), ecosystems=[health()], requires_smes=True, min_partners=3)
    many, twenty_three = count()
    assert (three, twenty_three) == (3, 23)
    assert few == many


def test_the_scoring_loops_status_agrees_with_the_models_at_every_boundary(now):
    cluster = ClusterFactory()
    make_funding_call("OPEN", deadlines=at(now, 3))
    make_funding_call("SOON", opened_days_ago=-5, deadlines=at(now, 40))
    make_funding_call("PAST", opened_days_ago=50, deadlines=at(now, -1))
    make_funding_call("NO-DATES", opened_days_ago=None, closes_in_days=None, source_status="forthcoming")
    make_funding_call("GONE", opened_days_ago=None, closes_in_days=None, source_status="closed")
    make_funding_call("NO-OPENING", opened_days_ago=None, deadlines=at(now, 3), source_status="forthcoming")
    from klusterplattform.funding.models import FundingCall

    calls = FundingCall.objects.all()
    for moment in [now, now + datetime.timedelta(days=3, hours=1), now + datetime.timedelta(days=50)]:
        fits = fit.score_calls(cluster, calls, now=moment)
        assert {f.call.identifier: f.status for f in fits} == {c.identifier: c.status_at(moment) for c in calls}


def test_a_list_of_fits_loads_its_calls_a_chunk_at_a_time(now, django_assert_num_queries):
    cluster = ClusterFactory()
    for n in range(5):
        make_funding_call(f"CHUNK-{n}", deadlines=at(now, 40 + n))
    fits = fit.score_calls(cluster, now=now)
    with django_assert_num_queries(1):
        assert [f.call.identifier for f in fits] == [f"CHUNK-{n}" for n in range(5)]
