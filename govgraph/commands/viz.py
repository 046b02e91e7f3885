"""Placeholder: the viz command lands here."""
