#!/usr/bin/env bash
# Regenerates the golden vault fixtures in this folder with a lifeboat
# binary (default: target/debug/lifeboat). The fixtures pin the on-disk
# format: tests/vault_corpus.rs checks that every later build still opens
# them, with the passphrase and with the recovery key, and that stock age
# reads them. Only regenerate on a deliberate format change, and keep the
# old files as golden-v<N>-* beside the new ones.
#
#   tests/corpus/vault/generate.sh [path/to/lifeboat]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../../../target/debug/lifeboat}"
out="$here"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Test-only secrets: this passphrase and key protect nothing real.
printf '%s\n' "golden fixture passphrase v1" > "$tmp/pass"
v="$tmp/golden-v1.age"
lb() { "$bin" --vault "$v" --passphrase-fd 3 "$@" 3<"$tmp/pass"; }
lb init --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf --allow-weak-passphrase \
  --recovery-key-out "$tmp/golden-v1.key"
echo "legal winner thank year wave sausage worth useful legal winner thank yellow" |
  lb add seed wallet --account ledger --tag crypto
echo "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d" | lb add key "hex key"
echo "otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub" | lb add totp "github 2fa"
printf '1111-aaaa\n2222-bbbb\n' | lb add codes "gh codes"
lb codes use "gh codes" 2222-bbbb
echo "hunter2-golden" | lb add password bank --username alice --url https://bank.example
printf 'line one\nline two' | lb add note memo --note "not secret"

cp "$v" "$out/golden-v1.age"
cp "$tmp/golden-v1.key" "$out/golden-v1.key"
cp "$tmp/pass" "$out/golden-v1.passphrase"
"$bin" --vault "$v" --identity "$tmp/golden-v1.key" list --json > "$out/golden-v1.list.json"
echo "wrote $out/golden-v1.{age,key,passphrase,list.json}"
