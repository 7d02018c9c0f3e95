"""The installation identity (本安装的签名证书): a key pair and a self-signed certificate
naming the branch, made with ``cryptography`` the first time a PDF is finished.

- The certificate names the branch: ``O``/``CN`` the branch, ``L`` the township, ``ST`` the
  county, ``serialNumber`` the installation ID (a UUID made once).  Its fingerprint is the
  SHA-256 of the public key, so a certificate reissued after the branch is renamed keeps it.
- The private key never leaves the data folder: it is kept in the database (so every backup
  and restore carries it, consistent with the app lock of the same snapshot), sealed with the
  app-lock password when one is set (Argon2id + AES-GCM), and never written to the audit log
  (see :mod:`villagebook.storage.models.proof`).
- The trust list holds other installations' certificates (a township imports its
  branches'); ``verify`` names a signer as this installation, trusted, or unknown.

The app lock (:mod:`.applock`) is used only through its own functions; :class:`SafetyApi`
calls :meth:`IdentityApi.unlock` when a password is checked and :meth:`IdentityApi.reseal`
when the password is set or removed, so the key is always sealed with the current password.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from villagebook.domain.common.errors import InputError, NotFoundError, StorageError, UserError
from villagebook.domain.common.i18n import _
from villagebook.domain.proof.values import IdentityInfo, TrustedInfo
from villagebook.services.capability import BookCore, Capability
from villagebook.services.proof.signing import Signer
from villagebook.services.roster.queries import first_branch, get_branch
from villagebook.services.safety import applock
from villagebook.storage.models import Branch
from villagebook.storage.models.proof import (
    InstallationIdentity,
    InstallationKey,
    TrustedCertificate,
)

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

KEY_BITS = 3072
#: Argon2id cost for sealing the key: about a quarter second on an old laptop, once a session.
ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
OU = "VillageBook"


class IdentityLocked(UserError):
    """The signing key is sealed with the app-lock password, which this session lacks."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or _("本安装的签名密钥受程序锁密码保护：请先输入程序锁密码，然后再生成报表。")
        )


# --- certificates ------------------------------------------------------------------------


def fingerprint_of(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's public key (SubjectPublicKeyInfo, DER), in hex."""
    from cryptography.hazmat.primitives import serialization

    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()


def _key_fingerprint(key: RSAPrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    spki = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).hexdigest()


def _attribute(certificate: x509.Certificate, oid: Any) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def identity_of(certificate: x509.Certificate, **extra: Any) -> IdentityInfo:
    """What a certificate says about the installation that holds its key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    pem = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return IdentityInfo(
        fingerprint=fingerprint_of(certificate),
        installation_id=_attribute(certificate, NameOID.SERIAL_NUMBER),
        branch_name=_attribute(certificate, NameOID.ORGANIZATION_NAME)
        or _attribute(certificate, NameOID.COMMON_NAME),
        township=_attribute(certificate, NameOID.LOCALITY_NAME),
        county=_attribute(certificate, NameOID.STATE_OR_PROVINCE_NAME),
        certificate_pem=pem,
        **extra,
    )


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes; refused with a message when it is neither."""
    from cryptography import x509

    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise InputError.single("certificate", _("证书"), _("不是有效的证书文件")) from exc


def _name(branch: Branch, installation_id: str) -> x509.Name:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    parts = [(NameOID.COUNTRY_NAME, "CN")]
    if branch.county.strip():
        parts.append((NameOID.STATE_OR_PROVINCE_NAME, branch.county.strip()))
    if branch.township.strip():
        parts.append((NameOID.LOCALITY_NAME, branch.township.strip()))
    parts += [
        (NameOID.ORGANIZATION_NAME, branch.name.strip()),
        (NameOID.ORGANIZATIONAL_UNIT_NAME, OU),
        (NameOID.SERIAL_NUMBER, installation_id),
        (NameOID.COMMON_NAME, branch.name.strip()),
    ]
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in parts])


def make_certificate(
    key: RSAPrivateKey, branch: Branch, installation_id: str, now: dt.datetime
) -> x509.Certificate:
    """A self-signed certificate for signing documents, naming ``branch``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    name = _name(branch, installation_id)
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        # RFC 5280 4.1.2.5: no well-defined expiration date
        .not_valid_after(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def new_key() -> RSAPrivateKey:
    """A new RSA key pair (3072 bits: about half a second, once per installation)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)


#: The real key maker (tests hand out keys made once per test process instead).
KEY_MAKER = new_key


# --- sealing the private key ----------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(der: bytes, password: str | None) -> str:
    """The PKCS#8 key as stored: plain, or sealed with ``password`` (Argon2id + AES-GCM)."""
    if password is None:
        return json.dumps({"v": 1, "kdf": "none", "key": _b64(der)})
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    secret = hash_secret_raw(password.encode("utf-8"), salt, hash_len=32, type=Type.ID, **ARGON2)
    sealed = AESGCM(secret).encrypt(nonce, der, b"villagebook-installation-key")
    return json.dumps(
        {
            "v": 1,
            "kdf": "argon2id",
            **ARGON2,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "key": _b64(sealed),
        }
    )


def unseal(stored: str, password: str | None) -> bytes | None:
    """The PKCS#8 key, or None when ``password`` does not open it."""
    blob = json.loads(stored)
    data = base64.b64decode(blob["key"])
    if blob["kdf"] == "none":
        return data
    if password is None:
        return None
    from argon2.low_level import Type, hash_secret_raw
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    secret = hash_secret_raw(
        password.encode("utf-8"),
        base64.b64decode(blob["salt"]),
        hash_len=32,
        type=Type.ID,
        time_cost=int(blob["time_cost"]),
        memory_cost=int(blob["memory_cost"]),
        parallelism=int(blob["parallelism"]),
    )
    try:
        return AESGCM(secret).decrypt(
            base64.b64decode(blob["nonce"]), data, b"villagebook-installation-key"
        )
    except InvalidTag:
        return None


def _der(key: RSAPrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_der(der: bytes) -> RSAPrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    # The DER comes out of our own AES-GCM seal (authenticated: a changed byte fails the tag)
    # and the caller compares the key's fingerprint with the certificate's, so OpenSSL's
    # RSA consistency check (about 0.2 s for 3,072 bits, on every command) proves nothing more.
    key = serialization.load_der_private_key(
        der, password=None, unsafe_skip_rsa_key_validation=True
    )
    assert isinstance(key, RSAPrivateKey)
    return key


# --- the identity in the database -------------------------------------------------------------


def _row(session: Session) -> InstallationIdentity | None:
    return session.exec(
        select(InstallationIdentity).order_by(col(InstallationIdentity.created_at)).limit(1)
    ).first()


def _info(row: InstallationIdentity, key: InstallationKey | None) -> IdentityInfo:
    return IdentityInfo(
        fingerprint=row.fingerprint,
        installation_id=row.installation_id,
        branch_name=row.branch_name,
        township=row.township,
        county=row.county,
        created_at=row.created_at,
        protected=bool(key and key.protected),
        certificate_pem=row.certificate,
    )


def _trusted_info(row: TrustedCertificate) -> TrustedInfo:
    return TrustedInfo(
        IdentityInfo(
            fingerprint=row.fingerprint,
            installation_id=row.installation_id,
            branch_name=row.branch_name,
            township=row.township,
            county=row.county,
            certificate_pem=row.certificate,
        ),
        added_at=row.created_at,
        added_by=row.created_by,
    )


class IdentityApi(Capability):
    """This installation's identity, its trust list, and the key that signs every PDF."""

    def __init__(self, core: BookCore) -> None:
        super().__init__(core)
        #: The app-lock password this session was unlocked with (seals a new key).
        self._password: str | None = None
        self._keys: dict[str, RSAPrivateKey] = {}

    # --- what it shows -----------------------------------------------------------------------

    def show(self) -> IdentityInfo | None:
        """This installation's identity, or None before the first PDF was finished."""
        with self.core.reading() as session:
            row = _row(session)
            return (
                None if row is None else _info(row, session.get(InstallationKey, row.fingerprint))
            )

    def ensure(self, branch_id: uuid.UUID | None = None) -> IdentityInfo:
        """The identity, created now (naming the branch) if there is none yet."""
        return self.signer(branch_id).identity

    def certificate_pem(self) -> str:
        return self.ensure().certificate_pem

    def export_certificate(self, path: Path) -> Path:
        """Write the certificate (PEM) to ``path``, for the township's trust list."""
        pem = self.certificate_pem()
        try:
            path.write_text(pem, encoding="ascii")
        except OSError as exc:
            raise StorageError(
                _("无法写入“{path}”：{reason}", path=path, reason=exc.strerror or exc)
            ) from exc
        return path

    # --- the trust list ----------------------------------------------------------------------

    def trusted(self) -> list[TrustedInfo]:
        """The certificates of other installations this one trusts, by branch name."""
        with self.core.reading() as session:
            rows = session.exec(
                select(TrustedCertificate).order_by(col(TrustedCertificate.branch_name))
            ).all()
            return [_trusted_info(r) for r in rows]

    def read_certificate(self, path: Path) -> IdentityInfo:
        """What a certificate file says (to show its fingerprint before trusting it)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError.single(
                "certificate",
                _("证书"),
                _("无法读取“{path}”：{reason}", path=path, reason=exc.strerror or exc),
            ) from exc
        return identity_of(load_certificate(data))

    def trust(self, path: Path) -> TrustedInfo:
        """Add the certificate in ``path`` to the trust list (信任列表)."""
        info = self.read_certificate(path)
        with self.core.transaction(_("信任证书：{branch}", branch=info.branch_name)) as session:
            return trust_in(session, info)

    def untrust(self, fingerprint: str) -> TrustedInfo:
        """Remove a certificate from the trust list (undoable); returns what was removed."""
        with self.core.transaction(_("移出信任列表")) as session:
            row = session.exec(
                select(TrustedCertificate).where(TrustedCertificate.fingerprint == fingerprint)
            ).first()
            if row is None:
                raise NotFoundError(
                    _("信任列表中没有这个证书：{fingerprint}", fingerprint=fingerprint)
                )
            removed = _trusted_info(row)
            session.delete(row)
            return removed

    def known(self) -> dict[str, str]:
        """Fingerprint → ``self`` or ``trusted``: the signers ``verify`` accepts."""
        with self.core.reading() as session:
            found = {r.fingerprint: "trusted" for r in session.exec(select(TrustedCertificate))}
            for row in session.exec(select(InstallationIdentity)):
                found[row.fingerprint] = "self"
            return found

    # --- the key -------------------------------------------------------------------------------

    def needs_password(self) -> bool:
        """True when signing would need the app-lock password this session does not have."""
        with self.core.reading() as session:
            row = _row(session)
            if row is None:
                return applock.is_enabled(session) and self._password is None
            key = session.get(InstallationKey, row.fingerprint)
            return bool(key and key.protected and row.fingerprint not in self._keys)

    def key_locked(self) -> bool:
        """True when the key exists, is sealed with the app-lock password and is not open
        in this session (changing the app lock then needs the current password)."""
        with self.core.reading() as session:
            row = _row(session)
            if row is None:
                return False
            key = session.get(InstallationKey, row.fingerprint)
            return bool(key and key.protected and row.fingerprint not in self._keys)

    def signer(self, branch_id: uuid.UUID | None = None) -> Signer:
        """The key and certificate that sign PDFs; made on first use (naming the branch of
        ``branch_id`` or the first branch), reissued when the branch's details changed."""
        from cryptography import x509

        with self.core.reading() as session:
            row = _row(session)
            if row is not None:
                key = self._key(session, row)
                branch = first_branch(session)
                if branch is None or _names_branch(row, branch):
                    certificate = x509.load_pem_x509_certificate(row.certificate.encode())
                    return Signer(
                        key, certificate, _info(row, session.get(InstallationKey, row.fingerprint))
                    )
        if row is None:
            return self._create(branch_id)
        return self._reissue(key)

    def _key(self, session: Session, row: InstallationIdentity) -> RSAPrivateKey:
        if row.fingerprint in self._keys:
            return self._keys[row.fingerprint]
        stored = session.get(InstallationKey, row.fingerprint)
        if stored is None:
            raise StorageError(_("本安装的签名密钥不见了：数据文件夹可能被改动过"))
        der = unseal(stored.sealed, self._password)
        if der is None:
            raise IdentityLocked()
        key = _load_der(der)
        if _key_fingerprint(key) != row.fingerprint:
            raise StorageError(_("签名密钥与本安装的证书不符：数据文件夹可能被改动过"))
        self._keys[row.fingerprint] = key
        return key

    def _create(self, branch_id: uuid.UUID | None) -> Signer:
        with self.core.transaction(_("创建本安装的签名证书"), keep_history=True) as session:
            branch = get_branch(session, branch_id) if branch_id else first_branch(session)
            if branch is None:
                raise InputError.single(
                    "branch", _("支部"), _("数据文件夹中还没有支部，请先导入或运行 demo")
                )
            protected = applock.is_enabled(session)
            if protected and self._password is None:
                raise IdentityLocked()
            key = new_key()
            certificate = make_certificate(key, branch, str(uuid.uuid4()), dt.datetime.now(dt.UTC))
            row = _identity_row(certificate, branch)
            session.add(row)
            session.add(
                InstallationKey(
                    fingerprint=row.fingerprint,
                    sealed=seal(_der(key), self._password if protected else None),
                    protected=protected,
                )
            )
            session.flush()
            info = _info(row, None)
        self._keys[info.fingerprint] = key
        return Signer(key, certificate, _replace_protected(info, protected))

    def _reissue(self, key: RSAPrivateKey) -> Signer:
        """A new certificate for the same key, naming the branch as it is now."""
        with self.core.transaction(_("更新本安装的签名证书"), keep_history=True) as session:
            row = _row(session)
            branch = first_branch(session)
            assert row is not None and branch is not None
            old = identity_of(_pem_certificate(row.certificate))
            certificate = make_certificate(
                key, branch, old.installation_id, dt.datetime.now(dt.UTC)
            )
            fresh = _identity_row(certificate, branch)
            row.certificate = fresh.certificate
            row.branch_name, row.township, row.county = (
                fresh.branch_name,
                fresh.township,
                fresh.county,
            )
            session.add(row)
            session.flush()
            info = _info(row, session.get(InstallationKey, row.fingerprint))
        return Signer(key, certificate, info)

    # --- the app lock's hooks -------------------------------------------------------------------

    def unlock(self, password: str) -> None:
        """Remember the app-lock password just checked, and open the key with it."""
        self._password = password
        with self.core.reading() as session:
            row = _row(session)
            if row is not None:
                # a key sealed with an earlier password stays locked
                with contextlib.suppress(IdentityLocked):
                    self._key(session, row)

    def reseal(self, session: Session, password: str | None) -> None:
        """Seal the key with the app lock's new ``password`` (None: the lock is removed).

        Called inside the transaction that changes the app lock, so both change together.
        """
        row = _row(session)
        if row is not None:
            key = self._key(session, row)
            stored = session.get(InstallationKey, row.fingerprint)
            assert stored is not None
            stored.sealed = seal(_der(key), password)
            stored.protected = password is not None
            stored.updated_at = dt.datetime.now(dt.UTC)
            session.add(stored)
            session.flush()
        self._password = password


def trust_in(session: Session, info: IdentityInfo) -> TrustedInfo:
    """Add (or refresh) ``info``'s certificate in the trust list, in ``session``'s
    transaction (a township trusting a branch as it merges the branch's first bundle)."""
    own = _row(session)
    if own is not None and own.fingerprint == info.fingerprint:
        raise InputError.single(
            "certificate", _("证书"), _("这是本安装自己的证书，无需加入信任列表")
        )
    existing = session.exec(
        select(TrustedCertificate).where(TrustedCertificate.fingerprint == info.fingerprint)
    ).first()
    row = existing or TrustedCertificate(fingerprint=info.fingerprint, certificate="")
    row.certificate = info.certificate_pem
    row.installation_id = info.installation_id
    row.branch_name = info.branch_name
    row.township = info.township
    row.county = info.county
    session.add(row)
    session.flush()
    return _trusted_info(row)


def _pem_certificate(pem: str) -> x509.Certificate:
    from cryptography import x509

    return x509.load_pem_x509_certificate(pem.encode("ascii"))


def _identity_row(certificate: x509.Certificate, branch: Branch) -> InstallationIdentity:
    info = identity_of(certificate)
    return InstallationIdentity(
        installation_id=info.installation_id,
        fingerprint=info.fingerprint,
        certificate=info.certificate_pem,
        branch_name=branch.name.strip(),
        township=branch.township.strip(),
        county=branch.county.strip(),
    )


def _names_branch(row: InstallationIdentity, branch: Branch) -> bool:
    return (row.branch_name, row.township, row.county) == (
        branch.name.strip(),
        branch.township.strip(),
        branch.county.strip(),
    )


def _replace_protected(info: IdentityInfo, protected: bool) -> IdentityInfo:
    from dataclasses import replace

    return replace(info, protected=protected)
