"""Domain rules and calculations: no Qt, no database session, no ReportLab."""
