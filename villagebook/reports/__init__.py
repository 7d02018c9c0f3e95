"""Reports: gather data as plain objects, then lay them out with ReportLab (no Qt)."""
