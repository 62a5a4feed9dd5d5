package org.ipcscope.core.traffic;

import java.util.Objects;

/**
 * One captured call on an IPC channel, the same for every OS and capture method.
 *
 * @param sequence    1, 2, 3... in the order the capture delivered them
 * @param timeMicros  when the call completed, microseconds since the Unix epoch
 * @param pid         the calling process
 * @param tid         the calling thread (Linux TID, Windows thread id)
 * @param handle      the descriptor or handle the call used; {@link #handleKind()} says which
 * @param handleKind  a Unix file descriptor or a Windows handle
 * @param object      the channel's name as {@code list} shows it ({@code \\.\pipe\x},
 *                    {@code /tmp/fifo}, {@code pipe:[1234]}...), or {@code null} when unknown
 * @param op          what the call did
 * @param call        the function or system call that did it: {@code read}, {@code WSARecv}...
 * @param requested   bytes the caller asked to move (0 for ops without bytes)
 * @param transferred bytes actually moved; may exceed {@code payload.length} when the capture
 *                    cap cut the payload
 * @param status      0 on success, else the OS's error code: errno on Linux, a Win32 error on
 *                    Windows
 * @param error       the error's symbolic name ({@code EAGAIN}, {@code ERROR_BROKEN_PIPE}), or
 *                    {@code null} on success
 * @param payload     the first bytes moved, at most the capture cap
 */
public record TrafficRecord(long sequence, long timeMicros, long pid, long tid, long handle, HandleKind handleKind,
		String object, TrafficOp op, String call, long requested, long transferred, int status, String error,
		byte[] payload) {

	/** A Unix file descriptor ({@code "fd"} in files) or a Windows handle ({@code "handle"}). */
	public enum HandleKind {
		FD("fd"), HANDLE("handle");

		private final String field;

		HandleKind(String field) {
			this.field = field;
		}

		/** @return the capture file's field name for it */
		public String field() {
			return field;
		}
	}

	public TrafficRecord {
		Objects.requireNonNull(handleKind, "handleKind");
		Objects.requireNonNull(op, "op");
		Objects.requireNonNull(call, "call");
		Objects.requireNonNull(payload, "payload");
		if (transferred < payload.length) {
			throw new IllegalArgumentException(
					"transferred " + transferred + " is less than the payload's " + payload.length + " bytes");
		}
	}

	/** @return whether the payload holds fewer bytes than were moved */
	public boolean isTruncated() {
		return payload.length < transferred;
	}

	/** @return whether the call failed */
	public boolean failed() {
		return status != 0;
	}

	/** @return this record with another sequence number (a merge of several sources renumbers) */
	public TrafficRecord withSequence(long newSequence) {
		return new TrafficRecord(newSequence, timeMicros, pid, tid, handle, handleKind, object, op, call, requested,
				transferred, status, error, payload);
	}
}
