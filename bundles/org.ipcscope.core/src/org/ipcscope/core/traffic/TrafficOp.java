package org.ipcscope.core.traffic;

/**
 * What a captured call did. The id is the stable token of capture files and {@code tap --json};
 * the call that did it (read, WSARecv, recvmsg...) is kept beside it in {@link TrafficRecord#call()}.
 */
public enum TrafficOp {
	/** Bytes came in: read, recv, ReadFile, a completed overlapped read... */
	READ("read", Direction.IN),
	/** Bytes went out: write, send, WriteFile... */
	WRITE("write", Direction.OUT),
	/** A connection was made: connect, ConnectNamedPipe, CallNamedPipe's open. */
	CONNECT("connect", Direction.NONE),
	/** A connection was accepted: accept, accept4. */
	ACCEPT("accept", Direction.NONE),
	/** A connection was ended: DisconnectNamedPipe, shutdown. */
	DISCONNECT("disconnect", Direction.NONE),
	/** The process let go of the handle or descriptor: close, CloseHandle. */
	CLOSE("close", Direction.NONE);

	/** Which way the bytes of an op flow, seen from the process that made the call. */
	public enum Direction {
		IN, OUT, NONE
	}

	private final String id;
	private final Direction direction;

	TrafficOp(String id, Direction direction) {
		this.id = id;
		this.direction = direction;
	}

	public String id() {
		return id;
	}

	public Direction direction() {
		return direction;
	}

	/** @throws IllegalArgumentException for an unknown id, naming the known ones */
	public static TrafficOp ofId(String id) {
		for (TrafficOp op : values()) {
			if (op.id.equals(id)) {
				return op;
			}
		}
		throw new IllegalArgumentException("unknown op '" + id + "': use read, write, connect, accept, disconnect or close");
	}
}
