#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed)
# from the project's committed fixtures, so a short run starts from inputs
# that reach deep into the parsers instead of from empty bytes.
#
#   fuzz/seed-corpus.sh        # from the project root or anywhere
#
# Needs: cargo (builds target/debug/lifeboat for the vault seeds), python3,
# and the `age` CLI for the payload seeds (skipped with a note without it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
fixtures="$root/tests/fixtures"
for t in vault_open slip39_decode otpauth_parse gauth_decode aegis_import playbook_parse \
  header_scan payload_open native_import bip39_words key_recognise identity_file \
  trustee_shares backup_names; do
  mkdir -p "$corpus/$t"
done

# One file per line of a text fixture (comments and blank lines dropped).
lines_to_files() { # file target prefix
  local n=0
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    printf '%s' "$line" > "$corpus/$2/$3-$n"
  done < "$1"
}

# Playbooks: the built-ins, the broken corpus, the documented example.
cp "$root"/playbooks/*/*.toml "$corpus/playbook_parse/"
for f in "$fixtures"/playbooks/bad/*.toml; do cp "$f" "$corpus/playbook_parse/bad-$(basename "$f")"; done

# TOTP: every otpauth line (good and bad) plus a bare base32 secret.
lines_to_files "$fixtures/otpauth/list.txt" otpauth_parse otpauth
printf 'JBSW Y3DP EHPK 3PXP' > "$corpus/otpauth_parse/base32"

# Aegis exports (plain and encrypted).
cp "$fixtures"/aegis/plain.json "$fixtures"/aegis/encrypted.json "$corpus/aegis_import/"

# Google Authenticator: each migration URI as text, and its decoded
# protobuf payload as raw bytes (the target also reads raw payloads).
lines_to_files "$fixtures/gauth/export.txt" gauth_decode uri
python3 - "$fixtures/gauth/export.txt" "$corpus/gauth_decode" <<'PY'
import base64, sys, urllib.parse
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if not line.startswith("otpauth-migration://"):
        continue
    q = urllib.parse.parse_qs(urllib.parse.urlparse(line.strip()).query)
    try:
        raw = base64.b64decode(q["data"][0] + "==")
    except Exception:
        continue
    open(f"{sys.argv[2]}/payload-{i}", "wb").write(raw)
PY

# SLIP-39: every official vector's share set (one share per line).
python3 - "$root/tests/vectors/slip39-vectors.json" "$corpus/slip39_decode" <<'PY'
import json, sys
for i, v in enumerate(json.load(open(sys.argv[1]))):
    open(f"{sys.argv[2]}/vector-{i}", "w").write("\n".join(v[1]))
PY

# Vaults: a real tiny-KDF vault that the target's passphrase opens, also
# encrypted to the target's fixed identity, so both unlock paths reach the
# payload parser.
(cd "$root" && cargo build -q --bin lifeboat)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'fuzz passphrase\n' > "$tmp/pass"
"$root/target/debug/lifeboat" --vault "$tmp/v.age" init --kdf-memory 8 --kdf-time 1 --allow-weak-kdf \
  --kdf-parallelism 1 --allow-weak-passphrase --passphrase-fd 3 \
  --recovery-key-out "$tmp/key.txt" 3<"$tmp/pass" 2>/dev/null
printf 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about' |
  "$root/target/debug/lifeboat" --vault "$tmp/v.age" --identity "$tmp/key.txt" add seed Wallet 2>/dev/null
"$root/target/debug/lifeboat" --vault "$tmp/v.age" --identity "$tmp/key.txt" \
  recipient add age132xxkesm9yx359ln6kzu680ugj9j6tytn8fkl25r44eptpd7mq4qeagn60 2>/dev/null
cp "$tmp/v.age" "$corpus/vault_open/vault.age"

# More of every item kind and a playbook run, for the payload and import
# targets.
lb() { "$root/target/debug/lifeboat" --vault "$tmp/v.age" --identity "$tmp/key.txt" "$@" 2>/dev/null; }
printf 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example&digits=8&period=60&algorithm=SHA256' | lb add totp Mail --account mail
printf 'AAAA-1111\nBBBB-2222\nCCCC-3333\n' | lb add codes "Mail codes" --account mail --tag work
printf 'hunter2-but-longer\n' | lb add password Bank --account bank
printf 'line one\nline two "quoted" \\ back\n' | lb add note Contacts --note "call the bank"
printf 'L1aW4aubDFB7yfras2S1mN3bqg9nwySY8nkoLmJebSLD5BWv3ENZ' | lb add key Cold --account btc
lb playbook check account-locked write-down-message --note "tried twice" || true
lb codes use "Mail codes" AAAA-1111 || true

# The header scanner: the binary vault, armored, and its bare header.
cp "$tmp/v.age" "$corpus/header_scan/vault.age"
python3 - "$tmp/v.age" "$corpus/header_scan" <<'PY'
import base64, sys
data = open(sys.argv[1], "rb").read()
b64 = base64.b64encode(data)
open(f"{sys.argv[2]}/vault-armored.age", "wb").write(
    b"-----BEGIN AGE ENCRYPTED FILE-----\n"
    + b"".join(b64[i:i + 64] + b"\n" for i in range(0, len(b64), 64))
    + b"-----END AGE ENCRYPTED FILE-----\n")
end = data.index(b"\n---") + 1
end = data.index(b"\n", end) + 1
open(f"{sys.argv[2]}/header-only", "wb").write(data[:end])
PY

# The payload: the vault's JSON as it is (the target gives it its own keys).
if command -v age >/dev/null; then
  age -d -i "$tmp/key.txt" "$tmp/v.age" > "$tmp/payload.json"
  python3 - "$tmp/payload.json" "$corpus/payload_open" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
open(f"{sys.argv[2]}/payload.json", "w").write(json.dumps(p))
open(f"{sys.argv[2]}/payload-pretty.json", "w").write(json.dumps(p, indent=1))
PY
else
  echo "age not installed: no payload_open seeds (the target starts from nothing)" >&2
fi

# Native import: the vault's export.
if lb export --out "$tmp/export.json"; then
  cp "$tmp/export.json" "$corpus/native_import/export.json"
fi

# Identity files and recipients: the recovery key file, and a mix.
cp "$tmp/key.txt" "$corpus/identity_file/key.txt"
printf '# a comment\n\nAGE-SECRET-KEY-1MVQC73AZ93N4CCAFV9YW4VEW844GVQQ8W8M6PRNV8YYHQ0KQUXJQFDHPTK\nage132xxkesm9yx359ln6kzu680ugj9j6tytn8fkl25r44eptpd7mq4qeagn60\n' \
  > "$corpus/identity_file/mixed.txt"

# Trustee shares: a real split of the recovery key, group specs.
lb split --threshold 2 --shares 3 > "$corpus/trustee_shares/split-2of3" || true
printf '2of3\n3/5\n1-of-1\n' > "$corpus/trustee_shares/groups"

# Backup file names: the one `backup` writes, and a second in the same second.
mkdir -p "$tmp/backups"
lb backup "$tmp/backups" >/dev/null || true
for f in "$tmp"/backups/*.age; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  printf '%s' "$name" > "$corpus/backup_names/name"
  printf '%s' "${name%.age}-2.age" > "$corpus/backup_names/name-2"
done

# BIP39 phrases (every list) and keys (the vectors' xprv) from the vectors.
python3 - "$root/tests/vectors/bip39-vectors.json" "$corpus" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))
for lang, cases in v.items():
    for i, case in enumerate(cases[:6]):
        open(f"{sys.argv[2]}/bip39_words/{lang}-{i}", "w").write(case[1])
        if lang == "english":
            open(f"{sys.argv[2]}/key_recognise/xprv-{i}", "w").write(case[3])
            open(f"{sys.argv[2]}/key_recognise/hex-{i}", "w").write(case[0])
PY
printf 'abandon abandn abandon abandon abandon abandon abandon abandon abandon abandon abandon about' \
  > "$corpus/bip39_words/typo"
printf 'L1aW4aubDFB7yfras2S1mN3bqg9nwySY8nkoLmJebSLD5BWv3ENZ' > "$corpus/key_recognise/wif"

for t in "$corpus"/*; do echo "$(ls "$t" | wc -l) seeds in $t"; done
