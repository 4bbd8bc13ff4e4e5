#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed)
# from the project's committed fixtures, so a short run starts from inputs
# that reach deep into the parsers instead of from empty bytes.
#
#   fuzz/seed-corpus.sh        # from the project root or anywhere
#
# Needs: cargo (builds target/debug/lifeboat for the vault seeds), python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus"
fixtures="$root/tests/fixtures"
for t in vault_open slip39_decode otpauth_parse gauth_decode aegis_import playbook_parse; do
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

for t in "$corpus"/*; do echo "$(ls "$t" | wc -l) seeds in $t"; done
