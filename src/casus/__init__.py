"""casus: conflict events from text."""
__version__ = "0.1.0"
