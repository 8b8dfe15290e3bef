"""The personal-data export lists a person's participations in matchmaking events with their meetings."""

import pytest

from klusterplattform.matchmaking.event_personal_data import EVENT_SECTIONS, participations_of

from .event_world import accepted, build_event_world, join

pytestmark = pytest.mark.django_db


def test_a_participation_is_exported_with_the_meetings_on_both_sides():
    world = build_event_world()
    alice, bob = join(world, world.alice, name="Alice Textiles"), join(world, world.bob, name="Bob Fibres")
    meeting = accepted(world, alice, bob)

    [row] = participations_of(world.bob)

    assert (row["event"], row["organisation"]) == (world.event.pk, "Bob Fibres")
    assert row["meetings"] == [
        {
            "id": meeting.pk,
            "role": "invitee",
            "with": "Alice Textiles",
            "message": "Shall we meet?",
            "status": "accepted",
            "slot_starts_at": None,
            "table": None,
            "outcome": "",
            "outcome_note": "",
        }
    ]
    assert participations_of(world.outsider) == []
    assert callable(EVENT_SECTIONS["matchmaking_participations"][1])
