"""List exports across the platform: the helpers the apps' list-export tests share (reading a CSV or XLSX answer),
and the inventory test: every list page named in LIST_ROUTES has an `export.<format>` sibling route, and any new
`*_list` view must be put in LIST_ROUTES (with an export) or in NO_EXPORT_YET (with a reason) or the test fails."""

import csv
import io

import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation
from openpyxl import load_workbook

from klusterplattform.core.exports import FORMATS, Column, to_csv

# List pages (namespace:name) with their export route: "<list path>export.<format>", or under the page's path for a
# list that is one part of its page (an event's participants: matchmaking/<pk>/deltagare/export.<format>).
LIST_ROUTES = {
    "registry:directory": "registry:directory_export",
    "registry:programmes": "registry:programmes_export",
    "registry:programme": "registry:programme_export",
    "registry:regions": "registry:regions_export",
    "registry:memberships": "registry:memberships_export",
    "registry:invitations": "registry:invitations_export",
    "excellence:catalogues": "excellence:catalogues_export",
    "excellence:rounds": "excellence:rounds_export",
    "excellence:assessments": "excellence:assessments_export",
    "excellence:labels": "excellence:labels_export",
    "activities:activities": "activities:activities_export",
    "activities:participation": "activities:participation_export",
    "activities:contacts": "activities:contacts_export",
    "activities:focus_list": "activities:focus_export",
    "calls:calls": "calls:calls_export",
    "calls:call_applications": "calls:call_applications_export",
    "calls:endorsements": "calls:endorsements_export",
    "calls:my_reviews": "calls:my_reviews_export",
    "calls:ranking": "calls:ranking_export",
    "funding:calls": "funding:export",
    "funding:intentions": "funding:intentions_export",
    "funding:for_cluster": "funding:fit_export",
    "matchmaking:posts": "matchmaking:posts_export",
    "matchmaking:mine": "matchmaking:mine_export",
    "matchmaking:matches": "matchmaking:matches_export",
    "matchmaking:event": "matchmaking:event_participants_export",
    "matchmaking:event_schedule": "matchmaking:event_meetings_export",
    "accounts:history": "accounts:history_export",
    "reporting:kpis": "reporting:kpi_export",
    "reporting:surveys": "reporting:surveys_export",
    "reporting:survey_results": "reporting:survey_results_export",
    "reporting:question_sets": "reporting:question_sets_export",
}

# Lists without a CSV/XLSX export yet, each with the reason (docs_exports.md keeps the same inventory).
NO_EXPORT_YET = {
    "registry:region": "a region's clusters: its links are the directory export filtered by the region",
    "activities:news": "news items are articles, with RSS and Atom feeds",
    "activities:needs": "several tables (needs ranking, areas, focus areas, drill-down, stated needs): a multi-sheet "
    "XLSX (export.xlsx) and a PDF (export.pdf); one CSV file holds one table only",
    "registry:people": "a search for one person's data by e-mail (GDPR); it has its own export of that person",
}


def csv_rows(response, delimiter=";") -> list[list[str]]:
    """The rows of a CSV answer; Swedish answers use ';' (Excel's list separator in Sweden), English ','."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8 (å, ä, ö)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=delimiter))


def xlsx_rows(response) -> list[list]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == FORMATS["xlsx"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def column(rows, header) -> list:
    """One column's values (without the header row), found by its header."""
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


def count_queries(client, url) -> int:
    """The number of queries one GET of `url` makes (counted as they run: the connection's own log is capped, so a
    large fixture can leave its slice empty)."""
    statements = []

    def counted(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        assert client.get(url).status_code == 200
    return len(statements)


def _routes() -> dict[str, str]:
    """namespace:name → the route as Django prints it (Swedish paths)."""
    found = {}

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found[f"{namespace}:{pattern.name}" if namespace else pattern.name] = (
                    prefix + str(pattern.pattern),
                    getattr(pattern.callback, "__name__", ""),
                )

    with translation.override("sv"):
        walk(get_resolver().url_patterns, "", "")
    return found


def test_every_inventoried_list_has_an_export_sibling_route():
    routes = _routes()
    for list_name, export_name in LIST_ROUTES.items():
        assert list_name in routes, f"{list_name} is not a route any more: update LIST_ROUTES"
        assert export_name in routes, f"{list_name} has no export route {export_name}"
        list_path, export_path = routes[list_name][0], routes[export_name][0]
        # The sibling: "<list>/export.<format>", or for a list that is one part of its page (an event's
        # participants) "<page>/<the list>/export.<format>".
        assert export_path.startswith(list_path) and "/" not in export_path.split("export.")[-1], export_path
        assert export_path.rsplit("/", 1)[-1].startswith("export."), export_path
        assert export_path.endswith(">") or export_path.endswith(".xlsx"), export_path


def test_a_new_list_view_must_be_inventoried():
    """A view function called `*_list` is a list page: it needs an export (LIST_ROUTES) or a stated reason."""
    routes = _routes()
    inventoried = set(LIST_ROUTES) | set(NO_EXPORT_YET)
    new_lists = {
        name
        for name, (_path, view) in routes.items()
        if view.endswith("_list") and name not in inventoried and not name.startswith(("admin:", "reporting:"))
    }
    assert not new_lists, f"list pages without an export decision: {sorted(new_lists)}"
    assert set(NO_EXPORT_YET) <= set(routes), set(NO_EXPORT_YET) - set(routes)


@pytest.mark.parametrize("language, delimiter", [("sv", ";"), ("en", ",")])
def test_the_csv_dialect_follows_the_language(language, delimiter):
    columns = [Column("Namn", lambda row: row[0]), Column("Tal", lambda row: row[1])]
    with translation.override(language):
        from klusterplattform.core.exports import csv_delimiter

        body = to_csv(columns, [("Åre", "1,5")], csv_delimiter())
    assert body.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=delimiter)) == [
        ["Namn", "Tal"],
        ["Åre", "1,5"],
    ]
