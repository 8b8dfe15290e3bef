"""One paging rule for pages and the API: 1-based page numbers, a capped page size, the total count."""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class PageRequest:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def page_request(page, size=None) -> PageRequest:
    """Coerce user input into a valid page request (bad values fall back to the first page / default size)."""
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    try:
        size = int(size) if size not in (None, "") else settings.KP_PAGE_SIZE
    except (TypeError, ValueError):
        size = settings.KP_PAGE_SIZE
    size = min(max(1, size), settings.KP_MAX_PAGE_SIZE)
    return PageRequest(page=min(page, 100_000), size=size)


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def page_envelope(total: int, paging: PageRequest, results: list) -> dict:
    """The API's shape of one page of a list."""
    return {"count": total, "page": paging.page, "page_size": paging.size, "results": results}


def total_count(queryset, paging: PageRequest, rows_on_page: int) -> int:
    """The total for a page: a short page that is not empty ends the list, so it tells the total without a COUNT."""
    if 0 < rows_on_page < paging.size or (rows_on_page == 0 and paging.page == 1):
        return paging.offset + rows_on_page
    return queryset.count()
