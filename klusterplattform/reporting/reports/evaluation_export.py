"""The evaluation data export: what an external evaluator works from. One table per topic, as sheets of one XLSX
workbook or as CSV files in a zip, with a data dictionary that describes every column (meaning, unit, and whether
it is a record or computed by the platform) and, in the zip, a README.

Every cell goes through core/exports (formula-safe); no person is named (see topics.py).
"""

import io
import zipfile

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, csv_delimiter, to_csv, to_workbook

from ..figures import SECTIONS, build_all
from . import topics, topics_activity
from .programme import section_sheets
from .sources import COMPUTED, KIND_LABELS
from .topics import Field, Topic

RECORD_TOPICS = (
    topics.clusters,
    topics.participations,
    topics.memberships,
    topics.labels,
    topics_activity.assessments,
    topics_activity.needs,
    topics_activity.activities,
    topics_activity.participation,
    topics_activity.feedback,
    topics_activity.applications,
    topics_activity.funding,
)
# The dashboard's sections whose tables join the export (benchmark results per area, needs trend, feedback scores,
# selections): the same computed figures as the dashboard.
SECTION_TOPICS = ("benchmark", "activities", "calls_funding")


def sheet_topic(code: str, sheet) -> Topic:
    """A section's or module's table as a topic; its columns are computed figures described by their headers."""
    title, columns, rows = sheet
    fields = [Field(column.header, column.header, "", COMPUTED, column.value) for column in columns]
    return Topic(code, title, fields, list(rows))


def extra_topics(scope) -> list[Topic]:
    """Tables made by other modules: the dashboard sections', the KPI table, the anonymised survey results."""
    from .evaluation_extras import kpi_topics, survey_topics

    built = build_all(scope, [name for name in SECTIONS if name in SECTION_TOPICS])
    found = [
        sheet_topic("dashboard_" + slugify(str(sheet[0])).replace("-", "_"), sheet) for sheet in section_sheets(built)
    ]
    return found + kpi_topics(scope) + survey_topics(scope)


def all_topics(scope) -> list[Topic]:
    cluster_list = topics.scope_clusters(scope)
    return unique_codes([build(scope, cluster_list) for build in RECORD_TOPICS] + extra_topics(scope))


def columns_of(topic: Topic) -> list[Column]:
    return [Column(field.header, field.value) for field in topic.fields]


DICTIONARY_COLUMNS = [
    Column(_("Sheet"), lambda row: row[0]),
    Column(_("File"), lambda row: row[1]),
    Column(_("Column"), lambda row: row[2].header),
    Column(_("Meaning"), lambda row: row[2].meaning),
    Column(_("Unit or type"), lambda row: row[2].unit),
    Column(_("Source"), lambda row: KIND_LABELS[row[2].source]),
]


def dictionary_rows(topic_list) -> list:
    return [(topic.title, f"{topic.code}.csv", field) for topic in topic_list for field in topic.fields]


def workbook(topic_list) -> bytes:
    sheets = [(topic.title, columns_of(topic), topic.rows) for topic in topic_list]
    sheets.append((_("Data dictionary"), DICTIONARY_COLUMNS, dictionary_rows(topic_list)))
    return to_workbook(sheets)


def zip_archive(topic_list, scope) -> bytes:
    delimiter = csv_delimiter()  # ';' for Swedish spreadsheets, ',' in English
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for topic in topic_list:
            archive.writestr(f"{topic.code}.csv", to_csv(columns_of(topic), topic.rows, delimiter))
        archive.writestr("data_dictionary.csv", to_csv(DICTIONARY_COLUMNS, dictionary_rows(topic_list), delimiter))
        readme = render_to_string(
            "reporting/includes/report_export_readme.txt",
            {"scope": scope, "topics": topic_list, "delimiter": delimiter},
        )
        archive.writestr("README.txt", readme.encode("utf-8"))
    return buffer.getvalue()


def unique_codes(topic_list) -> list[Topic]:
    """Topics with distinct file names (two sections may title a table alike)."""
    used = set()
    for topic in topic_list:
        code, number = topic.code or "table", 2
        while code in used:
            code, number = f"{topic.code}_{number}", number + 1
        used.add(code)
        topic.code = code
    return topic_list
