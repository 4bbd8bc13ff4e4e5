#!/usr/bin/env bash
# Checks an installed lifeboat package as a user would meet it: the binary
# on PATH, its man page, its bash completion, and a short session (init,
# add, show, rm) with the installed binary on a throwaway vault.
set -euo pipefail
bin=/usr/bin/lifeboat
[ -x "$bin" ] || { echo "lifeboat is not installed at $bin" >&2; exit 1; }
"$bin" --version | grep -q '^lifeboat '
MANWIDTH=80 man lifeboat | grep -q -- '--passphrase-fd'
MANWIDTH=80 man lifeboat-add | grep -q -- '--scheme'
test -f /usr/share/bash-completion/completions/lifeboat
test -f /usr/share/zsh/vendor-completions/_lifeboat
test -f /usr/share/fish/vendor_completions.d/lifeboat.fish
test -f /usr/share/doc/lifeboat/copyright
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export LIFEBOAT_VAULT="$dir/vault.age" LIFEBOAT_CONFIG="$dir/config.toml"
printf 'a long test passphrase for the package\n' > "$dir/pass"
"$bin" init --passphrase-fd 3 --recovery-key-out "$dir/key.txt" \
  --kdf-memory 8 --kdf-time 1 --kdf-parallelism 1 --allow-weak-kdf --allow-weak-passphrase 3<"$dir/pass"
printf "the note from the package test\n" | "$bin" add note pkg-note --passphrase-fd 3 3<"$dir/pass"
"$bin" show pkg-note --reveal --identity "$dir/key.txt" | grep -q 'the note from the package test'
"$bin" rm pkg-note --yes --passphrase-fd 3 3<"$dir/pass"
"$bin" list --identity "$dir/key.txt" | grep -q 'No items'
echo "installed package: ok"
