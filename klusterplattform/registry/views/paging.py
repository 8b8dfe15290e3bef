"""A page of a query set for templates: built on core.paging so pages and the API share one paging rule."""

from dataclasses import dataclass

from klusterplattform.core.paging import page_count, page_request


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    number: int
    page_count: int
    size: int
    param: str = "page"

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.page_count

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.size + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1 if self.items else 0

    def numbers(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and a window around the current one; None marks a gap."""
        wanted = {1, self.page_count, *range(self.number - around, self.number + around + 1)}
        shown = sorted(n for n in wanted if 1 <= n <= self.page_count)
        result: list[int | None] = []
        for n in shown:
            if result and n - result[-1] > 1:
                result.append(None)
            result.append(n)
        return result


def paginate(request, queryset, param: str = "page") -> Page:
    """One count and one page query. A page past the end shows the last page rather than an error or an empty list."""
    total = queryset.count()
    wanted = page_request(request.GET.get(param))
    pages = page_count(total, wanted.size)
    number = min(wanted.page, pages)
    offset = (number - 1) * wanted.size
    items = list(queryset[offset : offset + wanted.size]) if total else []
    return Page(items=items, total=total, number=number, page_count=pages, size=wanted.size, param=param)
