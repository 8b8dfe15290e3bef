"""Server-rendered SVG charts (core/charts.py): accessible names, escaped text, the numbers drawn."""

from xml.etree import ElementTree

from klusterplattform.core.charts import Row, bar_chart, distribution_chart

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup):
    return ElementTree.fromstring(str(markup))  # noqa: S314 - our own markup, not untrusted input


def test_a_bar_chart_is_an_image_named_by_its_title_and_description():
    svg = parsed(bar_chart([("Structure", 62.0)], title="Area profile", desc="Structure: 62"))
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert (title.text, desc.text) == ("Area profile", "Structure: 62")
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_bar_lengths_follow_the_values_and_a_missing_value_draws_no_bar():
    svg = parsed(bar_chart([Row("A", 100.0), Row("B", 50.0), Row("C", None)], title="t", desc="d", width=640))
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert len(widths) == 2 and widths[0] == 2 * widths[1]
    assert "–" in [text.text for text in svg.iter(f"{SVG}text")]


def test_chart_text_is_escaped():
    markup = str(bar_chart([("<script>alert(1)</script>", 10.0)], title="A & B <b>", desc='"quoted"'))
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "A &amp; B &lt;b&gt;" in markup
    parsed(markup)  # still well-formed XML


def test_each_chart_gets_its_own_ids_so_a_page_can_hold_many():
    first, second = (parsed(bar_chart([("A", 1.0)], title="t", desc="d")) for _ in range(2))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")


def test_a_distribution_chart_draws_range_box_median_and_the_value():
    svg = parsed(distribution_chart(30.0, 20.0, 30.0, 40.0, 10.0, 50.0, title="N1", desc="median 30"))
    assert svg.get("role") == "img"
    assert len(list(svg.iter(f"{SVG}rect"))) == 1  # the quartile box
    assert len(list(svg.iter(f"{SVG}path"))) == 1  # the cluster's value
    assert {text.text for text in svg.iter(f"{SVG}text")} >= {"10", "50"}


def test_a_distribution_chart_without_the_clusters_value_draws_no_marker():
    svg = parsed(distribution_chart(None, 2.0, 3.0, 4.0, 1.0, 5.0, title="t", desc="d"))
    assert list(svg.iter(f"{SVG}path")) == []


def test_all_equal_values_do_not_divide_by_zero():
    svg = parsed(distribution_chart(3.0, 3.0, 3.0, 3.0, 3.0, 3.0, title="t", desc="d"))
    assert svg.get("role") == "img"
