"""One administration's status per topic or OZG service: editing it (optimistic locking,
so two editors never overwrite each other unseen), its history, the OZG statuses and
history page, and the summary counts every overview reads. status_save is the only writer
of statuses."""
