"""Tables for the deliberations capability (filled in by its issue)."""
