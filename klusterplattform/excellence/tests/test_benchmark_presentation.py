"""The benchmark's figures are formatted once in Python (benchmark/presentation.py) and must read exactly as the
template's `floatformat` wrote them, in Swedish and in English."""

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from klusterplattform.excellence.benchmark.presentation import Figures

VALUES = [0.0, -0.2, 0.05, 0.25, 1.45, 12.0, 12.04, 12.25, 12.35, 79.99999, 80.00001, 99.5, 100.0, -3.75, 1234.56]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_figures_read_as_floatformat_wrote_them(language):
    with translation.override(language):
        figure = Figures()
        for value in VALUES:
            assert figure(value, 0) == floatformat(value, 0), value
            assert figure(value) == floatformat(value, "-1"), value


def test_swedish_figures_have_a_decimal_comma_and_missing_ones_a_dash():
    with translation.override("sv"):
        figure = Figures()
        assert (figure(11.5), figure(11.0), figure(None), figure(62.5, 0)) == ("11,5", "11", "–", "63")


def test_numpy_figures_read_like_python_floats():
    np = pytest.importorskip("numpy")
    with translation.override("en"):
        assert Figures()(np.float64(59.75)) == floatformat(59.75, "-1") == "59.8"
