"""The signature: PAdES B-B (ETSI.CAdES.detached) with pyHanko, by the installation's key.

The signature is appended as an incremental update, so the signed file begins with the
unsigned PDF/A byte for byte (:func:`unsigned_revision` gives it back).  No time stamp
authority, no revocation lookup: nothing here touches the network.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from villagebook.domain.proof.values import IdentityInfo

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

FIELD_NAME = "VillageBook"


@dataclass(frozen=True)
class Signer:
    """What signs a PDF: the private key, its certificate and what the certificate says."""

    key: RSAPrivateKey
    certificate: x509.Certificate
    identity: IdentityInfo


def sign(pdf: bytes, signer: Signer, *, location: str = "") -> bytes:
    """``pdf`` with a PAdES B-B signature appended (an incremental update)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from villagebook.reports.stamp import SIGNATURE_REASON

    certificate = asn1_x509.Certificate.load(
        signer.certificate.public_bytes(serialization.Encoding.DER)
    )
    pdf_signer = _key_signer(signer.key, certificate)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=SIGNATURE_REASON,
        location=location or None,
        name=signer.identity.branch_name or None,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = signers.sign_pdf(writer, meta, signer=pdf_signer)
    return bytes(out.getbuffer())


def _key_signer(key: RSAPrivateKey, certificate: Any) -> Any:
    """pyHanko's signer with the key already loaded: its own signer loads the key again
    (with the RSA checks, about 0.3 s) for every signature it makes."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    class KeySigner(SimpleSigner):
        async def async_sign_raw(
            self, data: bytes, digest_algorithm: str, dry_run: bool = False
        ) -> bytes:
            if dry_run:
                return bytes(key.key_size // 8)
            if digest_algorithm != "sha256":
                raise ValueError(f"unexpected digest {digest_algorithm}")
            return bytes(key.sign(data, PKCS1v15(), hashes.SHA256()))

    registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    registry.register(certificate)
    return KeySigner(signing_cert=certificate, signing_key=None, cert_registry=registry)


def unsigned_revision(signed: bytes) -> bytes:
    """The PDF as it was before the first incremental update (before signing)."""
    marker = signed.find(b"%%EOF")
    if marker < 0:
        return signed
    end = marker + len(b"%%EOF")
    while end < len(signed) and signed[end : end + 1] in (b"\r", b"\n"):
        end += 1
    return signed[:end]
