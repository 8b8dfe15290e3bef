"""The feedback form, built from the questions in feedback.py by the questionnaire engine."""

from klusterplattform.core.questionnaire import form_class

from .feedback import QUESTIONS


def feedback_form(*args, **kwargs):
    """A new form class per call: the questions' labels are picked in the language active now."""
    return form_class(QUESTIONS)(*args, **kwargs)
