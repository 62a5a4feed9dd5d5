# Bash completion of ./ipcscope (and of an `ipcscope` on the PATH):
#   source releng/scripts/ipcscope-completion.bash
# Completes verbs, options and their values, PIDs from /proc, POSIX segment names from /dev/shm.
# Kept in step with the command line's usage (CompletionTest compares the verbs).

_ipcscope_verbs="list hex processes regions modules dump search sniff windows tap clipboard daemon help --version"
_ipcscope_kinds="section event mutex semaphore named-pipe mailslot symlink object posix-shm sysv-shm sysv-sem sysv-msg posix-mq fifo unix-socket pipe tcp udp"

_ipcscope_pids() {
	local dir
	for dir in /proc/[0-9]*; do
		printf '%s\n' "${dir#/proc/}"
	done
}

_ipcscope() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local verb=${COMP_WORDS[1]:-}
	COMPREPLY=()
	if [ "$COMP_CWORD" -eq 1 ]; then
		mapfile -t COMPREPLY < <(compgen -W "$_ipcscope_verbs --no-daemon" -- "$cur")
		return
	fi
	if [ "$verb" = --no-daemon ]; then
		verb=${COMP_WORDS[2]:-}
		if [ "$COMP_CWORD" -eq 2 ]; then
			mapfile -t COMPREPLY < <(compgen -W "$_ipcscope_verbs" -- "$cur")
			return
		fi
	fi
	case "$prev" in
	--kind)
		if [ "$verb" = tap ]; then
			mapfile -t COMPREPLY < <(compgen -W "pipe fifo unix-socket tcp udp named-pipe mailslot" -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "$_ipcscope_kinds" -- "$cur")
		fi
		return
		;;
	--pid)
		# a comma-separated list: complete the last PID of it
		local done=${cur%"${cur##*,}"}
		mapfile -t COMPREPLY < <(compgen -P "$done" -W "$(_ipcscope_pids)" -- "${cur##*,}")
		return
		;;
	--fifo-dir) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
	-o) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
	--width) mapfile -t COMPREPLY < <(compgen -W "8 16 32" -- "$cur"); return ;;
	--text) mapfile -t COMPREPLY < <(compgen -W "ascii latin1 utf8 utf16le" -- "$cur"); return ;;
	--strategy) mapfile -t COMPREPLY < <(compgen -W "proxy inproc" -- "$cur"); return ;;
	--selection) mapfile -t COMPREPLY < <(compgen -W "CLIPBOARD PRIMARY" -- "$cur"); return ;;
	--watch) [ "$verb" = clipboard ] || return ;;
	--namespace | --offset | --length | --max | --window | --class | --hwnd | --cap | --slots | --count | --seconds | --object | --read) return ;;
	esac
	local options positional=
	case "$verb" in
	list) options="--kind --fifo-dir --json" ;;
	hex) options="--namespace --offset --length --watch --width --text" positional=segment ;;
	processes) options="--json" ;;
	regions | modules) options="--json" positional=pid ;;
	dump) options="-o" positional=pid ;;
	search) options="--json --max" positional=pid ;;
	sniff) options="--window --class --hwnd --strategy --json --cap --slots --count --seconds" ;;
	windows) options="--json" ;;
	tap) options="--pid --object --kind --json --count --seconds --cap" ;;
	clipboard) options="--json --watch --count --seconds --selection --read --cap" ;;
	daemon) options="status stop" ;;
	help) options=${_ipcscope_verbs% --version} ;;
	esac
	if [[ "$cur" == -* ]] || [ -z "$positional" ]; then
		mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
	elif [ "$positional" = pid ] && [ "$prev" = "$verb" ]; then
		mapfile -t COMPREPLY < <(compgen -W "$(_ipcscope_pids)" -- "$cur")
	elif [ "$positional" = pid ] && [ "$verb" = search ]; then
		mapfile -t COMPREPLY < <(compgen -W "text: hex: ascii: utf16: int8: int16: int32: int64: int16be: int32be: int64be:" -- "$cur")
		compopt -o nospace 2>/dev/null
	elif [ "$positional" = segment ] && [ "$prev" = hex ]; then
		local segments=(/dev/shm/*)
		[ -e "${segments[0]}" ] && mapfile -t COMPREPLY < <(compgen -W "$(printf '/%s\n' "${segments[@]#/dev/shm/}")" -- "$cur")
	fi
}

complete -F _ipcscope ipcscope ./ipcscope
