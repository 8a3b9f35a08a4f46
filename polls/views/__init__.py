"""Pages of the Rundfragen: list, asking and changing, the Rundfrage with its answer form,
closing, reopening and moderation."""
