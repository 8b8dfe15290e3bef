"""Every reason code, on the hand-made set where the reason is known: the code is given, and its text names the right
thing (taxonomy term, region, quoted phrase, label level, place, cluster, type, name). Reasons carry the points
their component added, so together they explain the score."""

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from klusterplattform.matchmaking.matching import need as needs
from klusterplattform.matchmaking.matching.ranking import rank_clusters, rank_organisations
from klusterplattform.matchmaking.matching.reasons import best_phrase, cluster_reasons, organisation_reasons
from klusterplattform.matchmaking.tests.match_world import build_match_world, data_post
from klusterplattform.registry.models import ClusterOrganisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_match_world()


def reasons_of(need, cluster) -> dict[str, str]:
    ranking = rank_clusters(need)
    chosen = [c for c in ranking.candidates if c.object_id == cluster.pk]
    with translation.override("en"):
        return {r.code: r.text for r in cluster_reasons(need, ranking, chosen)[cluster.pk]}


def member_reasons_of(need, organisation) -> dict[str, str]:
    clusters = rank_clusters(need)
    ranking = rank_organisations(need, clusters)
    chosen = [c for c in ranking.candidates if c.object_id == organisation.pk]
    names = dict(ClusterOrganisation.objects.values_list("pk", "name"))
    with translation.override("en"):
        return {r.code: r.text for r in organisation_reasons(need, ranking, chosen, names)[organisation.pk]}


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("shared_e", "Both in Textiles"),
        ("shared_s", "Both in Apparel"),
        ("shared_t", "Both in Sorting technology"),
    ],
)
def test_shared_taxonomy_reasons_name_the_shared_term(world, code, text):
    assert reasons_of(needs.for_cluster(world.seeker), world.fibre)[code] == text


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("sought_e", "In Digital, which you seek"),
        ("sought_s", "In Software, which you seek"),
        ("sought_t", "In Artificial intelligence, which you seek"),
    ],
)
def test_sought_taxonomy_reasons_name_what_the_post_seeks(world, code, text):
    reasons = reasons_of(needs.for_post(data_post(world)), world.digital)
    assert reasons[code] == text
    assert not {"shared_e", "shared_s", "shared_t"} & set(reasons)  # a post says "which you seek", not "both"


def test_complementary_reason_names_what_they_bring_and_the_shared_ecosystem(world):
    text = reasons_of(needs.for_cluster(world.seeker), world.fibre)["complementary"]
    assert text == "Brings Traceability, which you do not have, to the shared ecosystem Textiles"


def test_s3_overlap_reason_names_both_regions_and_the_ecosystem(world):
    text = reasons_of(needs.for_cluster(world.seeker), world.fibre)["s3_overlap"]
    assert text == "Västra Götaland and Skåne both prioritise Textiles in their smart-specialisation strategies"


def test_no_s3_reason_when_the_strategies_share_nothing(world):
    assert "s3_overlap" not in reasons_of(needs.for_cluster(world.seeker), world.weave)


def test_text_strength_reason_quotes_the_matching_strength(world):
    reasons = reasons_of(needs.for_text("cirkulär textilåtervinning"), world.fibre)
    assert (
        reasons["text_strength"] == "Their strength “Circular textile recycling at industrial scale” matches your need"
    )
    assert "text_profile" not in reasons


def test_text_profile_reason_quotes_the_description_when_the_strengths_do_not_match(world):
    reasons = reasons_of(needs.for_text("food and packaging"), world.food)
    assert reasons["text_profile"] == (
        "Their profile says “Vi samlar livsmedel och förpackning i Skåne”, which matches your need"
    )


def test_geography_reason_names_the_country_sought(world):
    reasons = reasons_of(needs.for_text("textile", countries=["DE"]), world.weave)
    assert reasons["geography"] == "In Germany, which you seek"
    assert "geography" not in reasons_of(needs.for_text("textile", countries=["DE"]), world.fibre)


def test_geography_reason_names_the_region_sought(world):
    need = needs.for_post(data_post(world, regions=[world.regions["by"]]))
    assert reasons_of(need, world.mobility)["geography"] == "In Bavaria, which you seek"


def test_label_reason_names_the_level_in_force(world):
    text = reasons_of(needs.for_cluster(world.seeker), world.fibre)["label"]
    assert text == "Holds the Gold label for cluster management excellence (official record)"
    assert "label" not in reasons_of(needs.for_cluster(world.seeker), world.weave)  # its label lapsed


def test_activity_reason_gives_the_date_of_the_last_update(world):
    with translation.override("en"):
        today = date_format(timezone.now().date())
    assert reasons_of(needs.for_cluster(world.seeker), world.fibre)["activity"] == f"Profile updated {today}"
    assert "activity" not in reasons_of(needs.for_cluster(world.seeker), world.weave)  # two years old


def test_member_of_reason_names_the_cluster_and_its_score(world):
    need = needs.for_post(data_post(world))
    digital_score = next(c.score for c in rank_clusters(need).candidates if c.object_id == world.digital.pk)
    text = member_reasons_of(need, world.members[("digital", "sme")])["member_of"]
    assert text == f"Member of Helsinki Data Cluster, which scores {round(digital_score)} for your need"


def test_partner_type_reason_names_the_type_sought(world):
    reasons = member_reasons_of(needs.for_post(data_post(world)), world.members[("digital", "sme")])
    assert reasons["partner_type"] == "A partner of the type you seek: SME"
    assert "partner_type" not in member_reasons_of(
        needs.for_post(data_post(world)), world.members[("digital", "large")]
    )


def test_text_name_reason_quotes_the_organisation_name(world):
    reasons = member_reasons_of(needs.for_text("textile recycling"), world.members[("fibre", "sme")])
    assert reasons["text_name"] == "The name “Nordic Textile Recycling AB” matches your need"


def test_member_geography_reason_names_the_country(world):
    reasons = member_reasons_of(needs.for_text("textile", countries=["DE"]), world.members[("weave", "sme")])
    assert reasons["geography"] == "In Germany, which you seek"


def test_the_reasons_points_add_up_to_the_score(world):
    need = needs.for_cluster(world.seeker)
    ranking = rank_clusters(need)
    for candidate in ranking.candidates:
        reasons = cluster_reasons(need, ranking, [candidate])[candidate.object_id]
        assert sum(r.points for r in reasons) == pytest.approx(candidate.score, abs=0.5)


def test_the_reasons_are_in_swedish_for_a_swedish_reader(world):
    need = needs.for_cluster(world.seeker)
    ranking = rank_clusters(need)
    fibre = [c for c in ranking.candidates if c.object_id == world.fibre.pk]
    with translation.override("sv"):
        texts = {r.code: r.text for r in cluster_reasons(need, ranking, fibre)[world.fibre.pk]}
    assert texts["shared_e"] != "Both in Textiles"
    assert "Textiles (sv)" in texts["shared_e"]  # the term's Swedish name


def test_best_phrase_picks_the_phrase_with_most_matched_weight_and_shortens_long_ones():
    text = "Pilot plants.\nCircular textile recycling at scale; fibre sorting"
    assert (
        best_phrase(text, {"circul", "recycl"}, {"circul": 1.0, "recycl": 1.0}) == "Circular textile recycling at scale"
    )
    assert best_phrase(text, {"nothing"}, {"nothing": 1.0}) == ""
    long = "textile " + "word " * 40
    quoted = best_phrase(long, {"textil"}, {"textil": 1.0})
    assert quoted.endswith("…") and len(quoted) <= 100
