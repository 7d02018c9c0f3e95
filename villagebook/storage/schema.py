"""The schema revision this code expects (a test checks it equals the Alembic head).

Kept as a constant so opening an up-to-date database needs no Alembic import.
"""

SCHEMA_HEAD = "0011_township"
