package org.ipcscope.core.traffic;

/**
 * The first line of a traffic capture file: where and how it was taken.
 *
 * @param os          {@code linux} or {@code windows}
 * @param method      how it was taken ({@code ptrace}, {@code dll}), or {@code null}
 * @param object      the one channel captured, or {@code null} for every channel
 * @param startMicros when capture started, microseconds since the Unix epoch
 */
public record TrafficHeader(String os, String method, String object, long startMicros) {
}
