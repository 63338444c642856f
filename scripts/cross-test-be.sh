#!/usr/bin/env bash
# Runs the engine's tests on big-endian 64-bit PowerPC under qemu-user.
#
# A development aid, not part of CI: mote must run on big-endian machines (a PS3's PPU is
# big-endian PowerPC), and this is the cheapest way to catch code that assumes
# little-endian byte order. Needs Debian/Ubuntu (apt-get, as root or via sudo) and rustup.
#
# Usage: scripts/cross-test-be.sh [extra `cargo test` arguments, e.g. a test name filter]
#
# The linker and runner for the target are in .cargo/config.toml, under
# [target.powerpc64-unknown-linux-gnu] only, so host builds are unaffected.
set -euo pipefail

TARGET=powerpc64-unknown-linux-gnu
PACKAGES=(gcc-powerpc64-linux-gnu libc6-dev-ppc64-cross qemu-user)

cd "$(dirname "${BASH_SOURCE[0]}")/.."

section() { printf '\n==== %s ====\n' "$*"; }

section "Debian packages: ${PACKAGES[*]}"
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=()
    if ((EUID != 0)); then sudo=(sudo); fi
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
else
    echo "already installed"
fi

section "Rust target $TARGET"
rustup target add "$TARGET"
rustc --print cfg --target "$TARGET" | grep -E '^target_(endian|pointer_width)='
powerpc64-linux-gnu-gcc --version | sed -n 1p
qemu-ppc64 --version | sed -n 1p

section "cargo test -p mote --target $TARGET"
cargo test -p mote --target "$TARGET" "$@"
