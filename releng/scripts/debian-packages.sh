# shellcheck shell=bash
# Sourced by ./ipcscope and ./run-tests: installs the Debian packages given, when missing.
# As root it uses apt-get; otherwise it names what to install and fails.

ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "Missing Debian packages: ${missing[*]}" >&2
		echo "Install them (sudo apt-get install ${missing[*]}) or run this as root." >&2
		return 1
	fi
	echo "Installing Debian packages: ${missing[*]}" >&2
	apt-get update -q >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# What building the product needs: native helpers (one an X11 client) and the Windows DLL are compiled by the build.
# shellcheck disable=SC2034 # read by the scripts that source this one
BUILD_PACKAGES=(gcc libc6-dev libx11-dev gcc-mingw-w64-x86-64)
# The struct layout ground truth (core tests) compiles for MSVC x86 with the 32-bit mingw; the
# Clipboard view's test has xclip own the X selection, and libxcb-res tells the reader its pid.
# shellcheck disable=SC2034 # read by ./run-tests
TEST_PACKAGES=(gcc-mingw-w64-i686 xclip libxcb-res0)
