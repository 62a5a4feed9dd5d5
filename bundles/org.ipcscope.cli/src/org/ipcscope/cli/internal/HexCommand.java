package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.hex.HexDumpFormat;
import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.core.hex.TextEncoding;
import org.ipcscope.core.internal.FileProblems;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.text.Printable;

/**
 * {@code hex NAME [--offset O] [--length L] [--watch MS]}: a hex dump of a shared-memory object,
 * read in chunks; with {@code --watch}, only the rows that changed since the last look, their
 * changed bytes marked on the line below.
 */
final class HexCommand {

	static final String USAGE = "hex NAME [--namespace NS] [--offset O] [--length L] [--watch MS] [--width 8|16|32]"
			+ " [--text ascii|latin1|utf8|utf16le]\n"
			+ "  NAME: /name (POSIX), 0xKEY or #SHMID (SysV), Local\\name (Windows), or any memory object listed;\n"
			+ "        as given, byte for byte, else with list's escapes (\\xff, \\n, \\\\) taken as what they stand for\n"
			+ "  O, L: numbers or expressions such as 0x100+20\n"
			+ "  --watch: print the rows that changed every MS milliseconds, changed bytes marked ^^ (Ctrl+C ends)\n"
			+ StructOptions.USAGE + ";\n        with --watch only the fields that changed, old -> new. Default ABI: msvc64 for a"
			+ " Windows section, else sysv64";

	/** Rows read at once while dumping: constant memory whatever the length. */
	private static final int CHUNK_ROWS = 4096;
	/** Default and largest range for --watch: all of it is kept to compare with. */
	static final long WATCH_DEFAULT = 64 * 1024;
	static final long WATCH_MAX = 16 * 1024 * 1024;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final String name;
	private String namespace;
	private String offsetText = "0";
	private String lengthText;
	private long watchMillis = -1;
	private int width = 16;
	private TextEncoding encoding = TextEncoding.ASCII;
	private final StructOptions struct;
	private boolean json;
	/** Options that mean nothing to a struct overlay, to refuse them with --struct. */
	private final List<String> hexOnly = new java.util.ArrayList<>();

	HexCommand(List<String> args, java.nio.file.Path workingDirectory) throws UsageException {
		struct = new StructOptions(workingDirectory);
		String found = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			int last = struct.take(args, i);
			if (last >= 0) {
				i = last;
				continue;
			}
			if (List.of("--offset", "--length", "--width", "--text").contains(arg)) {
				hexOnly.add(arg);
			}
			switch (arg) {
			case "--json" -> json = true;
			case "--namespace" -> namespace = value(args, ++i, arg);
			case "--offset" -> offsetText = value(args, ++i, arg);
			case "--length" -> lengthText = value(args, ++i, arg);
			case "--watch" -> watchMillis = parseWatch(value(args, ++i, arg));
			case "--width" -> width = parseWidth(value(args, ++i, arg));
			case "--text" -> encoding = parseEncoding(value(args, ++i, arg));
			default -> {
				if (arg.startsWith("--")) {
					throw new UsageException("hex does not know '" + arg + "'");
				}
				if (found != null) {
					throw new UsageException("hex takes one NAME, not '" + found + "' and '" + arg + "'");
				}
				found = arg;
			}
			}
		}
		if (found == null) {
			throw new UsageException("hex needs the NAME of a shared-memory object");
		}
		struct.checkAlone();
		if (struct.wanted() && !hexOnly.isEmpty()) {
			throw new UsageException(hexOnly.get(0) + " does not go with --struct (its offset is FILE.h:Type@OFFSET)");
		}
		if (json && !struct.wanted()) {
			throw new UsageException("hex --json goes with --struct");
		}
		name = found;
	}

	private static String value(List<String> args, int index, String option) throws UsageException {
		if (index >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(index);
	}

	private static long parseWatch(String text) throws UsageException {
		if (text.matches("[0-9]{1,18}")) {
			long millis = Long.parseLong(text);
			if (millis >= 10) {
				return millis;
			}
		}
		throw new UsageException("--watch takes milliseconds, at least 10: '" + text + "'");
	}

	private static int parseWidth(String text) throws UsageException {
		return switch (text) {
		case "8" -> 8;
		case "16" -> 16;
		case "32" -> 32;
		default -> throw new UsageException("--width is 8, 16 or 32, not '" + text + "'");
		};
	}

	private static TextEncoding parseEncoding(String text) throws UsageException {
		try {
			return TextEncoding.fromId(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--text is ascii, latin1, utf8 or utf16le, not '" + text + "'");
		}
	}

	int run(Providers.MemoryAccess memoryAccess, Providers.InventoryAccess inventory, PrintStream out,
			PrintStream err) throws InterruptedException, UsageException {
		MemorySourceService memory = memoryAccess.open();
		if (memory == null) {
			CommandLine.noProvider(err);
			return CommandLine.EXIT_NO_SERVICE;
		}
		try {
			Optional<IpcObject> object = resolve(memory, inventory);
			if (object.isEmpty()) {
				err.println("No shared memory named '" + name + "'" + (namespace == null ? "" : " in " + namespace)
						+ "; " + CommandName.get() + " list --kind posix-shm,sysv-shm,section shows what there is");
				return CommandLine.EXIT_NOT_FOUND;
			}
			try (MemorySource source = memory.open(object.get(), false)) {
				if (struct.wanted()) {
					return overlay(object.get(), source, out, err);
				}
				return dump(source, out, err);
			}
		} catch (SourceGoneException e) {
			out.flush();
			err.println(name + " is gone: " + e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		} catch (IOException e) {
			out.flush();
			// the JDK's message is the bare path: say why (no such file, permission denied: owner and mode)
			err.println("Cannot read " + name + ": " + FileProblems.describe(e));
			return CommandLine.EXIT_NOT_FOUND;
		}
	}

	/**
	 * The name as given, byte for byte; if nothing has it and it holds a backslash, the name its
	 * escapes stand for, as the text table prints it ({@link Printable}: {@code /a\xff}).
	 */
	private Optional<IpcObject> resolve(MemorySourceService memory, Providers.InventoryAccess access)
			throws IOException, InterruptedException {
		Optional<IpcObject> found = resolve(name, memory, access);
		if (found.isPresent() || name.indexOf('\\') < 0) {
			return found;
		}
		String unescaped;
		try {
			unescaped = Printable.unescape(name);
		} catch (IllegalArgumentException e) {
			return found;
		}
		return resolve(unescaped, memory, access);
	}

	/** By name through the providers first; else among the memory objects the inventory lists (unlinked ones). */
	private Optional<IpcObject> resolve(String wanted, MemorySourceService memory, Providers.InventoryAccess access)
			throws IOException, InterruptedException {
		Optional<IpcObject> found = memory.lookup(wanted, namespace);
		if (found.isPresent()) {
			return found;
		}
		InventoryService inventory = access.open();
		if (inventory == null) {
			return Optional.empty();
		}
		Set<IpcKind> kinds = EnumSet.noneOf(IpcKind.class);
		Arrays.stream(IpcKind.values()).filter(IpcKind::isMemory).forEach(kinds::add);
		return inventory.refresh(kinds).objects().stream()
				.filter(o -> o.name().equals(wanted) && (namespace == null || o.namespace().equals(namespace))
						&& memory.canOpen(o))
				.findFirst();
	}

	/** The fields of the --struct overlay: once, or as they change. */
	private int overlay(IpcObject object, MemorySource source, PrintStream out, PrintStream err)
			throws IOException, InterruptedException, UsageException {
		// a named section is Windows' (its process's bitness is not known from the section); the rest is Linux's
		org.ipcscope.core.struct.Abi target = object.kind() == IpcKind.SECTION ? org.ipcscope.core.struct.Abi.MSVC64
				: org.ipcscope.core.struct.Abi.SYSV64;
		org.ipcscope.core.struct.StructOverlay overlay;
		try {
			overlay = struct.overlay(target);
		} catch (StructOptions.BadHeader e) {
			err.println(e.getMessage());
			return e.exitCode;
		}
		long size = source.size();
		if (overlay.offset() > size - overlay.size()) {
			throw new UsageException(String.format("%s is %d bytes from offset 0x%x: it runs past the end of %s (%d bytes)",
					overlay.typeName() + (overlay.count() > 1 ? " x" + overlay.count() : ""), overlay.size(),
					overlay.offset(), name, size));
		}
		StructOutput output = new StructOutput(overlay, 0, object.name(), json);
		return watchMillis > 0 ? output.watch(source, watchMillis, out, err) : output.once(source, out, err);
	}

	private int dump(MemorySource source, PrintStream out, PrintStream err)
			throws IOException, InterruptedException, UsageException {
		long size = source.size();
		long offset = evaluate("--offset", offsetText);
		if (offset < 0 || offset > size || offset == size && size > 0) {
			throw new UsageException(String.format("--offset 0x%x is past the end of %s (%d bytes)", offset, name, size));
		}
		if (size == 0) {
			err.println(name + " is empty (0 bytes)");
			return CommandLine.EXIT_OK;
		}
		long available = size - offset;
		long length = lengthText == null ? available : evaluate("--length", lengthText);
		if (length < 0) {
			throw new UsageException("--length must not be negative");
		}
		if (lengthText == null && watchMillis > 0 && length > WATCH_DEFAULT) {
			length = WATCH_DEFAULT;
			err.printf("Watching the first %d bytes; --length chooses more (up to %d)%n", length, WATCH_MAX);
		}
		// compared with what is left, not as offset + length: that sum overflowed and printed forever
		if (length > available) {
			throw new UsageException(String.format("--length 0x%x runs past the end of %s: %d bytes (0x%x) from --offset 0x%x",
					length, name, available, available, offset));
		}
		if (watchMillis > 0 && length > WATCH_MAX) {
			throw new UsageException("--watch compares at most " + WATCH_MAX + " bytes each time; choose a --length");
		}
		HexDumpFormat format = new HexDumpFormat(width, offset + length, encoding);
		if (watchMillis < 0) {
			return printAll(source, format, offset, length, out, err);
		}
		return watch(source, format, offset, (int) length, out, err);
	}

	private static long evaluate(String option, String text) throws UsageException {
		try {
			return OffsetExpression.evaluate(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException(option + ": " + e.getMessage());
		}
	}

	/**
	 * Streams the range in chunks; repeated rows collapse to one "*" line, as hexdump does. Stops
	 * where the object ends if it shrinks meanwhile, and when nobody reads the output any more.
	 */
	private int printAll(MemorySource source, HexDumpFormat format, long offset, long length, PrintStream out,
			PrintStream err) throws IOException {
		SqueezedRows rows = new SqueezedRows(format, out);
		long shrunk = -1;
		for (long done = 0; done < length && shrunk < 0;) {
			int count = (int) Math.min((long) CHUNK_ROWS * width, length - done);
			MemoryRead read = source.read(offset + done, count);
			shrunk = shrunkTo(source, read, offset + done + count);
			if (shrunk >= 0) {
				count = (int) Math.max(0, shrunk - offset - done);
			}
			long stop = shrunk >= 0 ? done + count : length;
			for (int row = 0; row < count; row += width) {
				int rowLength = Math.min(width, count - row);
				rows.print(offset + done + row, read, row, rowLength, done + row + rowLength == stop);
			}
			done += count;
			if (CommandLine.outputClosed(out)) {
				return CommandLine.EXIT_NOT_FOUND;
			}
		}
		out.println(String.format("%08x", shrunk >= 0 ? Math.max(offset, shrunk) : offset + length));
		out.flush();
		if (shrunk >= 0) {
			err.printf("%s shrank to %d bytes while it was dumped: the dump stops at its new end%n", name, shrunk);
			return CommandLine.EXIT_NOT_FOUND;
		}
		return CommandLine.EXIT_OK;
	}

	/**
	 * @return the object's new size if it ended before {@code end} since the dump began, else -1:
	 *         a read past the end marks the bytes unreadable, and a truncated 2 GiB segment printed
	 *         "??" rows to its old end
	 */
	private static long shrunkTo(MemorySource source, MemoryRead read, long end) throws IOException {
		if (read.unreadable().isEmpty()) {
			return -1;
		}
		long size = source.size();
		return size < end ? size : -1;
	}

	private int watch(MemorySource source, HexDumpFormat format, long offset, int length, PrintStream out,
			PrintStream err) throws IOException, InterruptedException {
		MemoryRead before = null;
		while (true) {
			MemoryRead now = source.read(offset, length);
			long shrunk = shrunkTo(source, now, offset + length);
			if (shrunk >= 0) {
				out.flush();
				err.printf("%s shrank to %d bytes: the watched range ends past it%n", name, shrunk);
				return CommandLine.EXIT_NOT_FOUND;
			}
			if (before == null) {
				// the first look as hex prints it: repeated rows collapse
				SqueezedRows rows = new SqueezedRows(format, out);
				for (int row = 0; row < length; row += width) {
					int rowLength = Math.min(width, length - row);
					rows.print(offset + row, now, row, rowLength, row + rowLength == length);
				}
				out.flush();
			} else {
				printChanges(format, offset, before, now, out);
			}
			// PrintStream keeps quiet about a closed pipe: asked, or --watch ran on after `| head` ended
			if (CommandLine.outputClosed(out)) {
				return CommandLine.EXIT_NOT_FOUND;
			}
			before = now;
			Thread.sleep(watchMillis);
		}
	}

	private void printChanges(HexDumpFormat format, long offset, MemoryRead before, MemoryRead now, PrintStream out) {
		BitSet changed = new BitSet(now.bytes().length);
		for (int i = 0; i < now.bytes().length; i++) {
			if (before.isReadable(i) != now.isReadable(i) || now.bytes()[i] != before.bytes()[i]) {
				changed.set(i);
			}
		}
		if (changed.isEmpty()) {
			return;
		}
		out.println("-- " + TIME.format(LocalTime.now()));
		int length = now.bytes().length;
		for (int row = 0; row < length; row += width) {
			int rowLength = Math.min(width, length - row);
			if (changed.nextSetBit(row) >= 0 && changed.nextSetBit(row) < row + rowLength) {
				out.println(format.row(offset + row, now.bytes(), now.unreadable(), row, rowLength));
				out.println(format.marks(changed, row, rowLength));
			}
		}
		out.flush();
	}
}
