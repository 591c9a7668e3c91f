# Shared by scripts/demo and scripts/test; sourced, not run.
#
# cfdo_require_packages PACKAGE...
#   Makes sure the Debian packages are installed: installs the missing ones
#   with apt-get when running as root, otherwise prints the exact apt-get
#   line to run and exits.
# cfdo_require_node
#   Makes sure `node` and `npm` are on PATH (Debian's nodejs and npm when not).

set -euo pipefail

cfdo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

cfdo_log() {
    if [ -t 2 ]; then printf '\033[1m==> %s\033[0m\n' "$*" >&2; else printf '==> %s\n' "$*" >&2; fi
}

cfdo_missing_packages() {
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$package"
        fi
    done
}

cfdo_require_packages() {
    local missing
    mapfile -t missing < <(cfdo_missing_packages "$@")
    [ "${#missing[@]}" -eq 0 ] && return 0
    local install_line="apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "cfdo needs these Debian packages: ${missing[*]}" >&2
        echo "Install them (as root) with:" >&2
        echo "  sudo apt-get update && sudo $install_line" >&2
        exit 1
    fi
    cfdo_log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086 # the package list is meant to split
    apt-get install -y -q --no-install-recommends ${missing[*]}
}

cfdo_require_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        return 0
    fi
    cfdo_require_packages nodejs npm
}

# Boost 1.81 (the default libboost-dev is 1.74, without Boost.JSON, and
# conflicts with 1.81), a C++20 compiler, CMake and Ninja.
cfdo_build_packages=(
    ca-certificates cmake ninja-build g++
    libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
)

# The examples' transports: libcurl (examples/curl) and OpenSSL for TLS over
# Boost.Beast (examples/beast). Configuring the examples fails without them.
cfdo_example_packages=(libcurl4-openssl-dev libssl-dev)
