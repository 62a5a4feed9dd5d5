# shellcheck shell=bash
# Sourced by ./ipcscope and ./run-tests: sets JAVA_HOME to a JDK 21 or newer, or explains.
# Order: $JAVA_HOME, then the newest under /usr/lib/jvm, then the java on the PATH.

java_major() {
	local line
	# a JDK's release file says it without starting a JVM, which would cost the command line's start-up
	if [ -r "$1/release" ]; then
		while IFS= read -r line; do
			if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
				echo "${BASH_REMATCH[1]}"
				return
			fi
		done <"$1/release"
	fi
	"$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
	local dir
	# each candidate only when those before it failed: every fork counts in the command line's start-up
	if [ -n "${JAVA_HOME:-}" ] && usable_jdk "$JAVA_HOME"; then
		return 0
	fi
	for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
		usable_jdk "${dir%/}" && return 0
	done
	if command -v java >/dev/null 2>&1 && usable_jdk "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; then
		return 0
	fi
	echo "IPC Scope needs a JDK 21 or newer (java and javac); none was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
	echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
	return 1
}

# exports JAVA_HOME=$1 when $1 is a JDK 21 or newer
usable_jdk() {
	local major
	[ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
	major=$(java_major "$1")
	[ -n "$major" ] && [ "$major" -ge 21 ] || return 1
	export JAVA_HOME="$1"
}
