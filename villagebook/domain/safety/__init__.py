"""Safety: backups, the audit trail, the one-writer folder lock and the app lock (pure parts)."""
