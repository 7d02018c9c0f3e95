"""The bundle file (数据包, ``.vbbundle``): one ZIP file, its manifest signed by the installation.

```
manifest.json    what the bundle is: branch, installation and certificate, schema version,
                 the range of changes it carries, and the SHA-256 and size of every part
manifest.sig     RSA PKCS#1 v1.5 SHA-256 signature of manifest.json by the installation key
records.json     (records) the changed records in the exchange format (version 1)
versions.json    (records) each record's version, digest, who changed it and when; deletions
attachments/<sha256>   (records) the attachment files the records name
receipt.json     (receipt) what the township received, its comments and rule set
```

Why a detached signature over the manifest with ``cryptography`` (and not CMS): the manifest
names the SHA-256 of every other part, so signing it signs the whole bundle; the signature
is the raw RSA signature ``openssl dgst -sha256 -verify`` checks with the certificate's
public key, so an auditor can verify a bundle with stock tools; the key and certificate are
the installation identity that signs the PDFs (docs/proof.md).

Reading refuses the whole file, with one plain message, when it is not a ZIP, truncated,
unsigned, signed by a key other than the certificate's, or when any part differs from the
manifest, is missing or is extra.  Nothing is written before a bundle has been read whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagebook import __version__
from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _
from villagebook.services.files import write_atomically

if TYPE_CHECKING:
    from villagebook.services.proof.signing import Signer

FORMAT = "villagebook-bundle"
VERSION = 1
SUFFIX = ".vbbundle"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
RECORDS = "records.json"
VERSIONS = "versions.json"
RECEIPT = "receipt.json"
ATTACHMENTS = "attachments/"
KINDS = ("records", "receipt")
#: Refuse files that would not fit in memory on an old laptop.
MAX_BYTES = 2 * 1024 * 1024 * 1024

Record = dict[str, Any]


class BundleRefused(InputError):
    """The bundle was refused whole; nothing was written."""

    def __init__(self, path: Path | str, reason: str) -> None:
        from villagebook.domain.common.errors import Problem

        self.path = str(path)
        self.reason = reason
        super().__init__([Problem("bundle", Path(str(path)).name, reason)])

    def __str__(self) -> str:
        return f"{Path(self.path).name}：{self.reason}"


def canonical(value: Any) -> bytes:
    """The canonical JSON bytes of ``value`` (sorted keys, no spaces, UTF-8)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def digest(value: Any) -> str:
    """SHA-256 of a record's canonical JSON: equal digests, equal contents."""
    return hashlib.sha256(canonical(value)).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Bundle:
    """A bundle read and verified, or about to be written."""

    manifest: Record
    parts: dict[str, bytes] = field(default_factory=dict)
    path: str = ""
    #: The certificate (PEM) in the manifest and what it says.
    certificate_pem: str = ""

    @property
    def kind(self) -> str:
        return str(self.manifest.get("kind", ""))

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def fingerprint(self) -> str:
        return str(self.manifest["installation"]["fingerprint"])

    def json_part(self, name: str) -> Any:
        return json.loads(self.parts[name].decode("utf-8"))

    def files(self) -> dict[str, bytes]:
        """Attachment files by SHA-256."""
        return {
            name[len(ATTACHMENTS) :]: data
            for name, data in self.parts.items()
            if name.startswith(ATTACHMENTS)
        }


def new_manifest(
    kind: str,
    signer: Signer,
    *,
    branch: Record,
    extra: Record,
) -> Record:
    identity = signer.identity
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "bundle_id": str(uuid.uuid4()),
        "created_at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "app_version": __version__,
        "branch": branch,
        "installation": {
            "installation_id": identity.installation_id,
            "fingerprint": identity.fingerprint,
            "name": identity.branch_name,
            "township": identity.township,
            "county": identity.county,
            "certificate": identity.certificate_pem,
        },
        **extra,
    }


def _sign(data: bytes, signer: Signer) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return signer.key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def write(path: Path, manifest: Record, parts: dict[str, bytes], signer: Signer) -> str:
    """Write a signed bundle atomically; returns the file's SHA-256."""
    manifest = dict(manifest)
    manifest["parts"] = {
        name: {"sha256": sha256(data), "size": len(data)} for name, data in sorted(parts.items())
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, _sign(manifest_bytes, signer))
        for name, data in sorted(parts.items()):
            stored = name.startswith(ATTACHMENTS)  # images and PDFs are compressed already
            archive.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            )
    data = buffer.getvalue()
    write_atomically(data, path)
    return sha256(data)


# --- reading -----------------------------------------------------------------------------------


def read(path: Path) -> Bundle:
    """Read and verify a bundle file whole; :class:`BundleRefused` says why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BundleRefused(path, _("文件太大，不是VillageBook数据包"))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BundleRefused(path, _("找不到文件")) from exc
    except OSError as exc:
        raise BundleRefused(path, _("无法读取：{reason}", reason=exc.strerror or exc)) from exc
    bundle = parse(data, path)
    bundle.path = str(path)
    return bundle


def parse(data: bytes, path: Path | str = "") -> Bundle:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise BundleRefused(path, _("文件已损坏或不完整（不是完整的数据包）")) from exc
    with archive:
        names = archive.namelist()
        if MANIFEST not in names:
            raise BundleRefused(path, _("不是VillageBook数据包（缺少清单）"))
        if SIGNATURE not in names:
            raise BundleRefused(path, _("数据包没有签名，不能导入"))
        try:
            contents = {name: archive.read(name) for name in names}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            # a CRC error: a byte changed or the file was cut short
            raise BundleRefused(path, _("文件已损坏或被改动过（校验失败）")) from exc
    manifest_bytes = contents.pop(MANIFEST)
    signature = contents.pop(SIGNATURE)
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleRefused(path, _("清单已损坏")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleRefused(path, _("不是VillageBook数据包"))
    if not isinstance(manifest.get("version"), int) or manifest["version"] > VERSION:
        raise BundleRefused(
            path,
            _("数据包格式第{version}版太新，请升级VillageBook", version=manifest.get("version")),
        )
    if manifest.get("kind") not in KINDS:
        raise BundleRefused(path, _("不认识的数据包种类：{kind}", kind=manifest.get("kind")))
    pem = _verify_signature(path, manifest, manifest_bytes, signature)
    listed = manifest.get("parts")
    if not isinstance(listed, dict):
        raise BundleRefused(path, _("清单已损坏"))
    for name, data_part in contents.items():
        entry = listed.get(name)
        if entry is None:
            raise BundleRefused(path, _("数据包中有清单未列出的文件：{name}", name=name))
        if sha256(data_part) != entry.get("sha256") or len(data_part) != entry.get("size"):
            raise BundleRefused(path, _("数据包中的“{name}”被改动过", name=name))
        if name.startswith(ATTACHMENTS) and sha256(data_part) != name[len(ATTACHMENTS) :]:
            raise BundleRefused(path, _("附件“{name}”与其校验值不符", name=name))
    missing = sorted(set(listed) - set(contents))
    if missing:
        raise BundleRefused(path, _("数据包不完整，缺少：{names}", names="、".join(missing)))
    return Bundle(manifest, contents, str(path), pem)


def _verify_signature(
    path: Path | str, manifest: Record, manifest_bytes: bytes, signature: bytes
) -> str:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from villagebook.services.safety.identity import fingerprint_of

    installation = manifest.get("installation")
    if not isinstance(installation, dict) or not installation.get("certificate"):
        raise BundleRefused(path, _("数据包没有签名证书，不能导入"))
    pem = str(installation["certificate"])
    try:
        certificate = x509.load_pem_x509_certificate(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise BundleRefused(path, _("数据包的签名证书已损坏")) from exc
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise BundleRefused(path, _("数据包的签名证书不是VillageBook的证书"))
    try:
        key.verify(signature, manifest_bytes, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise BundleRefused(
            path, _("签名不符：数据包在签名之后被改动过，或不是由该安装签名")
        ) from exc
    if fingerprint_of(certificate) != installation.get("fingerprint"):
        raise BundleRefused(path, _("清单中的证书指纹与证书不符"))
    return pem


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
