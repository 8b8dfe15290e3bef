"""A hand-made programme for the dashboard's population, map and labels figures; the tests count it by hand.

Programme "s3" (real, started 2018-03-26):
- A in Stockholm (01), ecosystem digital, selected 2018-06-01;
- B in Skåne (12), ecosystems digital and energy, selected 2018-06-01;
- C in Skåne (12) and Norrbotten (25), ecosystem energy, selected 2020-06-01 (after the programme started);
- W in Skåne (12), withdrawn (never counted);
- X, a demo cluster in Stockholm that also takes part (never counted in a real programme).
Programme "demo" (demo): X and A (A is real, so never counted there).

Organisations (type, size) and memberships (kind, joined → left):
  o1 SME micro          A member 2018-01-01;  B participant 2019-01-01   (in two clusters)
  o2 SME small          A member 2019-03-01;  W member 2018-01-01
  o3 SME medium         B member 2018-01-01;  C participant 2019-05-01   (in two clusters, member in one)
  o4 large company      A member 2018-01-01 → 2021-06-30                 (a member who left)
  o5 research, unknown  A participant 2018-01-01
  o6 education, unknown B member, no joined date (always)
  o7 public body, unkn. A participant 2021-01-10
  o8 SME small          B participant 2022-02-01
  o9 other, unknown     C member 2018-01-01
  o10 SME micro         C member 2020-01-01
  d1 SME (demo)         X member 2018-01-01

Official labels:
  A Bronze assessed 2019-03-10, valid to 2021-03-10; renewed (Bronze) assessed 2021-02-15, valid 2021-03-11 → 2024-03-10
  B Bronze assessed 2019-12-05, valid to 2021-12-05; Silver assessed 2021-11-20, valid to 2023-11-20
  C Bronze assessed 2021-02-03, valid to 2023-02-03
  W Silver assessed 2020-05-01 (withdrawn cluster); X Gold (demo) assessed 2020-01-01, valid to 2022-01-01
"""

import datetime

from klusterplattform.registry.tests.factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProgrammeParticipationFactory,
    RegionFactory,
)

D = datetime.date
SELECTED = D(2018, 6, 1)


def regions() -> dict:
    return {
        "01": RegionFactory(code="01", name_sv="Stockholms län", name_en="Stockholm County"),
        "12": RegionFactory(code="12", name_sv="Skåne län", name_en="Skåne County"),
        "25": RegionFactory(code="25", name_sv="Norrbottens län", name_en="Norrbotten County"),
    }


def build() -> dict:
    region = regions()
    digital = EcosystemFactory(code="digital", name_sv="Digitalt", name_en="Digital", position=1)
    energy = EcosystemFactory(code="energy", name_sv="Energi", name_en="Energy", position=2)
    programme = ProgrammeFactory(slug="s3", is_demo=False)
    demo_programme = ProgrammeFactory(slug="demo", is_demo=True, starts_on=D(2018, 1, 1))
    a = ClusterFactory(name="Kluster A", regions=[region["01"]], ecosystems=[digital])
    b = ClusterFactory(name="Kluster B", regions=[region["12"]], ecosystems=[digital, energy])
    c = ClusterFactory(name="Kluster C", regions=[region["12"], region["25"]], ecosystems=[energy])
    w = ClusterFactory(name="Kluster W", regions=[region["12"]], ecosystems=[digital])
    x = ClusterFactory(name="Demokluster X", regions=[region["01"]], ecosystems=[digital], is_demo=True)
    for cluster, selected_on, status in [
        (a, SELECTED, "active"),
        (b, SELECTED, "active"),
        (c, D(2020, 6, 1), "selected"),
        (w, SELECTED, "withdrawn"),
        (x, SELECTED, "active"),
    ]:
        ProgrammeParticipationFactory(programme=programme, cluster=cluster, selected_on=selected_on, status=status)
    ProgrammeParticipationFactory(programme=demo_programme, cluster=x, selected_on=SELECTED, status="active")
    ProgrammeParticipationFactory(programme=demo_programme, cluster=a, selected_on=SELECTED, status="active")

    org = {
        "o1": OrganisationFactory(type="sme", size_class="micro"),
        "o2": OrganisationFactory(type="sme", size_class="small"),
        "o3": OrganisationFactory(type="sme", size_class="medium"),
        "o4": OrganisationFactory(type="large_company", size_class="large"),
        "o5": OrganisationFactory(type="research", size_class="unknown"),
        "o6": OrganisationFactory(type="education", size_class="unknown"),
        "o7": OrganisationFactory(type="public_body", size_class="unknown"),
        "o8": OrganisationFactory(type="sme", size_class="small"),
        "o9": OrganisationFactory(type="other", size_class="unknown"),
        "o10": OrganisationFactory(type="sme", size_class="micro"),
        "d1": OrganisationFactory(type="sme", size_class="micro", is_demo=True),
    }
    for cluster, name, kind, joined, left in [
        (a, "o1", "member", D(2018, 1, 1), None),
        (b, "o1", "participant", D(2019, 1, 1), None),
        (a, "o2", "member", D(2019, 3, 1), None),
        (w, "o2", "member", D(2018, 1, 1), None),
        (b, "o3", "member", D(2018, 1, 1), None),
        (c, "o3", "participant", D(2019, 5, 1), None),
        (a, "o4", "member", D(2018, 1, 1), D(2021, 6, 30)),
        (a, "o5", "participant", D(2018, 1, 1), None),
        (b, "o6", "member", None, None),
        (a, "o7", "participant", D(2021, 1, 10), None),
        (b, "o8", "participant", D(2022, 2, 1), None),
        (c, "o9", "member", D(2018, 1, 1), None),
        (c, "o10", "member", D(2020, 1, 1), None),
        (x, "d1", "member", D(2018, 1, 1), None),
    ]:
        MembershipFactory(cluster=cluster, organisation=org[name], kind=kind, joined=joined, left=left)

    a_bronze = _label(a, "bronze", D(2019, 3, 10), D(2021, 3, 10))
    _label(a, "bronze", D(2021, 2, 15), D(2024, 3, 10), valid_from=D(2021, 3, 11), renews=a_bronze)
    _label(b, "bronze", D(2019, 12, 5), D(2021, 12, 5))
    _label(b, "silver", D(2021, 11, 20), D(2023, 11, 20))
    _label(c, "bronze", D(2021, 2, 3), D(2023, 2, 3))
    _label(w, "silver", D(2020, 5, 1), D(2022, 5, 1))
    _label(x, "gold", D(2020, 1, 1), D(2022, 1, 1), is_demo=True)
    return {
        "programme": programme,
        "demo_programme": demo_programme,
        "regions": region,
        "clusters": {"a": a, "b": b, "c": c, "w": w, "x": x},
        "organisations": org,
    }


def _label(cluster, level, awarded_on, valid_until, valid_from=None, renews=None, is_demo=False):
    return LabelFactory(
        cluster=cluster,
        level=level,
        awarded_on=awarded_on,
        valid_from=valid_from or awarded_on,
        valid_until=valid_until,
        renews=renews,
        is_demo=is_demo,
    )


def scope(world, as_of, programme="programme", region_codes=None):
    """A Scope as the dashboard makes it (region_codes: a regional officer's län, None: every region)."""
    from klusterplattform.reporting.figures import Scope

    region_ids = None
    if region_codes is not None:
        region_ids = frozenset(world["regions"][code].pk for code in region_codes)
    return Scope(programme=world[programme], as_of=as_of, region_ids=region_ids)
