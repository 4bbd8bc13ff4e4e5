#!/usr/bin/env bash
# Builds the Debian package from the release binary: generates the shell
# completions and man pages with the binary itself, then runs
# `cargo deb --no-build` (metadata in Cargo.toml, [package.metadata.deb]).
# Run from the repository root after `cargo build --release` (or
# `cargo install --path .`, which builds the same binary). Honours
# CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/lifeboat"
[ -x "$bin" ] || { echo "no release binary at $bin; run cargo build --release --locked first" >&2; exit 1; }
assets="$target/release/package-assets"
rm -rf "$assets"
mkdir -p "$assets/completions" "$assets/man"
"$bin" completions bash > "$assets/completions/lifeboat"
"$bin" completions zsh > "$assets/completions/_lifeboat"
"$bin" completions fish > "$assets/completions/lifeboat.fish"
"$bin" man --out "$assets/man" 2>/dev/null
gzip -9n "$assets"/man/*.1
cargo deb --no-build
