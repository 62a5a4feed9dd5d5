package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What NtQueryInformationFile(FilePipeLocalInformation) tells about a pipe through one of its
 * handles, without connecting to it. FILE_PIPE_LOCAL_INFORMATION, 40 bytes of ULONGs:
 * NamedPipeType@0, NamedPipeConfiguration@4, MaximumInstances@8, CurrentInstances@12,
 * InboundQuota@16, ReadDataAvailable@20, OutboundQuota@24, WriteQuotaAvailable@28,
 * NamedPipeState@32, NamedPipeEnd@36.
 *
 * @param maximumInstances {@link #UNLIMITED} for PIPE_UNLIMITED_INSTANCES
 * @param end              {@link #SERVER_END} or {@link #CLIENT_END}
 */
public record PipeLocalInformation(int type, int configuration, long maximumInstances, long currentInstances,
		long inboundQuota, long readDataAvailable, long outboundQuota, long writeQuotaAvailable, int state, int end) {

	public static final int SIZE = 40;
	static final long UNLIMITED = 0xFFFFFFFFL;
	static final int CLIENT_END = 0;
	static final int SERVER_END = 1;

	private static final String[] STATES = { "?", "disconnected", "listening", "connected", "closing" };
	private static final String[] CONFIGURATIONS = { "inbound", "outbound", "duplex" };

	public static PipeLocalInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("FILE_PIPE_LOCAL_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new PipeLocalInformation(in.getInt(0), in.getInt(4), unsigned(in, 8), unsigned(in, 12), unsigned(in, 16),
				unsigned(in, 20), unsigned(in, 24), unsigned(in, 28), in.getInt(32), in.getInt(36));
	}

	private static long unsigned(ByteBuffer in, int offset) {
		return Integer.toUnsignedLong(in.getInt(offset));
	}

	public boolean isServerEnd() {
		return end == SERVER_END;
	}

	String describeType() {
		return type == 1 ? "message" : "byte";
	}

	String describeConfiguration() {
		return configuration >= 0 && configuration < CONFIGURATIONS.length ? CONFIGURATIONS[configuration]
				: "configuration " + configuration;
	}

	String describeState() {
		return state > 0 && state < STATES.length ? STATES[state] : "state " + state;
	}

	public static String describeInstances(long instances) {
		return instances == UNLIMITED ? "unlimited" : Long.toString(instances);
	}
}
