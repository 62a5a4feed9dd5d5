package org.ipcscope.win32.internal.traffic;

import java.util.Map;

import org.ipcscope.core.traffic.TrafficOp;

/** The DLL's numbers for ops, calls and errors (native/capture/capture.h) in words. */
final class CallNames {

	private static final String[] CALLS = { "?", "ReadFile", "WriteFile", "ReadFileEx", "WriteFileEx",
			"GetOverlappedResult", "GetQueuedCompletionStatus", "TransactNamedPipe", "CallNamedPipe",
			"ConnectNamedPipe", "DisconnectNamedPipe", "send", "recv", "sendto", "recvfrom", "WSASend", "WSARecv",
			"CloseHandle", "closesocket", "GetQueuedCompletionStatusEx" };

	private static final Map<Integer, String> ERRORS = Map.ofEntries(Map.entry(2, "ERROR_FILE_NOT_FOUND"),
			Map.entry(5, "ERROR_ACCESS_DENIED"), Map.entry(6, "ERROR_INVALID_HANDLE"),
			Map.entry(38, "ERROR_HANDLE_EOF"), Map.entry(87, "ERROR_INVALID_PARAMETER"),
			Map.entry(109, "ERROR_BROKEN_PIPE"), Map.entry(121, "ERROR_SEM_TIMEOUT"),
			Map.entry(231, "ERROR_PIPE_BUSY"), Map.entry(232, "ERROR_NO_DATA"),
			Map.entry(233, "ERROR_PIPE_NOT_CONNECTED"), Map.entry(234, "ERROR_MORE_DATA"),
			Map.entry(535, "ERROR_PIPE_CONNECTED"), Map.entry(536, "ERROR_PIPE_LISTENING"),
			Map.entry(995, "ERROR_OPERATION_ABORTED"), Map.entry(996, "ERROR_IO_INCOMPLETE"),
			Map.entry(10004, "WSAEINTR"), Map.entry(10009, "WSAEBADF"), Map.entry(10014, "WSAEFAULT"),
			Map.entry(10022, "WSAEINVAL"), Map.entry(10038, "WSAENOTSOCK"), Map.entry(10040, "WSAEMSGSIZE"),
			Map.entry(10053, "WSAECONNABORTED"), Map.entry(10054, "WSAECONNRESET"),
			Map.entry(10057, "WSAENOTCONN"), Map.entry(10058, "WSAESHUTDOWN"), Map.entry(10060, "WSAETIMEDOUT"),
			Map.entry(10061, "WSAECONNREFUSED"));

	private CallNames() {
	}

	static String call(int id) {
		return id > 0 && id < CALLS.length ? CALLS[id] : "call " + id;
	}

	/** @return the op, or {@code null} for a number this reader does not know */
	static TrafficOp op(int id) {
		return switch (id) {
		case 1 -> TrafficOp.READ;
		case 2 -> TrafficOp.WRITE;
		case 3 -> TrafficOp.CONNECT;
		case 4 -> TrafficOp.ACCEPT;
		case 5 -> TrafficOp.DISCONNECT;
		case 6 -> TrafficOp.CLOSE;
		default -> null;
		};
	}

	/** @return the error's symbolic name, {@code null} for 0 */
	static String error(int status) {
		return status == 0 ? null : ERRORS.getOrDefault(status, "error " + Integer.toUnsignedString(status));
	}
}
