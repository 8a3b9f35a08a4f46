"""Follow, in-app notifications and e-mail digests."""
