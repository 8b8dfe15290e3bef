"""Two cluster managers ask for the last seat at the same moment: exactly one gets it, the other lands on the waiting
list — with two real threads and two real database connections, on SQLite and on PostgreSQL.

How the threads meet: both wait at a Barrier and then call `register` at once; the one that gets the lock first is
slowed down right after counting the seats (a short sleep in `seats`), which gives the other every chance to count the
same free seat if the lock did not serialise them. Checked by hand that the test catches a missing lock: with
`_lock` turned into a plain `get`, both threads confirm on PostgreSQL and, with DEFERRED transactions, on SQLite.

SQLite: pytest-django runs SQLite tests against an in-memory database in shared-cache mode, where a second writer
gets "database table is locked" at once instead of waiting (shared-cache locks are not retried by the busy
timeout), so it cannot show how the application behaves with its real, file-based database. On SQLite the test
therefore copies the test database into a temporary file with SQLite's backup API and points the threads'
connections at that file for the duration of the test (`connections.settings`, from which each new thread's
connection is made); the main thread keeps its in-memory connection. On PostgreSQL the threads use the test
database as it is. `transaction=True`: the threads' connections must see the committed data.
"""

import os
import sqlite3
import tempfile
import threading
import time

import pytest
from django.db import connection, connections

from klusterplattform.activities import registrations
from klusterplattform.activities.models import Registration

from .activities_world import build_world, make_activity


def _in_thread(target, *args) -> object:
    """Run target(*args) in a new thread with its own connection, closed at the end; return its result."""
    box = {}

    def run():
        try:
            box["result"] = target(*args)
        except Exception as error:  # handed to the main thread
            box["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    if "error" in box:
        raise box["error"]
    return box.get("result")


@pytest.fixture(params=["IMMEDIATE", "DEFERRED"])
def threads_database(request, last_seat):
    """Where the threads' connections go: a file copy of the in-memory SQLite test database, or PostgreSQL as is.
    The copy is made after `last_seat` has written its data (what is written later would not reach the file).

    On SQLite the test runs twice: with the settings' BEGIN IMMEDIATE, and with DEFERRED transactions, where only
    the no-op write in `registrations._lock` takes the write lock before the seats are counted."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        if request.param != "IMMEDIATE":
            pytest.skip("the transaction mode is a SQLite setting")
        yield last_seat
        return
    handle, path = tempfile.mkstemp(suffix=".sqlite3")
    os.close(handle)
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    settings_dict = connections.settings["default"]
    original_name, original_options = settings_dict["NAME"], settings_dict["OPTIONS"]
    settings_dict["NAME"] = path
    settings_dict["OPTIONS"] = {**original_options, "transaction_mode": request.param}
    try:
        yield last_seat
    finally:
        settings_dict["NAME"], settings_dict["OPTIONS"] = original_name, original_options
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


@pytest.fixture
def last_seat(transactional_db):
    world = build_world("conc")
    activity = make_activity(world.programme, capacity=3)
    # Two seats are already taken: one is left.
    registrations.register(activity, world.own, [("A", "a@example.org"), ("B", "b@example.org")], by=world.officer)
    return world, activity


def test_two_registrations_for_the_last_seat_give_exactly_one_seat(threads_database, monkeypatch):
    world, activity = threads_database
    barrier = threading.Barrier(2)
    counted = registrations.seats

    def slow_seats(activity_):
        result = counted(activity_)
        time.sleep(0.3)  # hold the lock a while after counting: a second counter would see the same free seat
        return result

    monkeypatch.setattr(registrations, "seats", slow_seats)

    def ask(cluster, manager, email):
        barrier.wait(timeout=10)
        (registration,) = registrations.register(activity, cluster, [("Someone", email)], by=manager)
        return registration.status

    results = {}
    workers = [
        threading.Thread(target=lambda: results.update(own=_safe(ask, world.own, world.manager, "own@example.org"))),
        threading.Thread(
            target=lambda: results.update(other=_safe(ask, world.other, world.other_manager, "other@example.org"))
        ),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)

    assert sorted(results.values()) == ["confirmed", "waiting"], results
    statuses = _in_thread(
        lambda: sorted(Registration.objects.filter(activity=activity).values_list("status", flat=True))
    )
    assert statuses == ["confirmed", "confirmed", "confirmed", "waiting"]


def test_a_cancellation_and_a_registration_at_once_keep_the_capacity(threads_database):
    world, activity = threads_database
    barrier = threading.Barrier(2)
    holder = Registration.objects.get(activity=activity, email="a@example.org")  # A and B hold two of three seats

    def register_two():
        barrier.wait(timeout=10)
        return [
            r.status
            for r in registrations.register(
                activity, world.other, [("C", "c@example.org"), ("D", "d@example.org")], by=world.other_manager
            )
        ]

    def cancel_one():
        barrier.wait(timeout=10)
        return registrations.cancel(holder, by=world.manager)

    results = {}
    workers = [
        threading.Thread(target=lambda: results.update(register=_safe(register_two))),
        threading.Thread(target=lambda: results.update(cancel=_safe(cancel_one))),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert not any(isinstance(value, Exception) for value in results.values()), results

    rows = _in_thread(lambda: list(Registration.objects.filter(activity=activity).values_list("email", "status")))
    by_status = {}
    for email, status in rows:
        by_status.setdefault(status, set()).add(email)
    # B plus C and D: three seats, nobody waiting, whichever transaction came first.
    assert by_status["confirmed"] == {"b@example.org", "c@example.org", "d@example.org"}
    assert by_status["cancelled"] == {"a@example.org"}
    assert "waiting" not in by_status


def _safe(fn, *args):
    try:
        return fn(*args)
    except Exception as error:
        return error
    finally:
        connections.close_all()
