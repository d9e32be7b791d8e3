"""Readers: turn files and strings into ``casus.model.Document`` s.

Formats: plain text, scraped-mirror pages, MediaWiki wikitext, Markdown with YAML front
matter, HTML pages and JSON Lines feeds, each read by its module; ``decode`` is the one door
from bytes to text and ``detect`` picks the reader.
"""

from casus.ingest.detect import detect_format
from casus.ingest.read import read_file, read_paths, read_text

__all__ = ["detect_format", "read_file", "read_paths", "read_text"]
