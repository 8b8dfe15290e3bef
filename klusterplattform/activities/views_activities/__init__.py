"""Pages of activities: the list and detail (pages.py), documents (documents.py), registrations and attendance
(registrations.py). Routes: urls_activities.py."""
