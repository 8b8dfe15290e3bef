"""Schemathesis against the assessments operations with a token that reaches them: the shared fuzz run
(registry/tests/test_api_fuzz.py) calls without credentials and meets only the 401.

A well-formed request may still be refused with a 422 on its meaning (an unknown indicator code, a share above 100),
so the check that every schema-valid request succeeds does not apply here; all the others do."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from klusterplattform.accounts.models import ApiToken

from .api_assessments_world import make_world

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    path_regex="^/api/v1/assessments"
)


@pytest.fixture
def manager_token(db):
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    world = make_world()
    _token, raw = ApiToken.issue(world["users"]["manager"])
    yield raw
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_a_manager_gets_only_the_answers_the_schema_documents(case, manager_token):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {manager_token}"}, excluded_checks=[positive_data_acceptance]
    )
