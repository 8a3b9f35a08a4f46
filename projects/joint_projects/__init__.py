"""Joint projects of the network: a lead administration, participants, milestones,
documents (member staff only), and links to topics, a working group and its decisions."""
