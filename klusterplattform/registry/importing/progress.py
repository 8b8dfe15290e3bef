"""A one-line progress bar for the import commands, redrawn at most ten times a second on a terminal stream."""

from time import perf_counter

from django.utils.translation import gettext as _


class ProgressBar:
    def __init__(self, write, width: int = 30, interval: float = 0.1):
        self.write = write  # a function taking text without a line end (the command's stderr)
        self.width = width
        self.interval = interval
        self.started = perf_counter()
        self.last_drawn = 0.0
        self.drawn = False

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = perf_counter()
        finished = total is not None and done >= total
        if now - self.last_drawn < self.interval and not finished:
            return
        self.last_drawn = now
        label = {"validate": _("Checking"), "write": _("Writing")}.get(phase, phase)
        rate = done / (now - self.started) if now > self.started else 0
        if total:
            filled = min(self.width, self.width * done // total)
            bar = "[" + "#" * filled + "." * (self.width - filled) + "]"
            self.write(f"\r{label:<9} {bar} {done:>9,}/{total:,} ({rate:,.0f}/s)  ")
        else:
            self.write(f"\r{label:<9} {done:>9,} ({rate:,.0f}/s)  ")
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.write("\n")
