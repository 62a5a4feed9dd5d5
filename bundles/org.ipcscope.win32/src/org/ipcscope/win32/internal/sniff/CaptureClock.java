package org.ipcscope.win32.internal.sniff;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.LongByReference;

/**
 * Capture times: the performance counter (the same in every process, microsecond resolution)
 * anchored once to the wall clock, so that times from the DLL in the target and from our own
 * window procedure line up.
 */
public final class CaptureClock {

	interface Counter extends Library {
		Counter INSTANCE = Native.load("kernel32", Counter.class);

		boolean QueryPerformanceFrequency(LongByReference frequency);

		boolean QueryPerformanceCounter(LongByReference counter);
	}

	private final long frequency;
	private final long anchorCounterMicros;
	private final long anchorEpochMicros;

	public CaptureClock() {
		LongByReference value = new LongByReference();
		Counter.INSTANCE.QueryPerformanceFrequency(value);
		frequency = Math.max(1, value.getValue());
		anchorCounterMicros = counterMicros();
		anchorEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
	}

	/** @return the performance counter in microseconds, as the DLL computes it */
	public long counterMicros() {
		LongByReference value = new LongByReference();
		Counter.INSTANCE.QueryPerformanceCounter(value);
		long ticks = value.getValue();
		return ticks / frequency * 1_000_000L + ticks % frequency * 1_000_000L / frequency;
	}

	/** @return microseconds since the Unix epoch for a performance-counter time in microseconds */
	public long epochMicros(long counterMicros) {
		return anchorEpochMicros + counterMicros - anchorCounterMicros;
	}

	public long nowEpochMicros() {
		return epochMicros(counterMicros());
	}
}
