"""Sachstandserhebungen: the coordination office opens a round, every member confirms or
updates its statuses in scope, closing freezes them as snapshots that the next round is
compared with; reminders go to the members that have not answered yet."""
