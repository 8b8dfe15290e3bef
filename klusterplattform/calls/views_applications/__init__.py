"""The application pages: starting and editing an application, its page with history and transitions, invited
editors, the regions' endorsements and the officers' list of a call's applications."""
