"""Safety in the window: restore, back up to a folder, record history, the app lock."""
