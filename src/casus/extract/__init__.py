"""Extraction: from a document's clean text to mentions, claims and incidents."""
