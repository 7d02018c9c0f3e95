"""Tables for the meetings capability (filled in by its issue)."""
