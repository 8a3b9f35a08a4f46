"""The categories (shelves) of the knowledge base, maintained by the coordination office."""
