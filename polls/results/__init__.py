"""Results of a Rundfrage: the results page with its summaries and table, the exports,
the asker's summary (and its public page), and the knowledge article made from them.

Everything reads FINAL answers of the audience only; drafts never count.
"""
