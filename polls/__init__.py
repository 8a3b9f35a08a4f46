"""Rundfragen: quick polls among the members (questions, one answer per administration, results)."""
