"""Use cases: a rule check and a storage change in one transaction (what UI and CLI call)."""
