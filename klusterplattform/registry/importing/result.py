"""What an import reports back: counts, and every problem with the row and column a person can find it by."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem. `row` is the spreadsheet row (the header is row 1); None for a problem with the whole file."""

    row: int | None
    column: str
    message: str

    def __str__(self):
        where = f"row {self.row}" if self.row is not None else "file"
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class ImportResult:
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    memberships_created: int = 0
    memberships_updated: int = 0
    seconds: float = 0.0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


class FileError(Exception):
    """The file as a whole cannot be read (wrong encoding, not a spreadsheet, no header …)."""

    def __init__(self, message, row: int | None = None, column: str = ""):
        super().__init__(str(message))
        self.error = RowError(row, column, str(message))
