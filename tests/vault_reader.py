"""An independent reader of lifeboat vaults, written from docs/vault-format.md
and the age v1 specification alone (no lifeboat code, no age library): it
opens a vault with its passphrase, checks everything section 4.3 says a
reader must check on that path, and prints the payload's JSON.

    python3 vault_reader.py VAULT < passphrase-line

Exit 0 and the JSON on stdout when the file is a genuine vault; exit 3 with
the reason on stderr when a check fails. Needs argon2-cffi and
cryptography (the oracle venv)."""

import base64
import hashlib
import hmac
import json
import sys

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PASS_TAG = "lifeboat.dev/argon2id"
MAC_TAG = "lifeboat.dev/hmac-sha256"


class Refused(Exception):
    pass


def b64_unpadded(s):
    """age's encoding: standard base64 without padding (refuse padding)."""
    if "=" in s:
        raise Refused("padding in age base64")
    return base64.b64decode(s + "=" * (-len(s) % 4), validate=True)


def hkdf(salt, ikm, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def parse_age(data):
    """Splits an age v1 binary file into stanzas, the MAC'd header bytes,
    the MAC and the payload."""
    first = b"age-encryption.org/v1\n"
    if not data.startswith(first):
        raise Refused("not an age v1 file")
    pos = len(first)
    stanzas = []
    while True:
        end = data.index(b"\n", pos)
        line = data[pos:end].decode("ascii")
        if line.startswith("--- "):
            mac = b64_unpadded(line[4:])
            header = data[: pos + 3]
            return stanzas, header, mac, data[end + 1 :]
        if not line.startswith("-> "):
            raise Refused("bad header line")
        parts = line[3:].split(" ")
        pos = end + 1
        body = ""
        while True:
            end = data.index(b"\n", pos)
            chunk = data[pos:end].decode("ascii")
            pos = end + 1
            body += chunk
            if len(chunk) < 64:
                break
        stanzas.append((parts[0], parts[1:], b64_unpadded(body)))


def unwrap_passphrase(stanza_args, body, k):
    """Section 2, steps 2 and 3: the file key from K."""
    wrap_salt = b64_unpadded(stanza_args[4])
    w = hkdf(wrap_salt, k, PASS_TAG.encode())
    return ChaCha20Poly1305(w).decrypt(b"\x00" * 12, body, b"")


def open_payload(file_key, header, mac, rest):
    """The age header MAC and STREAM payload (64 KiB chunks)."""
    want = hmac.new(hkdf(b"", file_key, b"header"), header, hashlib.sha256).digest()
    if not hmac.compare_digest(want, mac):
        raise Refused("header MAC does not verify")
    nonce, body = rest[:16], rest[16:]
    key = ChaCha20Poly1305(hkdf(nonce, file_key, b"payload"))
    out, counter, size = b"", 0, 64 * 1024 + 16
    while True:
        chunk, body = body[:size], body[size:]
        last = len(body) == 0
        n = counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
        out += key.decrypt(n, chunk, b"")
        if last:
            return out
        counter += 1


def passphrase_stanzas(stanzas):
    found = [s for s in stanzas if s[0] == PASS_TAG]
    if len(found) != 1:
        raise Refused(f"{len(found)} passphrase stanzas; a vault has exactly one")
    _, args, body = found[0]
    if len(args) != 5:
        raise Refused("the passphrase stanza takes exactly five arguments")
    return args, body


def main():
    data = open(sys.argv[1], "rb").read()
    # The passphrase: the first line, its newline (and a \r before it)
    # removed, bytes as given (no normalization, no trimming).
    raw = sys.stdin.buffer.read().split(b"\n")[0]
    passphrase = raw[:-1] if raw.endswith(b"\r") else raw
    stanzas, header, mac, rest = parse_age(data)
    args, body = passphrase_stanzas(stanzas)
    salt = b64_unpadded(args[0])
    m, t, p = (int(x) for x in args[1:4])
    if not (8192 <= m <= 2097152 and 1 <= t <= 16 and 1 <= p <= 16 and m * t <= 4194304):
        raise Refused("KDF parameters outside the caps")
    k = hash_secret_raw(passphrase, salt, time_cost=t, memory_cost=m, parallelism=p,
                        hash_len=32, type=Type.ID, version=0x13)
    file_key = unwrap_passphrase(args, body, k)
    plain = open_payload(file_key, header, mac, rest)
    payload = json.loads(plain)
    # Version 3 adds revision metadata (section 7); the keys and the
    # authentication are those of version 2.
    if payload["format"] != "lifeboat-vault" or payload["version"] not in (2, 3):
        raise Refused("not a version-2 or version-3 lifeboat payload")
    keys = payload["keys"]
    # Padded base64 in the payload, unpadded in the stanza: compare bytes.
    if base64.b64decode(keys["passphrase"]["salt"]) != salt:
        raise Refused("payload salt differs from the stanza's")
    params = keys["passphrase"]["params"]
    if (params["m_kib"], params["t"], params["p"]) != (m, t, p):
        raise Refused("payload KDF parameters differ from the stanza's")
    macs = [s for s in stanzas if s[0] == MAC_TAG]
    if len(macs) != 1 or macs[0][1]:
        raise Refused("a vault has exactly one authentication stanza, without arguments")
    x25519 = [s for s in stanzas if s[0] == "X25519"]
    if len(x25519) != 1 + len(payload.get("recipients", [])):
        raise Refused("X25519 stanzas do not match the recipients listed")
    # The inner envelope: the same salt and parameters, opened with K alone.
    inner_file = base64.b64decode(keys["sealed"])
    i_stanzas, i_header, i_mac, i_rest = parse_age(inner_file)
    i_args, i_body = passphrase_stanzas(i_stanzas)
    if b64_unpadded(i_args[0]) != salt or [int(x) for x in i_args[1:4]] != [m, t, p]:
        raise Refused("the envelope's passphrase stanza differs from the outer one")
    inner = json.loads(open_payload(unwrap_passphrase(i_args, i_body, k), i_header, i_mac, i_rest))
    if inner["format"] != "lifeboat-keys" or base64.b64decode(inner["passphrase_key"]) != k:
        raise Refused("the envelope holds another passphrase key")
    code = hmac.new(base64.b64decode(inner["auth_key"]), plain, hashlib.sha256).digest()
    if not hmac.compare_digest(code, macs[0][2]):
        raise Refused("the contents do not match their authentication code")
    sys.stdout.write(json.dumps(payload))


if __name__ == "__main__":
    try:
        main()
    except Refused as e:
        print(f"refused: {e}", file=sys.stderr)
        sys.exit(3)
    except InvalidTag:
        print("refused: the passphrase does not open it, or it was altered", file=sys.stderr)
        sys.exit(3)
