#!/usr/bin/env bash
# Measures how long lifeboat takes to refuse vault files with hostile age
# headers (the cases of tests/hostile_headers.rs), opened with the recovery
# key, and how long stock `age -d` takes on the same files when installed.
# Whole processes, wall time, one run each; a run past the time limit is
# killed and reported as such.
#
#   benches/hostile_headers.sh [LIFEBOAT_BINARY] [LIMIT_SECONDS]
#
# Defaults: target/release/lifeboat, 120 s. Needs python3 (builds the
# files) and GNU coreutils `timeout`. Writes only to a temporary folder.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/target/release/lifeboat}
limit=${2:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A genuine vault to build on. 19 MiB, t=2 is the weakest KDF every
# lifeboat version accepts without an override flag.
printf 'a passphrase for the hostile header bench\n' > "$tmp/pass"
"$bin" --vault "$tmp/v.age" init --kdf-memory 19 --kdf-time 2 --kdf-parallelism 1 \
  --allow-weak-passphrase --passphrase-fd 3 --recovery-key-out "$tmp/key.txt" \
  3<"$tmp/pass" 2>/dev/null || { echo "init failed with $bin" >&2; exit 1; }

python3 - "$tmp" <<'PY'
import base64, sys
d = sys.argv[1]
good = open(f"{d}/v.age", "rb").read()
nl = good.index(b"\n") + 1

def stanza(line, body):
    full, short = divmod(body, 64)
    return line + b"\n" + (b"A" * 64 + b"\n") * full + b"A" * short + b"\n"

def insert(extra):
    return good[:nl] + extra + good[nl:]

x = stanza(b"-> X25519 " + b"A" * 43, 43)
cases = {
    "genuine": good,
    "body-1MiB": insert(stanza(b"-> X25519 AAAA", 1 << 20)),
    "stanzas-10000": insert(x * 10_000),
    "stanzas-20000": insert(x * 20_000),
    "body-10MiB": insert(stanza(b"-> X25519 AAAA", 10 << 20)),
}
b64 = base64.b64encode(cases["stanzas-10000"])
cases["stanzas-10000-armored"] = (
    b"-----BEGIN AGE ENCRYPTED FILE-----\n"
    + b"".join(b64[i:i + 64] + b"\n" for i in range(0, len(b64), 64))
    + b"-----END AGE ENCRYPTED FILE-----\n"
)
for name, data in cases.items():
    open(f"{d}/{name}.age", "wb").write(data)
PY

# Seconds (3 decimals) a command takes; "> LIMIT s" when it was killed.
timed() {
  local start end rc
  start=$(date +%s.%N)
  timeout "$limit" "$@" >/dev/null 2>&1
  rc=$?
  end=$(date +%s.%N)
  if [ "$rc" = 124 ]; then
    printf '> %s s (killed)|%s' "$limit" "$rc"
  else
    printf '%s s|%s' "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')" "$rc"
  fi
}

echo "binary: $bin"
printf '| file | size | lifeboat list --identity | exit | age -d -i | exit |\n|---|---|---|---|---|---|\n'
for name in genuine body-1MiB stanzas-10000 stanzas-20000 body-10MiB stanzas-10000-armored; do
  f="$tmp/$name.age"
  size=$(stat -c %s "$f")
  IFS='|' read -r lt lrc <<<"$(timed "$bin" --vault "$f" --identity "$tmp/key.txt" list)"
  if command -v age >/dev/null; then
    IFS='|' read -r at arc <<<"$(timed age -d -i "$tmp/key.txt" -o /dev/null "$f")"
  else
    at="(age not installed)"; arc="-"
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$size" "$lt" "$lrc" "$at" "$arc"
done
