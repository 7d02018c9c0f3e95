"""Tables for the development capability (filled in by its issue)."""
