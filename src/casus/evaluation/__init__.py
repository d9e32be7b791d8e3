"""Measuring casus against coded datasets (``casus eval``)."""
