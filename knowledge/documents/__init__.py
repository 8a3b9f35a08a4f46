"""Shared documents: list, page, upload, change, archive, and the permission-checked
download (the only way to a document's file)."""
