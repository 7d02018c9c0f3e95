"""The Windows payload's ``sqlite3``: SQLCipher's build of SQLite under the standard name.

VillageBook's Windows installer ships one SQLite, the one in sqlcipher3 (which the app needs
for encrypted data anyway).  Opened without a key, SQLCipher reads and writes plain SQLite
files like the standard module does, so the embeddable CPython's own copy (sqlite3.dll,
_sqlite3.pyd and the sqlite3 package of python313.zip) is left out and this package stands
in for it (packaging/payload.py, ``replace_sqlite``): ``import sqlite3`` and
``from sqlite3 import dbapi2`` (SQLAlchemy's pysqlite dialect) both give
``sqlcipher3.dbapi2``.  Not used outside the Windows payload.
"""

import sys

from sqlcipher3 import dbapi2
from sqlcipher3.dbapi2 import *  # noqa: F403

sys.modules[__name__ + ".dbapi2"] = dbapi2
