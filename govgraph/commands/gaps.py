"""Placeholder: the gaps command lands here."""
