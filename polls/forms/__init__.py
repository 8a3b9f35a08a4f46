"""Forms of the Rundfragen: asking (with a formset of questions), answering, reopening."""

from .answer import AnswerForm
from .poll import PollForm, QuestionFormSet, ReopenForm, question_formset

__all__ = ["AnswerForm", "PollForm", "QuestionFormSet", "ReopenForm", "question_formset"]
