"""Knowledge articles: the start page with its filter, the article page with "Wer kann
helfen?", the Markdown editor, archiving, and the revisions (history, diff, restore)."""
