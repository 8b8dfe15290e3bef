"""What every demo step gets: the seed, the requested size, today's date, and seeded random sources."""

import random
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from faker import Faker


@dataclass(frozen=True)
class DemoSize:
    clusters: int = 300
    organisations: int = 20_000
    programme_clusters: int = 20


@dataclass(frozen=True)
class DemoContext:
    seed: int = 2018
    size: DemoSize = field(default_factory=DemoSize)
    # Dates that must stay "current" (valid labels, an open programme) are computed from this day.
    today: date = field(default_factory=timezone.localdate)
    _fakers: dict = field(default_factory=dict, compare=False, repr=False)

    def random(self, step: str) -> random.Random:
        """Each step draws from its own stream, so adding or changing one step never changes what the others make."""
        return random.Random(f"{self.seed}:{step}")

    def faker(self, locale: str, step: str) -> Faker:
        key = (locale, step)
        if key not in self._fakers:
            fake = Faker(locale)
            fake.seed_instance(f"{self.seed}:{step}:{locale}")
            self._fakers[key] = fake
        return self._fakers[key]
