"""Benchmark settings: the real settings, plus Django REST framework for the comparison endpoint.

Refuses any database but the benchmark ones (bench/benchdb.py), so a benchmark cannot touch a real instance.
"""

from django.core.exceptions import ImproperlyConfigured

from klusterplattform.settings import *  # noqa: F403
from klusterplattform.settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework"]
ROOT_URLCONF = "bench.benchsite.urls"

_name = str(DATABASES["default"]["NAME"])
if not (_name.endswith("bench/.data/directory.sqlite3") or _name == "kp_bench" or _name.startswith("test_kp_bench")):
    raise ImproperlyConfigured(f"bench settings refuse database {_name!r}: use bench/benchdb.py")

# The fair DRF configuration: JSON only (no browsable API), no authentication or throttling beyond the defaults.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
}
