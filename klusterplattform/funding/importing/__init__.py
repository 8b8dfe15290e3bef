"""The import of EU Funding & Tenders topics: read the export file, map each topic, upsert the calls."""

from .mapping import map_topic
from .reader import FundingFileError, read_topics
from .upsert import ImportReport, Rejection, import_topics

__all__ = ["FundingFileError", "ImportReport", "Rejection", "import_topics", "map_topic", "read_topics"]
