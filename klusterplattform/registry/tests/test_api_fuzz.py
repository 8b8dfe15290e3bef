"""Schemathesis drives every API operation with generated input and checks each answer against the OpenAPI schema:
no 500s, status codes and bodies as documented, whatever a client sends."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from .factories import ClusterFactory, ProgrammeFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def some_data(db):
    # The fuzzer calls the WSGI app directly; like Django's test client, keep the request signals from closing the
    # test's database connection (on PostgreSQL that would end the test transaction mid-run).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield _data()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _data():
    cluster = ClusterFactory(slug="fuzz-kluster", name="Fuzz Kluster")
    ProgrammeFactory(slug="fuzz-program")
    return cluster


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_its_schema_says(case, some_data):
    case.call_and_validate()
