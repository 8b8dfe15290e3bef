"""`klusterplattform import_funding_calls FILE [--dry-run]`: the report, the progress bar, running twice, and a clear
message with exit code 1 for a file that is missing, unreadable or not topic JSON."""

import gzip
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from klusterplattform.funding.models import FundingCall

from .topic_files import english, fixture_bytes  # noqa: F401 - english is a fixture

pytestmark = pytest.mark.usefixtures("english")
REPO = Path(__file__).resolve().parents[3]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_funding_calls", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def topics_file(tmp_path):
    path = tmp_path / "open.jsonl.gz"
    path.write_bytes(gzip.compress(fixture_bytes()))
    return path


@pytest.mark.django_db
def test_the_command_reports_counts_and_each_rejection_and_draws_progress_on_stderr(topics_file):
    out, err = run(str(topics_file))
    assert "Topics: 6 read, 5 created, 0 updated, 0 unchanged, 1 rejected" in out
    assert (
        "Rejected: Topic 5 (TEST-2026-FIXTURE-05): deadline '2026-13-45' is not a valid date (expected YYYY-MM-DD)"
        in out
    )
    assert "Checking" in err and "6/6" in err and "Writing" in err and "5/5" in err
    assert FundingCall.objects.count() == 5


@pytest.mark.django_db
def test_running_the_command_twice_changes_nothing(topics_file):
    run(str(topics_file))
    before = list(FundingCall.objects.values_list("identifier", "updated_at", "content_hash"))
    out, err = run(str(topics_file))
    assert "Topics: 6 read, 0 created, 0 updated, 5 unchanged, 1 rejected" in out
    assert "Writing" not in err
    assert list(FundingCall.objects.values_list("identifier", "updated_at", "content_hash")) == before


@pytest.mark.django_db
def test_a_dry_run_says_so_and_writes_nothing(tmp_path):
    path = tmp_path / "topics.jsonl"
    path.write_bytes(fixture_bytes())
    out, _err = run(str(path), "--dry-run")
    assert "5 created" in out and "Dry run: nothing was written." in out
    assert not FundingCall.objects.exists()


@pytest.mark.django_db
def test_a_warning_goes_to_stderr(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"topicId": "TEST-2026-W-01", "title": "T", "deadline": "2026-10-01", "deadlineModel": "rolling"}')
    out, err = run(str(path))
    assert "1 created" in out
    assert "Warning: Topic 1 (TEST-2026-W-01): unknown deadline model 'rolling', taken as single-stage" in err


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"topicId;title\n", r"topics\.csv: The file is not valid JSON at character 0 \(line 1, column 1\)"),
        (
            b'{"topicId": "A"}\n{"topicId": "B"',
            r"topics\.csv: The file is not valid JSON at character 32 \(line 2, column 16\)",
        ),
        (b"\x1f\x8b\x08\x00garbage", r"topics\.csv: The gzip file is damaged"),
        (b"", r"topics\.csv: The file contains no topics\."),
    ],
)
def test_a_file_that_is_not_topic_json_stops_with_a_clear_message_and_writes_nothing(tmp_path, content, message):
    path = tmp_path / "topics.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not FundingCall.objects.exists()


def test_a_missing_or_unreadable_file_stops_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match=r"No such file: .*absent\.jsonl"):
        run(str(tmp_path / "absent.jsonl"))
    with pytest.raises(CommandError, match=r"Cannot read .*: Is a directory"):
        run(str(tmp_path))


@pytest.mark.parametrize(("name", "content"), [("absent.jsonl", None), ("bad.jsonl", b"{not json")])
def test_the_exit_code_is_1_for_a_bad_file(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    env = {**os.environ, "KP_ALLOW_DEV_SECRET": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    result = subprocess.run(
        [sys.executable, "-m", "klusterplattform", "import_funding_calls", str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "CommandError: " in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr
