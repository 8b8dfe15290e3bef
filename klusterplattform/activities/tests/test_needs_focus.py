"""Focus-area configuration: officers only; adopting the defaults copies them with their indicators; editing names,
themes and indicators (by lineage, current catalogue's judged indicators); deleting after a confirmation page."""

import pytest

from klusterplattform.activities.models import FocusArea, FocusAreaIndicator
from klusterplattform.activities.needs import focus as focus_service
from klusterplattform.excellence.models import CatalogueVersion
from klusterplattform.registry.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    from klusterplattform.activities.tests.needs_world import World

    return World()


def base(programme, lang="en"):
    return f"/{lang}/program/{programme.slug}/fokusomraden/"


def test_only_officers_may_configure_focus_areas(client, world):
    address = base(world.programme)
    assert client.get(address).status_code == 302
    for key in ("manager", "regional", "outsider"):
        client.force_login(world.users[key])
        assert client.get(address).status_code == 403, key
        assert client.post(address + "anvand-standard/").status_code == 403, key
    world.programme.is_published = False
    world.programme.save()
    client.force_login(world.users["outsider"])
    assert client.get(address).status_code == 404
    client.force_login(world.users["officer"])
    assert client.get(address).status_code == 200


def test_a_programme_without_its_own_lists_the_defaults_and_adopts_them(client, world):
    programme = ProgrammeFactory(slug="fresh")
    client.force_login(world.users["officer"])
    page = client.get(base(programme))
    assert "Adopt the default focus areas for this programme" in page.content.decode()
    assert [a.code for a in page.context["defaults"]] == [
        "leadership",
        "value-based-models",
        "internationalisation",
        "strategy",
    ]
    assert client.get(base(programme) + "anvand-standard/").status_code == 405
    assert client.post(base(programme) + "anvand-standard/").status_code == 302
    own = FocusArea.objects.filter(programme=programme)
    assert own.count() == 4
    leadership = own.get(code="leadership")
    assert set(leadership.indicators.values_list("lineage", flat=True)) == set(
        FocusAreaIndicator.objects.filter(focus_area__programme=None, focus_area__code="leadership").values_list(
            "lineage", flat=True
        )
    )
    assert FocusArea.objects.filter(programme=None).count() == 4  # the defaults stay
    client.post(base(programme) + "anvand-standard/")
    assert own.count() == 4  # adopting twice copies nothing more


def test_an_officer_edits_names_themes_and_indicators(client, world):
    focus_area = world.focus["lead"]
    client.force_login(world.users["officer"])
    page = client.get(f"{base(world.programme)}{focus_area.pk}/")
    choices = dict(page.context["form"].fields["indicators"].choices)
    newest = CatalogueVersion.objects.order_by("-created_at", "-id").first()
    assert set(choices) == {i.lineage for i in newest.indicators.exclude(direction="neutral") if i.is_benchmarked}
    lineage = world.catalogue.indicators.get(code="H1").lineage  # ticked; H3 left unticked
    data = {
        "code": "lead",
        "name_sv": "Ledarskap i samverkan",
        "name_en": "Leadership in collaboration",
        "description_sv": "",
        "description_en": "",
        "themes_sv": "Tema ett\nTema två",
        "themes_en": "Theme one\nTheme two",
        "position": "1",
        "indicators": [lineage],
    }
    response = client.post(f"{base(world.programme)}{focus_area.pk}/", data)
    assert response.status_code == 302
    focus_area.refresh_from_db()
    assert focus_area.name_en == "Leadership in collaboration" and focus_area.themes_en == "Theme one\nTheme two"
    lineages = set(focus_area.indicators.values_list("lineage", flat=True))
    # H3 was unticked and goes; N1 (neutral, so not offered as a box) is kept.
    assert lineages == {i.lineage for i in world.catalogue.indicators.filter(code__in=["H1", "N1"])}


def test_a_duplicate_code_is_refused_with_a_clear_error(client, world):
    client.force_login(world.users["officer"])
    response = client.post(
        f"{base(world.programme)}nytt/", {"code": "fin", "name_sv": "X", "name_en": "X", "position": "4"}
    )
    assert response.status_code == 200 and "already has a focus area with this code" in response.content.decode()
    assert FocusArea.objects.filter(programme=world.programme, code="fin").count() == 1


def test_an_officer_adds_and_deletes_a_focus_area_after_confirming(client, world):
    client.force_login(world.users["officer"])
    response = client.post(
        f"{base(world.programme)}nytt/", {"code": "new", "name_sv": "Nytt", "name_en": "New", "position": "9"}
    )
    assert response.status_code == 302
    created = FocusArea.objects.get(programme=world.programme, code="new")
    confirm = client.get(f"{base(world.programme)}{created.pk}/ta-bort/")
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert FocusArea.objects.filter(pk=created.pk).exists()
    client.post(f"{base(world.programme)}{created.pk}/ta-bort/")
    assert not FocusArea.objects.filter(pk=created.pk).exists()


def test_default_focus_areas_cannot_be_edited_through_a_programme(client, world):
    default = FocusArea.objects.filter(programme=None).first()
    client.force_login(world.users["officer"])
    assert client.get(f"{base(world.programme)}{default.pk}/").status_code == 404
    assert client.post(f"{base(world.programme)}{default.pk}/ta-bort/").status_code == 404
    assert FocusArea.objects.filter(pk=default.pk).exists()


def test_indicator_choices_leave_out_neutral_and_unbenchmarked_indicators(world):
    choices = dict(focus_service.indicator_choices(world.catalogue))
    assert sorted(label.split()[0] for label in choices.values()) == ["H1", "H2", "H3", "H4", "L1"]


def test_adopting_the_defaults_keeps_priorities_already_stated_for_them(world):
    from klusterplattform.activities.models import StatedNeeds, StatedPriority
    from klusterplattform.excellence.tests.factories import RoundFactory

    programme = ProgrammeFactory(slug="stated-before")
    round = RoundFactory(programme=programme, catalogue=world.catalogue)
    default = FocusArea.objects.get(programme=None, code="strategy")
    stated = StatedNeeds.objects.create(round=round, cluster=world.clusters["C1"])
    StatedPriority.objects.create(stated=stated, focus_area=default, priority=4)
    focus_service.adopt_defaults(programme)
    moved = StatedPriority.objects.get(stated=stated)
    assert moved.focus_area.programme == programme and moved.focus_area.code == "strategy"
    assert moved.priority == 4
