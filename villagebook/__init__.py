"""VillageBook (村务记事本): an offline record keeper for village Party branches."""

__version__ = "0.2.0"
APP_NAME = "VillageBook"
APP_NAME_ZH = "村务记事本"
