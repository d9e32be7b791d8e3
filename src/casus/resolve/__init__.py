"""Resolve: from mentions to coded events (places, sides, types, reconciled tolls)."""
