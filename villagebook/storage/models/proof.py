"""Tables of the PDF proof: the installation identity, its key, the trust list, the issued
reports.

- ``installation_identity``: the installation's self-signed certificate (public) and the
  branch it names; audited like every row.
- ``installation_key``: the private key, sealed with the app-lock password when one is set.
  It is deliberately **not a** :class:`Row` **and has no** ``id`` **column**, so the audit log
  (which logs the tables with an ``id``) never copies it: the log keeps every old value for
  ever, and a key sealed later by a password must not stay readable in an old entry.  Its
  certificate row is audited, and the key is checked against it whenever it is loaded.
- ``trusted_certificate``: certificates of other installations this one trusts (a township
  imports its branches' certificates).
- ``issued_report``: one row per PDF VillageBook finished (report ID, kind, period, digests,
  who and when): the audit log's entry for printing.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import Field, SQLModel

from villagebook.storage.models.base import Row, utcnow


class InstallationIdentity(Row, table=True):
    """This installation's certificate: key fingerprint, the branch it names."""

    __tablename__ = "installation_identity"

    installation_id: str = Field(max_length=40)
    #: SHA-256 of the public key (SubjectPublicKeyInfo, DER), 64 hex digits.
    fingerprint: str = Field(max_length=64, index=True, unique=True)
    #: The self-signed certificate, PEM.
    certificate: str = Field(max_length=8000)
    branch_name: str = Field(default="", max_length=100)
    township: str = Field(default="", max_length=100)
    county: str = Field(default="", max_length=100)


class InstallationKey(SQLModel, table=True):
    """The private key of :class:`InstallationIdentity` ``fingerprint`` (not audited)."""

    __tablename__ = "installation_key"

    fingerprint: str = Field(primary_key=True, max_length=64)
    #: JSON: the PKCS#8 key, sealed (Argon2id + AES-GCM) when ``protected``.
    sealed: str = Field(max_length=20000)
    protected: bool = False
    updated_at: dt.datetime = Field(default_factory=utcnow)


class TrustedCertificate(Row, table=True):
    """Another installation's certificate, trusted by this one (信任列表)."""

    __tablename__ = "trusted_certificate"

    fingerprint: str = Field(max_length=64, index=True, unique=True)
    certificate: str = Field(max_length=8000)
    installation_id: str = Field(default="", max_length=40)
    branch_name: str = Field(default="", max_length=100)
    township: str = Field(default="", max_length=100)
    county: str = Field(default="", max_length=100)


class IssuedReport(Row, table=True):
    """One finished PDF: what it is and its digests (who and when are the row's stamps)."""

    __tablename__ = "issued_report"

    branch_id: uuid.UUID = Field(foreign_key="branch.id", index=True)
    report_id: str = Field(max_length=40, index=True)
    kind: str = Field(max_length=40)
    title: str = Field(default="", max_length=200)
    period: str = Field(default="", max_length=100)
    subject_id: str = Field(default="", max_length=40)
    generated_at: dt.datetime
    pages: int = 0
    #: SHA-256 of the embedded records (the digest printed on every page).
    records_sha256: str = Field(max_length=64)
    #: SHA-256 of the signed file as handed out.
    pdf_sha256: str = Field(max_length=64)
    #: The key that signed it.
    signer_fingerprint: str = Field(default="", max_length=64)
