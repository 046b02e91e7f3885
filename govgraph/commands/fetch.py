"""Placeholder: the fetch command lands here."""
