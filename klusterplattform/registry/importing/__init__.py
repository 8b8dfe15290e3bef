"""Importing organisations (members and participants) and the postcode table from files people bring.

`import_organisations` is the one entry point for the command line and the upload page; docs/data-formats.md
documents the columns.
"""

from .postcodes import load_postcodes
from .result import FileError, ImportResult, RowError
from .service import import_organisations

__all__ = ["FileError", "ImportResult", "RowError", "import_organisations", "load_postcodes"]
