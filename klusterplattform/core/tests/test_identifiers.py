import pytest
from django.core.exceptions import ValidationError

from klusterplattform.core.identifiers import luhn_valid, normalise_organisation_number, normalise_vat_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("556036-0793", "556036-0793"),  # published number of a large Swedish company
        ("5560360793", "556036-0793"),
        ("16556036-0793", "556036-0793"),  # century prefix 16 for legal persons
        (" 556036 0793 ", "556036-0793"),
    ],
)
def test_valid_organisation_numbers_are_normalised(raw, expected):
    assert normalise_organisation_number(raw) == expected


def test_wrong_check_digit_is_refused_with_a_reason():
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number("556036-0794")
    assert error.value.code == "checksum"


@pytest.mark.parametrize("raw", ["", "12345", "55603607931234", "abc"])
def test_wrong_length_is_refused_with_a_reason(raw):
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(raw)
    assert error.value.code == "length"


def test_luhn_check_matches_known_values():
    assert luhn_valid("5560360793")
    assert not luhn_valid("5560360790")


def test_vat_numbers_are_uppercased_and_stripped():
    assert normalise_vat_number("se 5560 3607 9301") == "SE556036079301"
    with pytest.raises(ValidationError):
        normalise_vat_number("12345")
