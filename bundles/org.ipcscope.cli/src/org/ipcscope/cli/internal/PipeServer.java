package org.ipcscope.cli.internal;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ServiceLoader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.platform.win32.WinNT;

import org.ipcscope.core.process.ProcessMemoryProvider;

/**
 * The resident server on Windows: what {@link DaemonServer} is on Linux, over a named pipe
 * ({@link NamedPipes}) instead of a Unix domain socket, which Wine does not have. The console
 * launcher {@code ipcscope-cli.exe} starts it after a served verb it ran itself, detached, once per
 * user, product build, Java and output encoding (the pipe's name says which); it answers with
 * {@link ServedCommands} and {@link DaemonProtocol}, as on Linux, and exits after
 * {@code IDLE_SECONDS} without requests, when a jar it runs from changes or goes, or on
 * {@code daemon stop}.
 *
 * <pre>PipeServer \\.\pipe\NAME IDLE_SECONDS [LOG]</pre>
 *
 * LOG is a file its lines are appended to (it is started without a console).
 */
public final class PipeServer implements ServedCommands.Host {

	private static final long CHECK_MILLIS = 1000;
	private static final long ACCEPT_BACKOFF_MILLIS = 200;

	private final String name;
	private final Duration idle;
	private final ServedCommands commands;
	private final Instant started = Instant.now();
	private final AtomicInteger active = new AtomicInteger();
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "checks and transfer timeouts");
		thread.setDaemon(true);
		return thread;
	});
	private volatile long lastRequest = System.nanoTime();
	private volatile String stopReason;

	private PipeServer(String name, Duration idle) {
		this.name = name;
		this.idle = idle;
		this.commands = new ServedCommands(Main.inventory(),
				ServiceLoader.load(ProcessMemoryProvider.class).findFirst().orElse(null));
	}

	public static void main(String[] args) {
		if (args.length < 2 || args.length > 3) {
			System.err.println("usage: PipeServer \\\\.\\pipe\\NAME IDLE_SECONDS [LOG]");
			System.exit(CommandLine.EXIT_USAGE);
		}
		if (args.length == 3) {
			try {
				System.setErr(new PrintStream(new FileOutputStream(args[2], true), true, StandardCharsets.UTF_8));
			} catch (IOException e) {
				// no log then: it still serves
			}
		}
		Duration idle = DaemonSettings.seconds(args[1]);
		if (idle == null || !args[0].startsWith("\\\\.\\pipe\\")) {
			DaemonServer.log("bad arguments '" + DaemonPlace.oneLine(String.join(" ", args)) + "': no server starts");
			System.exit(CommandLine.EXIT_USAGE);
		}
		int code;
		try {
			code = new PipeServer(args[0], idle).serve();
		} catch (IOException | InterruptedException | RuntimeException | LinkageError e) {
			DaemonServer.log("cannot serve at " + args[0] + ": " + e.getMessage());
			code = 1;
		}
		System.exit(code);
	}

	private int serve() throws IOException, InterruptedException {
		NamedPipes pipes = new NamedPipes(name);
		WinNT.HANDLE next = pipes.create();
		DaemonServer.log("serving " + name + " (pid " + ProcessHandle.current().pid() + ", idle timeout "
				+ idle.toMillis() / 1000.0 + " s)");
		// idle from now: the JVM's start does not count against it
		lastRequest = System.nanoTime();
		DaemonWarmUp.start(commands, () -> stopReason != null);
		timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
		for (;;) {
			boolean connected;
			try {
				connected = NamedPipes.connect(next);
			} catch (IOException e) {
				DaemonServer.log(e.getMessage() + ": waiting, then serving on");
				Thread.sleep(ACCEPT_BACKOFF_MILLIS);
				connected = false;
			}
			NamedPipes.Connection connection = new NamedPipes.Connection(next);
			// the next instance before this one is served: a client never finds the name gone while we run
			next = pipes.create();
			if (!connected || stopReason != null || active.get() >= DaemonServer.MAX_CONNECTIONS) {
				connection.close(); // the client runs the command itself
				continue;
			}
			active.incrementAndGet();
			// JNA's blocking calls would pin a virtual thread's carrier
			Thread.ofPlatform().name("request").daemon().start(() -> handle(connection));
		}
	}

	private void handle(NamedPipes.Connection connection) {
		try (connection) {
			commands.serve(connection, this, timer, connection::cancel);
		} catch (IOException | RuntimeException | OutOfMemoryError e) {
			DaemonServer.log("request failed: " + e);
		} finally {
			lastRequest = System.nanoTime();
			active.decrementAndGet();
		}
	}

	private void check() {
		if (commands.product().changed()) {
			stop("the product it runs from has changed");
		} else if (active.get() == 0 && System.nanoTime() - lastRequest > idle.toNanos()) {
			stop("idle for " + idle.toMillis() / 1000.0 + " s");
		}
		if (stopReason != null && active.get() == 0) {
			// the pipe's instances go with the process: the next client finds no server and runs the command itself
			DaemonServer.log("stopping: " + stopReason);
			System.exit(0);
		}
	}

	@Override
	public void stop(String reason) {
		if (stopReason == null) {
			stopReason = reason;
		}
	}

	@Override
	public String status(int served) {
		long up = Duration.between(started, Instant.now()).toSeconds();
		return "A server is running: pid " + ProcessHandle.current().pid() + ", up " + up + " s, " + served
				+ " requests served\npipe: " + name + "\nidle timeout: " + idle.toMillis() / 1000.0
				+ " s after the last request\nruns from: " + String.join(File.pathSeparator, commands.product().classPath())
				+ "\nJava: " + System.getProperty("java.home") + "\n";
	}
}
