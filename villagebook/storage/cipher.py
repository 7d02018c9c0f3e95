"""Encryption at rest (加密存储): the data key, its key file, and every database connection.

While the app lock is on, the database and its backups are SQLCipher 4 files (AES-256,
through the maintained ``sqlcipher3`` binding, which ships Windows and Linux wheels) and
exports are sealed envelopes (AES-256-GCM, ``cryptography``).  They are all encrypted with
one random 256-bit **data key**; ``villagebook.keys`` in the data folder keeps that key
*wrapped* (AES-256-GCM) twice:

* by the app lock password (through Argon2id: slow to guess), and
* by the **recovery key**, 32 random base32 characters printed once for the township's safe.

Either opens the data; changing the password re-wraps the data key and re-encrypts
nothing.  The data key lives only in this process's memory (:func:`remember`) once the
folder is unlocked; every connection in ``storage`` goes through :func:`connect` or
:func:`create_engine`, which use it for an encrypted file and plain SQLite otherwise.

What this does not do: it cannot scrub plain copies made before the lock was set (old USB
backups, ``replaced-*`` and ``damaged-*`` folders, deleted blocks on the disk); the page on
reliability says so.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from villagebook.domain.safety.errors import PasswordRequired

__all__ = ["PasswordRequired", "connect", "create_engine", "is_encrypted", "remember"]
from villagebook.domain.common.i18n import _

KEYS_FILENAME = "villagebook.keys"
#: Beside an encrypted backup snapshot: the key file as it was when it was taken.
SIDECAR_SUFFIX = ".keys"
KEYS_FORMAT = "villagebook-keys"
ENVELOPE_FORMAT = "villagebook-sealed"
PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
#: Argon2id for the password (a person's secret: slow to guess) ...
PASSWORD_KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
#: ... and for the recovery key (160 random bits: a light setting suffices).
RECOVERY_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


# --- which module, which errors ---------------------------------------------------------------


def _sqlcipher() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def error_types() -> tuple[type[Exception], ...]:
    """sqlite3.Error and SQLCipher's: catch both wherever storage catches database errors."""
    return (sqlite3.Error, _sqlcipher().Error)


def database_error_types() -> tuple[type[Exception], ...]:
    return (sqlite3.DatabaseError, _sqlcipher().DatabaseError)


def operational_error_types() -> tuple[type[Exception], ...]:
    return (sqlite3.OperationalError, _sqlcipher().OperationalError)


# --- the keys this process knows --------------------------------------------------------------

_KNOWN: dict[str, bytes] = {}  # key id -> data key


def key_id(key: bytes) -> str:
    """A name for a data key that does not reveal it."""
    return hmac.new(key, b"villagebook key id", hashlib.sha256).hexdigest()[:16]


def remember(key: bytes) -> None:
    """Keep ``key`` for this process's connections to encrypted files."""
    _KNOWN[key_id(key)] = key


def forget_all() -> None:
    _KNOWN.clear()


def known_keys() -> list[bytes]:
    return list(_KNOWN.values())


def is_encrypted(path: Path) -> bool:
    """True when ``path`` is a non-empty file that is not plain SQLite (SQLCipher, or junk)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != PLAIN_HEADER


def _pragma_key(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _keyed(conn: Any, key: bytes) -> bool:
    conn.execute(_pragma_key(key))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except _sqlcipher().DatabaseError:
        return False
    return True


def key_for(path: Path) -> bytes | None:
    """The known data key that opens the encrypted file ``path`` (None if none does)."""
    if not _KNOWN:
        return None
    dbapi = _sqlcipher()
    for key in known_keys():
        conn = dbapi.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if _keyed(conn, key):
                return key
        finally:
            conn.close()
    return None


def locked_error(path: Path) -> PasswordRequired:
    return PasswordRequired(
        _(
            "数据文件 {name} 已加密（程序锁已开启），需要输入程序锁密码或恢复密钥才能打开。",
            name=path.name,
        )
    )


def _keys_nearby(file: Path) -> bool:
    """A key file says the data here is encrypted: the data folder's, a backup set's data
    folder's, or the one kept beside a snapshot."""
    name = file.name.removesuffix(".partial").removesuffix(".converting")
    candidates = (
        file.parent / KEYS_FILENAME,
        file.parent.parent / KEYS_FILENAME,
        file.with_name(name + SIDECAR_SUFFIX),
    )
    return any(c.is_file() for c in candidates)


def connect(target: Path | str, *, uri: bool = False, path: Path | None = None) -> Any:
    """A DB-API connection to a database file, plain or encrypted.

    ``target`` is a path, or (``uri=True``) a ``file:`` URI whose file is ``path``.  An
    encrypted file is opened with the known data key that fits.  When no key is known and a
    key file says the data is encrypted: PasswordRequired.  Otherwise the file is opened as
    plain SQLite (a damaged file then fails its integrity check, as before).
    """
    file = path if path is not None else Path(str(target))
    key = key_for(file) if is_encrypted(file) else None
    if key is None:
        if is_encrypted(file) and not _KNOWN and _keys_nearby(file):
            raise locked_error(file)
        return sqlite3.connect(str(target), uri=uri)
    conn = _sqlcipher().connect(str(target), uri=uri)
    conn.execute(_pragma_key(key))
    return conn


def row_factory(conn: Any) -> Any:
    """The ``Row`` class of ``conn``'s module (sqlite3 or SQLCipher)."""
    return sqlite3.Row if isinstance(conn, sqlite3.Connection) else _sqlcipher().Row


def connect_ro(path: Path, uri_text: str | None = None) -> Any:
    """A read-only DB-API connection (``uri_text``: the ``file:`` URI to use)."""
    return connect(uri_text or f"file:{path}?mode=ro", uri=True, path=path)


def sidecar_path(snapshot: Path) -> Path:
    return snapshot.with_name(snapshot.name + SIDECAR_SUFFIX)


def connect_like(source: Path, target: Path) -> Any:
    """A connection to a new file ``target`` encrypted as the file ``source`` is (the backup
    API copies pages: both sides need the same key)."""
    key = key_for(source) if is_encrypted(source) else None
    if key is None:
        return sqlite3.connect(target)
    conn = _sqlcipher().connect(str(target))
    conn.execute(_pragma_key(key))
    return conn


def keep_keys_beside(data_dir: Path, snapshot: Path) -> None:
    """Beside an encrypted snapshot, the key file it opens with (for another computer)."""
    keys = read_keys(data_dir)
    sidecar = sidecar_path(snapshot)
    if keys is None or not is_encrypted(snapshot):
        sidecar.unlink(missing_ok=True)
        return
    tmp = sidecar.with_name(sidecar.name + ".tmp")
    tmp.write_text(json.dumps(keys.to_json(), indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, sidecar)


def folder_key(data_dir: Path) -> bytes | None:
    """The data key of a locked data folder, if this process knows it."""
    keys = read_keys(data_dir)
    return _KNOWN.get(keys.key_id) if keys is not None else None


def match_folder(data_dir: Path) -> None:
    """After a restore: encrypt the database with the folder's data key, or decrypt it when
    the folder is not locked, so the folder and its database agree."""
    from villagebook import paths

    db = paths.database_path(data_dir)
    if not db.is_file():
        return
    keys = read_keys(data_dir)
    current = key_for(db) if is_encrypted(db) else None
    wanted = _KNOWN.get(keys.key_id) if keys is not None else None
    if keys is not None and wanted is None:
        raise locked_error(db)
    if current != wanted:
        convert_file(db, current, wanted)


def create_engine(path: Path, url: str | None = None, **kwargs: Any) -> sa.Engine:
    """An SQLAlchemy engine on the database file ``path`` (``url``: another URL for it, e.g.
    read-only): SQLCipher with the known key that fits an encrypted file, else plain."""
    url = url or f"sqlite:///{path}"
    key = key_for(path) if is_encrypted(path) else None
    if key is None:
        if is_encrypted(path) and not _KNOWN and _keys_nearby(path):
            raise locked_error(path)
        return sa.create_engine(url, **kwargs)
    engine = sa.create_engine(url, module=_sqlcipher(), **kwargs)
    pragma = _pragma_key(key)

    def _key(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(engine, "connect", _key, insert=True)  # before every other pragma
    return engine


# --- converting files -------------------------------------------------------------------------


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _converted(source: Path, key_from: bytes | None, key_to: bytes | None) -> Path:
    """``source`` rewritten beside it as ``<name>.converting`` with ``key_to`` (None: plain)."""
    target = source.with_name(source.name + ".converting")
    target.unlink(missing_ok=True)
    conn = _sqlcipher().connect(str(source))
    try:
        if key_from is not None:
            conn.execute(_pragma_key(key_from))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        secret = f"x'{key_to.hex()}'" if key_to is not None else ""
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), secret))
        conn.execute("SELECT sqlcipher_export('converted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    _sync(target)
    return target


def convert_file(path: Path, key_from: bytes | None, key_to: bytes | None) -> None:
    """Re-write a (closed) database file encrypted with ``key_to`` (None: plain), swapped in
    by rename: a crash leaves either the old or the new file, never half of one."""
    converted = _converted(path, key_from, key_to)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(converted, path)


# --- wrapping the data key --------------------------------------------------------------------


def _kek(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode("utf-8"), salt, hash_len=KEY_BYTES, type=Type.ID, **params)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aead(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def wrap(data_key: bytes, secret: str, kind: str) -> dict[str, Any]:
    """One key slot: ``data_key`` encrypted under a key derived from ``secret``."""
    params = PASSWORD_KDF if kind == "password" else RECOVERY_KDF
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapped = _aead(_kek(secret, salt, params)).encrypt(nonce, data_key, kind.encode())
    return {
        "kind": kind,
        "kdf": {"name": "argon2id", "salt": _b64(salt), **params},
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def unwrap(slot: dict[str, Any], secret: str) -> bytes | None:
    """The data key in ``slot`` if ``secret`` opens it, else None."""
    from cryptography.exceptions import InvalidTag

    try:
        kdf = slot["kdf"]
        params = {k: int(kdf[k]) for k in ("time_cost", "memory_cost", "parallelism")}
        kek = _kek(secret, _unb64(kdf["salt"]), params)
        return bytes(
            _aead(kek).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), slot["kind"].encode()
            )
        )
    except (InvalidTag, KeyError, TypeError, ValueError):
        return None


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_key() -> str:
    """32 characters in 8 groups of 4 (160 bits), easy to copy by hand: ``ABCD-EFGH-…``."""
    text = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(text[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """What the user typed, as the recovery key is written (case, spaces, hyphens)."""
    clean = "".join(c for c in text.upper() if c.isalnum())
    return "-".join(clean[i : i + 4] for i in range(0, len(clean), 4))


# --- the key file -----------------------------------------------------------------------------


@dataclass
class KeyFile:
    """``villagebook.keys``: the data key's id and its wrapped copies (no secret in clear)."""

    key_id: str
    slots: list[dict[str, Any]]
    #: ``locked``; ``locking`` / ``unlocking`` while files are being converted (a program
    #: stopped half-way finishes the job the next time the folder is unlocked).
    state: str = "locked"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": KEYS_FORMAT,
            "version": 1,
            "state": self.state,
            "key_id": self.key_id,
            "slots": self.slots,
        }

    @classmethod
    def from_json(cls, data: Any) -> KeyFile | None:
        if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT:
            return None
        slots = data.get("slots")
        if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
            return None
        return cls(str(data.get("key_id", "")), slots, str(data.get("state", "locked")))

    def open(self, secret: str) -> bytes | None:
        """The data key, opened with the password or the recovery key (None: neither)."""
        for slot in self.slots:
            text = normalise_recovery_key(secret) if slot.get("kind") == "recovery" else secret
            key = unwrap(slot, text)
            if key is not None and key_id(key) == self.key_id:
                return key
        return None

    def slot(self, kind: str) -> dict[str, Any] | None:
        return next((s for s in self.slots if s.get("kind") == kind), None)


def keys_path(data_dir: Path) -> Path:
    return data_dir / KEYS_FILENAME


def read_keys(data_dir: Path) -> KeyFile | None:
    try:
        return KeyFile.from_json(json.loads(keys_path(data_dir).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def write_keys(data_dir: Path, keys: KeyFile) -> None:
    path = keys_path(data_dir)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(keys.to_json(), indent=1) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def make_keys(password: str) -> tuple[bytes, KeyFile, str]:
    """A new data key, its key file (password and recovery slots) and the recovery key."""
    data_key = new_data_key()
    recovery = new_recovery_key()
    keys = KeyFile(
        key_id(data_key),
        [wrap(data_key, password, "password"), wrap(data_key, recovery, "recovery")],
    )
    return data_key, keys, recovery


# --- sealed files (exports) -------------------------------------------------------------------


def is_sealed(head: bytes) -> bool:
    return ENVELOPE_FORMAT.encode() in head[:200]


def seal_bytes(data: bytes, data_key: bytes, keys: KeyFile) -> bytes:
    """An envelope: ``data`` encrypted with the data key, with the key file's slots, so the
    password (as it was) or the recovery key opens it on any computer."""
    nonce = os.urandom(12)
    header = {"format": ENVELOPE_FORMAT, "version": 1, "key_id": keys.key_id}
    aad = json.dumps(header, sort_keys=True).encode()
    body = _aead(data_key).encrypt(nonce, data, aad)
    envelope = {**header, "slots": keys.slots, "nonce": _b64(nonce), "ciphertext": _b64(body)}
    return (json.dumps(envelope) + "\n").encode("ascii")


def open_sealed(raw: bytes, secret: str | None = None) -> bytes:
    """The contents of an envelope, with a known data key or ``secret`` (password or
    recovery key).  Refused with PasswordRequired when neither opens it."""
    from cryptography.exceptions import InvalidTag

    try:
        envelope = json.loads(raw.decode("ascii"))
        header = {k: envelope[k] for k in ("format", "version", "key_id")}
        nonce, body = _unb64(envelope["nonce"]), _unb64(envelope["ciphertext"])
        keys = KeyFile(str(envelope["key_id"]), list(envelope["slots"]))
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise PasswordRequired(_("加密文件已损坏，无法读取")) from exc
    candidates = [k for k in known_keys() if key_id(k) == keys.key_id]
    if secret:
        opened = keys.open(secret)
        if opened is not None:
            candidates.append(opened)
    aad = json.dumps(header, sort_keys=True).encode()
    for key in candidates:
        try:
            return bytes(_aead(key).decrypt(nonce, body, aad))
        except InvalidTag:
            continue
    raise PasswordRequired(
        _("文件已加密：需要导出时的程序锁密码或恢复密钥才能打开")
        if not secret
        else _("密码或恢复密钥不正确，无法打开加密文件")
    )


@contextmanager
def remembering(key: bytes | None) -> Iterator[None]:
    """Know ``key`` for the block (tests and one-off tools)."""
    before = dict(_KNOWN)
    if key is not None:
        remember(key)
    try:
        yield
    finally:
        _KNOWN.clear()
        _KNOWN.update(before)
