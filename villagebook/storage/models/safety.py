"""Tables for the safety capability (filled in by its issue)."""
