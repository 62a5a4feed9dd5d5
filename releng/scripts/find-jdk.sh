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
	local candidates=() dir major
	[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
	for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
		candidates+=("${dir%/}")
	done
	if command -v java >/dev/null 2>&1; then
		candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
	fi
	for dir in "${candidates[@]}"; do
		[ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
		major=$(java_major "$dir")
		if [ -n "$major" ] && [ "$major" -ge 21 ]; then
			export JAVA_HOME="$dir"
			return 0
		fi
	done
	echo "IPC Scope needs a JDK 21 or newer (java and javac); none was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
	echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
	return 1
}
