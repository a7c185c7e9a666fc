#!/usr/bin/env python3
"""Check a Dongcheng Data Platform credit report (信用报告) offline, with nothing but Python 3 and the public key.

    python3 verify_report.py report-public-key.pem report.pdf        # exit 0 = genuine, 1 = not, 2 = cannot tell
    python3 verify_report.py report-public-key.pem report.json
    python3 verify_report.py report-public-key.pem report.pdf --extract DIR   # also writes the signed bytes and the
                                                                              # CMS signature for openssl (README)

The public key is the PEM of GET /api/credit/v1/reports/public-key (field publicKeyPem); its key id is the first 16
hex digits of SHA-256 over the key's DER. What is checked:

PDF: the last signature's /ByteRange [0 a b c] must cover the whole file (b + c = file size: nothing added after
signing); its /Contents is a detached CMS SignedData (adbe.pkcs7.detached) whose signed attributes hold the SHA-256
of the signed bytes (messageDigest), and whose RSA signature (PKCS#1 v1.5, SHA-256) over those attributes verifies with
the given key.

JSON: the report without its "signature" member, in RFC 8785 canonical form (members sorted by UTF-16 code units, no
white space, minimal string escapes, integers only), is what signature.value (base64, SHA256withRSA) signs; the
report's signingKeyId must be the given key's id.

That the report was also issued (the platform's registry) only the platform's verify endpoint can say.
"""
import base64
import hashlib
import json
import os
import re
import sys

SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
OID_SHA256 = bytes.fromhex("608648016503040201")
OID_MESSAGE_DIGEST = bytes.fromhex("2a864886f70d010904")
OID_SIGNED_DATA = bytes.fromhex("2a864886f70d010702")


class NotGenuine(Exception):
    pass


def tlv(data, pos):
    """One DER element at pos: (tag, start of value, end of value)."""
    tag = data[pos]
    length = data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4:
            raise NotGenuine("not DER: indefinite or huge length")
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise NotGenuine("not DER: element runs past the end")
    return tag, pos, pos + length


def children(data, start, end):
    out = []
    while start < end:
        element = tlv(data, start)
        out.append(element)
        start = element[2]
    return out


def public_key(pem_text):
    body = re.search(r"-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", pem_text, re.S)
    if not body:
        raise SystemExit("the key file holds no PEM PUBLIC KEY")
    der = base64.b64decode("".join(body.group(1).split()))
    _, s, e = tlv(der, 0)
    algorithm, bits = children(der, s, e)[:2]
    if bits[0] != 0x03:
        raise SystemExit("not a SubjectPublicKeyInfo")
    rsa = der[bits[1] + 1:bits[2]]  # skip the unused-bits byte
    _, s, e = tlv(rsa, 0)
    n_el, e_el = children(rsa, s, e)[:2]
    n = int.from_bytes(rsa[n_el[1]:n_el[2]], "big")
    exponent = int.from_bytes(rsa[e_el[1]:e_el[2]], "big")
    return n, exponent, hashlib.sha256(der).hexdigest()[:16]


def rsa_verifies(key, message, signature):
    """RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 8.2.2)."""
    n, e, _ = key
    k = (n.bit_length() + 7) // 8
    if len(signature) != k:
        return False
    encoded = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    t = SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    return encoded == b"\x00\x01" + b"\xff" * (k - len(t) - 3) + b"\x00" + t


def check_pdf(data, key, extract=None):
    ranges = list(re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data))
    if not ranges:
        raise NotGenuine("NOT_SIGNED: the PDF holds no signature")
    a, b, c, d = (int(x) for x in ranges[-1].groups())
    if a != 0 or c + d != len(data):
        raise NotGenuine("ALTERED: the signature covers %d of the file's %d bytes" % (c + d, len(data)))
    hex_contents = data[b:c].strip()
    if not (hex_contents.startswith(b"<") and hex_contents.endswith(b">")):
        raise NotGenuine("ALTERED: no /Contents between the signed ranges")
    cms = bytes.fromhex(hex_contents[1:-1].decode("ascii"))
    _, s, e = tlv(cms, 0)
    cms = cms[:e]  # the zeros after the DER structure are padding
    signed = data[a:b] + data[c:c + d]
    if extract:
        os.makedirs(extract, exist_ok=True)
        with open(os.path.join(extract, "signed-content.bin"), "wb") as out:
            out.write(signed)
        with open(os.path.join(extract, "signature.p7s"), "wb") as out:
            out.write(cms)
    content_type, content = children(cms, s, e)[:2]
    if cms[content_type[1]:content_type[2]] != OID_SIGNED_DATA:
        raise NotGenuine("ALTERED: the signature is not a CMS SignedData")
    _, s, e = tlv(cms, content[1])  # [0] EXPLICIT SignedData
    signer_infos = children(cms, s, e)[-1]
    signer = children(cms, signer_infos[1], signer_infos[2])[0]
    parts = children(cms, signer[1], signer[2])
    digest_algorithm = children(cms, parts[2][1], parts[2][2])[0]
    if cms[digest_algorithm[1]:digest_algorithm[2]] != OID_SHA256:
        raise NotGenuine("ALTERED: the signature does not use SHA-256")
    attributes = parts[3]
    if attributes[0] != 0xA0:
        raise NotGenuine("ALTERED: the signature has no signed attributes")
    message_digest = None
    for attribute in children(cms, attributes[1], attributes[2]):
        oid, values = children(cms, attribute[1], attribute[2])[:2]
        if cms[oid[1]:oid[2]] == OID_MESSAGE_DIGEST:
            value = children(cms, values[1], values[2])[0]
            message_digest = cms[value[1]:value[2]]
    if message_digest != hashlib.sha256(signed).digest():
        raise NotGenuine("ALTERED: the signed bytes do not match the signature's message digest: the file was changed")
    signature = parts[5]
    # the signature covers the signed attributes DER-encoded as a SET (tag 0x31 instead of the implicit [0])
    to_be_signed = b"\x31" + der_length(attributes[2] - attributes[1]) + cms[attributes[1]:attributes[2]]
    if not rsa_verifies(key, to_be_signed, cms[signature[1]:signature[2]]):
        raise NotGenuine("NOT_PLATFORM_KEY or ALTERED: the signature does not verify with key %s" % key[2])
    return "GENUINE: the PDF is unchanged since key %s signed it" % key[2]


def der_length(length):
    if length < 0x80:
        return bytes([length])
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(encoded)]) + encoded


def canonical(value):
    if isinstance(value, dict):
        members = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(canonical(k) + ":" + canonical(v) for k, v in members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise NotGenuine("ALTERED: a fractional number, which no report holds")


def check_json(data, key):
    report = json.loads(data.decode("utf-8"))
    if not isinstance(report, dict) or not isinstance(report.get("signature"), dict):
        raise NotGenuine("NOT_SIGNED: the report has no signature")
    signature = base64.b64decode(report.pop("signature").get("value", ""))
    if report.get("signingKeyId") != key[2]:
        raise NotGenuine("NOT_PLATFORM_KEY: signingKeyId %s is not the given key's %s" % (report.get("signingKeyId"), key[2]))
    if not rsa_verifies(key, canonical(report).encode("utf-8"), signature):
        raise NotGenuine("ALTERED: the signature does not match the report's content")
    return "GENUINE: report %s is unchanged since key %s signed it" % (report.get("reportId"), key[2])


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--extract"):
        print(__doc__)
        return 2
    with open(argv[1], encoding="ascii") as f:
        key = public_key(f.read())
    with open(argv[2], "rb") as f:
        data = f.read()
    try:
        if data.startswith(b"%PDF-"):
            print(check_pdf(data, key, argv[4] if len(argv) == 5 else None))
        else:
            print(check_json(data, key))
        return 0
    except NotGenuine as refused:
        print(refused)
        return 1
    except (ValueError, IndexError) as unreadable:
        print("ALTERED: not readable as a signed report (%s)" % unreadable)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
