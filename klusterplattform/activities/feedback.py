"""Feedback after an activity (owned by the feedback work; this is the interface the activity page calls).

`results(activity)` returns what officers see on the activity page, or None when there is nothing to show.
"""


def results(activity):
    return None
