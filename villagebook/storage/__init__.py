"""Storage: the engine, tables, migrations and backups; the only place that opens a session."""
