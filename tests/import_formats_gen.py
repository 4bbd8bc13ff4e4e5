"""Writes one export per format, from each format's published description,
into the folder given on stdin, and prints a JSON manifest of what lifeboat
must make of each file (read by tests/import_formats.rs).

Encryption uses the oracle venv's `cryptography` (AES-256-GCM, AES-256-CBC,
HMAC, HKDF), argon2-cffi (Argon2id) and hashlib's scrypt and PBKDF2; TOTP
codes come from pyotp. Nothing here is
copied from the apps: the layouts follow their public documentation
(Aegis docs/vault.md; the 2FAS, andOTP, FreeOTP+, Proton Authenticator,
Authenticator Pro, Bitwarden and KeePassXC export layouts as published).
"""
import base64
import csv
import hashlib
import io
import json
import os
import struct
import sys
import uuid

import pyotp
from pyotp.contrib import Steam
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives import hashes, hmac, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
import argon2.low_level

OUT = sys.stdin.read().strip()
T = 1_700_000_000
PASSWORD = "correct horse battery staple ünïcode"


def secret_for(label):
    return base64.b32encode(hashlib.sha1(label.encode()).digest()).decode().rstrip("=")


def rnd(label, n):
    """Deterministic 'random' bytes, so a failure can be reproduced."""
    out = b""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(f"{label}/{i}".encode()).digest()
        i += 1
    return out[:n]


# The accounts every authenticator format carries. "dup" shares its secret
# with "github" but has another account: both must be imported.
ACCOUNTS = [
    dict(key="github", kind="totp", issuer="GitHub", account="alice@example.com",
         algo="SHA1", digits=6, period=30, counter=0, tags=["Work"], note="codes in the safe"),
    dict(key="bank", kind="totp", issuer="Example Bank", account="bob",
         algo="SHA256", digits=8, period=60, counter=0, tags=[], note=""),
    dict(key="vpn", kind="hotp", issuer="Legacy VPN", account="vpn-user",
         algo="SHA1", digits=6, period=30, counter=7, tags=["Work"], note=""),
    dict(key="books", kind="totp", issuer="Bücher 書店", account="ürsula",
         algo="SHA512", digits=7, period=15, counter=0, tags=[], note=""),
    dict(key="dup", kind="totp", issuer="GitHub", account="alice-work",
         algo="SHA1", digits=6, period=30, counter=0, tags=[], note="", secret_of="github"),
]
STEAM = dict(key="steam", kind="steam", issuer="Steam", account="gamer",
             algo="SHA1", digits=5, period=30, counter=0, tags=[], note="")
BROKEN = dict(key="broken", kind="totp", issuer="Broken", account="typo",
              algo="SHA1", digits=6, period=30, counter=0, tags=[], note="", secret="NOT*BASE32!")

for a in ACCOUNTS + [STEAM]:
    a.setdefault("secret", secret_for(a.get("secret_of", a["key"])))


def code(a):
    if a["kind"] == "steam":
        return Steam(a["secret"]).at(T)
    digest = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}[a["algo"]]
    if a["kind"] == "hotp":
        return None
    return pyotp.TOTP(a["secret"], digits=a["digits"], digest=digest, interval=a["period"]).at(T)


def expect(a, tags=True, notes=False, name=None):
    return {"secret": a["secret"], "type": a["kind"], "algorithm": a["algo"],
            "digits": a["digits"], "period": 30 if a["kind"] == "hotp" else a["period"],
            "counter": a["counter"], "issuer": a["issuer"], "account": a["account"],
            "code": code(a), "tags": sorted(a["tags"]) if tags else None,
            "notes": (a["note"] or None) if notes else "any", "name": name}


def uri(a):
    from urllib.parse import quote
    label = quote(f"{a['issuer']}:{a['account']}", safe=":@")
    tail = f"counter={a['counter']}" if a["kind"] == "hotp" else f"period={a['period']}"
    return (f"otpauth://{a['kind']}/{label}?secret={a['secret']}&issuer={quote(a['issuer'])}"
            f"&algorithm={a['algo']}&digits={a['digits']}&{tail}")


manifest = []


def write(name, data, **info):
    path = os.path.join(OUT, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)
    info.setdefault("password", None)
    info.setdefault("passwords", [])
    manifest.append(dict(file=path, **info))


def gcm(key, plain, nonce):
    return AESGCM(key).encrypt(nonce, plain, None)


# ---------------------------------------------------------------- Aegis
def aegis_db(version):
    groups = {"Work": str(uuid.uuid5(uuid.NAMESPACE_URL, "group-work"))}
    entries = []
    for a in ACCOUNTS + [STEAM, BROKEN]:
        info = {"secret": a["secret"], "algo": a["algo"], "digits": a["digits"]}
        if a["kind"] == "hotp":
            info["counter"] = a["counter"]
        else:
            info["period"] = a["period"]
        e = {"type": a["kind"], "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, a["key"])),
             "name": a["account"], "issuer": a["issuer"], "note": a["note"],
             "favorite": False, "icon": None, "info": info}
        if version >= 3:
            e["groups"] = [groups[t] for t in a["tags"]]
        else:
            e["group"] = a["tags"][0] if a["tags"] else None
        entries.append(e)
    db = {"version": version, "entries": entries}
    if version >= 3:
        db["groups"] = [{"uuid": u, "name": n} for n, u in groups.items()]
    return db


AEGIS_EXPECT = [expect(a, notes=True) for a in ACCOUNTS + [STEAM]]
AEGIS_REFUSED = [7]
for v in (1, 2, 3):
    write(f"aegis-v{v}.json", json.dumps({"version": 1, "header": {"slots": None, "params": None},
                                          "db": aegis_db(v)}, ensure_ascii=False, indent=2),
          format="aegis", encrypted=False, items=AEGIS_EXPECT, refused=AEGIS_REFUSED)
write("aegis-db-only.json", json.dumps(aegis_db(3), indent=4),
      format="aegis", encrypted=False, items=AEGIS_EXPECT, refused=AEGIS_REFUSED)

master = rnd("aegis-master", 32)
content = json.dumps(aegis_db(3)).encode()
nonce = rnd("aegis-nonce", 12)
sealed = gcm(master, content, nonce)
salt = rnd("aegis-salt", 32)
derived = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=32768, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)
slot_nonce = rnd("aegis-slot-nonce", 12)
slot_sealed = gcm(derived, master, slot_nonce)
slots = [
    # A fingerprint slot comes first on phones; it must be passed over.
    {"type": 2, "uuid": str(uuid.uuid4()), "key": rnd("bio", 32).hex(),
     "key_params": {"nonce": rnd("bio-n", 12).hex(), "tag": rnd("bio-t", 16).hex()}},
    {"type": 1, "uuid": str(uuid.uuid4()), "key": slot_sealed[:-16].hex(),
     "key_params": {"nonce": slot_nonce.hex(), "tag": slot_sealed[-16:].hex()},
     "n": 32768, "r": 8, "p": 1, "salt": salt.hex(), "repaired": True, "is_backup": False},
]
write("aegis-encrypted.json", json.dumps({
    "version": 1,
    "header": {"slots": slots, "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()}},
    "db": base64.b64encode(sealed[:-16]).decode()}, indent=4),
    format="aegis", encrypted=True, password=PASSWORD, items=AEGIS_EXPECT, refused=AEGIS_REFUSED)


# ---------------------------------------------------------------- 2FAS
def twofas_services():
    out = []
    for i, a in enumerate(ACCOUNTS + [STEAM, BROKEN]):
        otp = {"label": a["account"], "account": a["account"], "issuer": a["issuer"],
               "digits": a["digits"], "period": a["period"], "algorithm": a["algo"],
               "counter": a["counter"], "tokenType": a["kind"].upper(), "source": "Link"}
        s = {"name": a["issuer"], "secret": a["secret"], "updatedAt": 1700000000000 + i,
             "otp": otp, "order": {"position": i},
             "icon": {"selected": "Label", "label": {"text": a["issuer"][:2], "backgroundColor": "Orange"}}}
        if a["tags"]:
            s["groupId"] = "group-work"
        out.append(s)
    return out


TWOFAS_EXPECT = [expect(a) for a in ACCOUNTS + [STEAM]]
groups = [{"id": "group-work", "name": "Work", "isExpanded": True, "updatedAt": 1700000000000}]
for v in (3, 4):
    write(f"twofas-v{v}.2fas", json.dumps({
        "services": twofas_services(), "groups": groups, "updatedAt": 1700000000000,
        "schemaVersion": v, "appVersionCode": 5000000, "appVersionName": "5.0.0",
        "appOrigin": "android"}),
        format="2fas", encrypted=False, items=TWOFAS_EXPECT, refused=[7])
salt = rnd("2fas-salt", 256)
iv = rnd("2fas-iv", 12)
key = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt, 10000, 32)
sealed = gcm(key, json.dumps(twofas_services()).encode(), iv)
b64 = lambda b: base64.b64encode(b).decode()
ref = gcm(key, b"reference text", rnd("2fas-ref-iv", 12))
write("twofas-encrypted.2fas", json.dumps({
    "services": [], "groups": groups, "updatedAt": 1700000000000, "schemaVersion": 4,
    "appVersionCode": 5000000, "appVersionName": "5.0.0", "appOrigin": "ios",
    "servicesEncrypted": f"{b64(sealed)}:{b64(salt)}:{b64(iv)}",
    "reference": f"{b64(ref)}:{b64(salt)}:{b64(rnd('2fas-ref-iv', 12))}"}),
    format="2fas", encrypted=True, password=PASSWORD, items=TWOFAS_EXPECT, refused=[7])


# ---------------------------------------------------------------- andOTP
def andotp_entries():
    out = []
    for a in ACCOUNTS + [STEAM, BROKEN]:
        e = {"secret": a["secret"], "issuer": a["issuer"], "label": a["account"],
             "digits": a["digits"], "type": a["kind"].upper(), "algorithm": a["algo"],
             "thumbnail": "Default", "last_used": 0, "used_frequency": 0, "tags": a["tags"]}
        if a["kind"] == "hotp":
            e["counter"] = a["counter"]
        else:
            e["period"] = a["period"]
        out.append(e)
    return out


ANDOTP_EXPECT = [expect(a) for a in ACCOUNTS + [STEAM]]
plain = json.dumps(andotp_entries()).encode()
write("andotp.json", plain.decode(), format="andotp", encrypted=False, items=ANDOTP_EXPECT, refused=[7])
iterations = 140_123
salt = rnd("andotp-salt", 12)
nonce = rnd("andotp-nonce", 12)
key = hashlib.pbkdf2_hmac("sha1", PASSWORD.encode(), salt, iterations, 32)
write("andotp.json.aes", struct.pack(">I", iterations) + salt + nonce + gcm(key, plain, nonce),
      format="andotp", encrypted=True, password=PASSWORD, items=ANDOTP_EXPECT, refused=[7])
key = hashlib.sha256(PASSWORD.encode()).digest()
nonce = rnd("andotp-old-nonce", 12)
write("andotp-old.json.aes", nonce + gcm(key, plain, nonce), format="andotp", forced=True,
      encrypted=True, password=PASSWORD, items=ANDOTP_EXPECT, refused=[7])


# ---------------------------------------------------------------- FreeOTP+
def signed(b32):
    raw = base64.b32decode(b32 + "=" * (-len(b32) % 8))
    return [b - 256 if b > 127 else b for b in raw]


tokens = []
for a in ACCOUNTS + [STEAM]:
    tokens.append({"algo": a["algo"], "counter": a["counter"], "digits": a["digits"],
                   "issuerExt": a["issuer"], "issuerInt": a["issuer"], "label": a["account"],
                   "period": a["period"], "secret": signed(a["secret"]),
                   "type": "HOTP" if a["kind"] == "hotp" else "TOTP"})
tokens.append({"algo": "SHA1", "counter": 0, "digits": 6, "issuerExt": "Broken", "label": "typo",
               "period": 30, "secret": [300, 1], "type": "TOTP"})
write("freeotp-plus.json", json.dumps({"tokenOrder": [f"{t['issuerExt']}:{t['label']}" for t in tokens],
                                       "tokens": tokens}),
      format="freeotp-plus", encrypted=False, items=[expect(a, tags=False) for a in ACCOUNTS + [STEAM]],
      refused=[7])


# ---------------------------------------------------------------- Proton Authenticator
entries = []
for a in ACCOUNTS:
    entries.append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "p" + a["key"])),
                    "content": {"uri": uri(a), "entry_type": "Totp", "name": a["account"]},
                    "note": a["note"] or None})
entries.append({"id": "s", "content": {"uri": f"steam://{STEAM['secret']}", "entry_type": "Steam",
                                       "name": "gamer"}, "note": None})
entries.append({"id": "b", "content": {"uri": "otpauth://totp/Broken:typo?secret=NOT*BASE32!",
                                       "entry_type": "Totp", "name": "typo"}, "note": None})
write("proton.json", json.dumps({"version": 1, "entries": entries}, indent=2),
      format="proton", encrypted=False,
      items=[expect(a, tags=False, notes=True) for a in ACCOUNTS] + [dict(expect(STEAM, tags=False), issuer=None)],
      refused=[7])


# ---------------------------------------------------------------- Authenticator Pro
auths, links = [], []
for a in ACCOUNTS + [STEAM, BROKEN]:
    auths.append({"Type": {"hotp": 1, "totp": 2, "steam": 4}[a["kind"]], "Icon": None,
                  "Issuer": a["issuer"], "Username": a["account"], "Secret": a["secret"],
                  "Pin": None, "Algorithm": ["SHA1", "SHA256", "SHA512"].index(a["algo"]),
                  "Digits": a["digits"], "Period": a["period"], "Counter": a["counter"],
                  "CopyCount": 0, "Ranking": 0})
    if a["tags"]:
        links.append({"CategoryId": "c-work", "AuthenticatorSecret": a["secret"], "Ranking": 0})
auths.append({"Type": 3, "Issuer": "Old", "Username": "motp", "Secret": "0123456789abcdef",
              "Algorithm": 0, "Digits": 6, "Period": 10, "Counter": 0})
authpro_json = json.dumps({
    "Authenticators": auths, "Categories": [{"Id": "c-work", "Name": "Work", "Ranking": 0}],
    "AuthenticatorCategories": links, "CustomIcons": [], "IconPacks": []})
# "dup" shares github's secret, so it is linked to Work too.
authpro_items = [dict(expect(a), tags=["Work"] if a["key"] in ("github", "vpn", "dup") else [])
                 for a in ACCOUNTS + [STEAM]]
write("authenticator-pro.json", authpro_json, format="authenticator-pro", encrypted=False,
      items=authpro_items, refused=[7, 8])


def cbc(key, iv, plain):
    padder = padding.PKCS7(128).padder()
    data = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


# Password-protected backups, both published layouts: "AUTHENTICATORPRO",
# 16-byte salt, 12-byte IV, AES-256-GCM, key Argon2id (3 passes, 64 MiB,
# 4 lanes); the older "AuthenticatorPro", 20-byte salt, 16-byte IV,
# AES-256-CBC with PKCS#7, key PBKDF2-HMAC-SHA1 with 64,000 iterations.
salt, iv = rnd("authpro-salt", 16), rnd("authpro-iv", 12)
key = argon2.low_level.hash_secret_raw(PASSWORD.encode(), salt, time_cost=3, memory_cost=65536,
                                       parallelism=4, hash_len=32, type=argon2.low_level.Type.ID)
write("authenticator-pro.authpro", b"AUTHENTICATORPRO" + salt + iv + gcm(key, authpro_json.encode(), iv),
      format="authenticator-pro", encrypted=True, password=PASSWORD, items=authpro_items, refused=[7, 8])
salt, iv = rnd("authpro-legacy-salt", 20), rnd("authpro-legacy-iv", 16)
key = hashlib.pbkdf2_hmac("sha1", PASSWORD.encode(), salt, 64000, 32)
write("authenticator-pro-legacy.authpro", b"AuthenticatorPro" + salt + iv + cbc(key, iv, authpro_json.encode()),
      format="authenticator-pro", encrypted=True, password=PASSWORD, items=authpro_items, refused=[7, 8])


# ---------------------------------------------------------------- Bitwarden
LOGINS = [
    dict(name="Mail", username="me@example.com", password="Reused-pass-1", url="https://mail.example.com",
         totp=uri(ACCOUNTS[0]), folder="Work", notes="main mailbox", otp=ACCOUNTS[0]),
    # Same password as Mail: a different login, must not be dropped.
    dict(name="Forum", username="me", password="Reused-pass-1", url="https://forum.example.org",
         totp="", folder=None, notes="", otp=None),
    dict(name="Bank", username="bob", password="b4nk!", url="", totp=ACCOUNTS[1]["secret"].lower(),
         folder=None, notes="", otp=dict(ACCOUNTS[1], algo="SHA1", digits=6, period=30)),
    dict(name="Game", username="gamer", password="g4me", url="", totp=f"steam://{STEAM['secret']}",
         folder=None, notes="", otp=dict(STEAM, issuer="Game")),
]


def bw_expect():
    items = []
    for l in LOGINS:
        items.append({"name": l["name"], "kind": "password", "password": l["password"],
                      "username": l["username"], "tags": [l["folder"]] if l["folder"] else []})
        if l["otp"]:
            o = dict(l["otp"])
            if l["name"] == "Bank":
                o["issuer"], o["account"] = "Bank", "bob"
            e = expect(o, tags=False)
            e["name"] = l["name"] + " 2FA"
            items.append(e)
    items.append({"name": "Safe", "kind": "note", "text": "12-34-56", "tags": []})
    return items


bw_items = []
for i, l in enumerate(LOGINS):
    bw_items.append({"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "bw" + l["name"])), "organizationId": None,
                     "folderId": "f-work" if l["folder"] else None, "type": 1, "reprompt": 0,
                     "name": l["name"], "notes": l["notes"] or None, "favorite": False,
                     "login": {"uris": [{"match": None, "uri": l["url"]}] if l["url"] else [],
                               "username": l["username"], "password": l["password"],
                               "totp": l["totp"] or None},
                     "collectionIds": None})
bw_items.append({"id": "n1", "type": 2, "name": "Safe", "notes": "12-34-56", "folderId": None,
                 "secureNote": {"type": 0}})
bw_items.append({"id": "c1", "type": 3, "name": "Visa", "notes": None, "folderId": None,
                 "card": {"number": "4111111111111111"}})
bw_json = json.dumps({"encrypted": False, "folders": [{"id": "f-work", "name": "Work"}],
                      "items": bw_items}, indent=2)
write("bitwarden.json", bw_json, format="bitwarden", encrypted=False, items=bw_expect(), refused=[6])


def bw_enc_string(enc_key, mac_key, plain, label):
    iv = rnd(label, 16)
    ct = cbc(enc_key, iv, plain)
    h = hmac.HMAC(mac_key, hashes.SHA256())
    h.update(iv + ct)
    b64 = lambda b: base64.b64encode(b).decode()
    return f"2.{b64(iv)}|{b64(ct)}|{b64(h.finalize())}"


def bw_protected(kdf_type):
    # Bitwarden's password-protected export: the salt is a base64 string
    # used as UTF-8 text; PBKDF2-SHA256 over it (type 0), or Argon2id over
    # its SHA-256 with kdfMemory MiB (type 1); HKDF-Expand-SHA256 to an
    # encryption key ("enc") and a MAC key ("mac").
    salt = base64.b64encode(rnd(f"bw-salt-{kdf_type}", 16)).decode()
    if kdf_type == 0:
        iterations, memory, lanes = 600000, None, None
        master = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt.encode(), iterations, 32)
    else:
        iterations, memory, lanes = 3, 16, 2
        master = argon2.low_level.hash_secret_raw(
            PASSWORD.encode(), hashlib.sha256(salt.encode()).digest(), time_cost=iterations,
            memory_cost=memory * 1024, parallelism=lanes, hash_len=32, type=argon2.low_level.Type.ID)
    enc_key = HKDFExpand(hashes.SHA256(), 32, b"enc").derive(master)
    mac_key = HKDFExpand(hashes.SHA256(), 32, b"mac").derive(master)
    return json.dumps({
        "encrypted": True, "passwordProtected": True, "salt": salt, "kdfType": kdf_type,
        "kdfIterations": iterations, "kdfMemory": memory, "kdfParallelism": lanes,
        "encKeyValidation_DO_NOT_EDIT": bw_enc_string(enc_key, mac_key, str(uuid.uuid5(uuid.NAMESPACE_URL, "v")).encode(), f"bw-v-{kdf_type}"),
        "data": bw_enc_string(enc_key, mac_key, bw_json.encode(), f"bw-d-{kdf_type}"),
    }, indent=2)


write("bitwarden-protected-pbkdf2.json", bw_protected(0), format="bitwarden", encrypted=True,
      password=PASSWORD, items=bw_expect(), refused=[6])
write("bitwarden-protected-argon2id.json", bw_protected(1), format="bitwarden", encrypted=True,
      password=PASSWORD, items=bw_expect(), refused=[6])
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(["folder", "favorite", "type", "name", "notes", "fields", "reprompt", "login_uri",
            "login_username", "login_password", "login_totp"])
for l in LOGINS:
    w.writerow([l["folder"] or "", "", "login", l["name"], l["notes"], "", "0", l["url"],
                l["username"], l["password"], l["totp"]])
w.writerow(["", "", "note", "Safe", "12-34-56", "", "0", "", "", "", ""])
w.writerow(["", "", "card", "Visa", "", "", "0", "", "", "", ""])
write("bitwarden.csv", buf.getvalue(), format="bitwarden", encrypted=False, items=bw_expect(),
      refused=[7])


# ---------------------------------------------------------------- KeePassXC CSV
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
w.writerow(["Group", "Title", "Username", "Password", "URL", "Notes", "TOTP", "Icon", "Last Modified", "Created"])
for l in LOGINS:
    totp = l["totp"] if l["totp"].startswith("otpauth") else ""
    w.writerow(["Root/Work" if l["folder"] else "Root", l["name"], l["username"], l["password"],
                l["url"], "line one\nline two" if l["name"] == "Mail" else l["notes"], totp, "0",
                "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"])
w.writerow(["Root", "Empty", "", "", "", "", "", "0", "", ""])
kp_expect = []
for l in LOGINS:
    kp_expect.append({"name": l["name"], "kind": "password", "password": l["password"],
                      "username": l["username"], "tags": ["Work"] if l["folder"] else []})
    if l["totp"].startswith("otpauth"):
        e = expect(l["otp"], tags=False)
        e["name"] = l["name"] + " 2FA"
        kp_expect.append(e)
write("keepassxc.csv", buf.getvalue(), format="keepassxc-csv", encrypted=False, items=kp_expect, refused=[7])

print(json.dumps({"time": T, "manifest": manifest}))
