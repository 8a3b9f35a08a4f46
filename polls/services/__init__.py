"""Writes of Rundfragen: asking and changing a Rundfrage, its moderation, and answers."""

from .answers import AnswerConflict, ItemData, answer_save
from .polls import (
    QuestionData,
    poll_close,
    poll_create,
    poll_hide,
    poll_reopen,
    poll_unhide,
    poll_update,
)

__all__ = [
    "AnswerConflict", "ItemData", "QuestionData", "answer_save", "poll_close", "poll_create",
    "poll_hide", "poll_reopen", "poll_unhide", "poll_update",
]
