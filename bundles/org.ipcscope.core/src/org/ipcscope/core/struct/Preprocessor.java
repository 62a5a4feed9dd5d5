package org.ipcscope.core.struct;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.struct.CToken.Kind;

/**
 * The part of the C preprocessor that headers describing shared data use: {@code #define} (object-
 * and function-like, without {@code #} and {@code ##}), {@code #undef}, {@code #include "..."} next
 * to the including file, the conditionals with {@code defined()}, {@code #pragma once} and
 * {@code #pragma pack}, which it passes on to the parser as the pseudo-token {@value #PACK}.
 */
final class Preprocessor {

	static final String PACK = "__ipcscope_pragma_pack";
	/** Larger headers are not descriptions of shared data; the limit keeps a mistaken file from filling memory. */
	static final long MAX_FILE_BYTES = 8L << 20;
	private static final int MAX_DEPTH = 64;
	/** Tokens macro expansion may make in all: macros that double at each level would otherwise fill memory. */
	static final int MAX_EXPANDED = 4_000_000;
	private long expanded;

	private record Macro(List<String> parameters, List<CToken> body) {
		boolean functionLike() {
			return parameters != null;
		}
	}

	private final Map<String, Macro> macros = new HashMap<>();
	private final List<Path> includeDirectories;
	private final List<CToken> out = new ArrayList<>();
	private final Deque<Path> including = new ArrayDeque<>();
	private final Set<Path> once = new HashSet<>();
	private Path root;

	private Preprocessor(HeaderOptions options) throws HeaderProblem {
		includeDirectories = options.includeDirectories();
		for (Map.Entry<String, String> e : options.abi().predefinedMacros().entrySet()) {
			define(e.getKey(), e.getValue(), "<predefined>");
		}
		define("__STDC__", "1", "<predefined>");
		define("__STDC_VERSION__", "201710L", "<predefined>");
		for (Map.Entry<String, String> e : options.defines().entrySet()) {
			define(e.getKey(), e.getValue(), "--define " + e.getKey());
		}
	}

	private void define(String name, String value, String origin) throws HeaderProblem {
		List<CToken> body = new ArrayList<>();
		for (List<CToken> line : CLexer.lines(value, origin)) {
			body.addAll(line);
		}
		macros.put(name, new Macro(null, body));
	}

	/** @return the tokens of the header's code with macros expanded and every directive done */
	static List<CToken> run(HeaderSource source, HeaderOptions options) throws HeaderProblem {
		Preprocessor preprocessor = new Preprocessor(options);
		if (source.file() != null) {
			Path file = real(source.file(), source.name(), null);
			preprocessor.root = file.getParent();
			preprocessor.file(file, source.name(), read(file, source.name(), null));
		} else {
			preprocessor.file(null, source.name(), source.text());
		}
		return preprocessor.out;
	}

	private static Path real(Path path, String name, CToken at) throws HeaderProblem {
		try {
			return path.toRealPath();
		} catch (IOException e) {
			throw problem(at, name, "cannot open " + name + ": no such file or not readable");
		}
	}

	private static HeaderProblem problem(CToken at, String name, String reason) {
		return at == null ? new HeaderProblem(name, 1, 1, reason) : new HeaderProblem(at, reason);
	}

	private static String read(Path file, String name, CToken at) throws HeaderProblem {
		try {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				throw problem(at, name, name + " is not a regular file");
			}
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw problem(at, name, name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
			}
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw problem(at, name, "cannot read " + name + ": " + e.getClass().getSimpleName());
		}
	}

	private static final class Conditional {
		final boolean parentActive;
		boolean taken;
		boolean active;
		boolean sawElse;

		Conditional(boolean parentActive, boolean condition) {
			this.parentActive = parentActive;
			this.active = parentActive && condition;
			this.taken = condition;
		}
	}

	private void file(Path path, String name, String text) throws HeaderProblem {
		if (path != null) {
			including.push(path);
		}
		Deque<Conditional> conditionals = new ArrayDeque<>();
		CToken last = null;
		for (List<CToken> line : CLexer.lines(text, name)) {
			boolean active = conditionals.isEmpty() || conditionals.peek().active;
			last = line.get(line.size() - 1);
			if (line.get(0).is("#") && line.get(0).kind() == Kind.PUNCT) {
				directive(path, line, conditionals, active);
			} else if (active) {
				expand(line, 0, line.size(), new HashSet<>(), out, endOf(line));
			}
		}
		if (!conditionals.isEmpty()) {
			throw new HeaderProblem(last == null ? new CToken(Kind.END, "", name, 1, 1) : last,
					"#endif missing at the end of " + name);
		}
		if (path != null) {
			including.pop();
		}
	}

	private static CToken endOf(List<CToken> line) {
		CToken last = line.get(line.size() - 1);
		return new CToken(Kind.END, "", last.file(), last.line(), last.column() + last.text().length());
	}

	private void directive(Path path, List<CToken> line, Deque<Conditional> conditionals, boolean active)
			throws HeaderProblem {
		if (line.size() == 1) {
			return;
		}
		CToken word = line.get(1);
		List<CToken> rest = line.subList(2, line.size());
		switch (word.text()) {
		case "if" -> conditionals.push(new Conditional(active, active && condition(rest, word, endOf(line))));
		case "ifdef", "ifndef" -> {
			if (rest.isEmpty() || rest.get(0).kind() != Kind.IDENT) {
				throw new HeaderProblem(word, "#" + word.text() + " needs a macro name");
			}
			boolean defined = macros.containsKey(rest.get(0).text());
			conditionals.push(new Conditional(active, word.text().equals("ifdef") == defined));
		}
		case "elif", "else" -> {
			Conditional c = conditionals.peek();
			if (c == null || c.sawElse) {
				throw new HeaderProblem(word, "#" + word.text() + " without #if");
			}
			boolean condition = word.text().equals("else") ? true
					: c.parentActive && !c.taken && condition(rest, word, endOf(line));
			c.sawElse = word.text().equals("else");
			c.active = c.parentActive && !c.taken && condition;
			c.taken |= condition;
		}
		case "endif" -> {
			if (conditionals.poll() == null) {
				throw new HeaderProblem(word, "#endif without #if");
			}
		}
		default -> {
			if (active) {
				activeDirective(path, word, rest, line);
			}
		}
		}
	}

	private void activeDirective(Path path, CToken word, List<CToken> rest, List<CToken> line) throws HeaderProblem {
		switch (word.text()) {
		case "define" -> {
			if (rest.isEmpty() || rest.get(0).kind() != Kind.IDENT) {
				throw new HeaderProblem(word, "#define needs a macro name");
			}
			CToken name = rest.get(0);
			boolean function = rest.size() > 1 && rest.get(1).is("(")
					&& rest.get(1).column() == name.column() + name.text().length() && rest.get(1).line() == name.line();
			if (!function) {
				macros.put(name.text(), new Macro(null, List.copyOf(rest.subList(1, rest.size()))));
				return;
			}
			List<String> parameters = new ArrayList<>();
			int i = 2;
			while (i < rest.size() && !rest.get(i).is(")")) {
				if (rest.get(i).kind() == Kind.IDENT || rest.get(i).is("...")) {
					parameters.add(rest.get(i).text());
				}
				i++;
			}
			if (i >= rest.size()) {
				throw new HeaderProblem(name, "')' missing in the parameters of macro " + name.text());
			}
			macros.put(name.text(), new Macro(parameters, List.copyOf(rest.subList(i + 1, rest.size()))));
		}
		case "undef" -> {
			if (!rest.isEmpty()) {
				macros.remove(rest.get(0).text());
			}
		}
		case "include" -> include(path, word, rest);
		case "pragma" -> {
			if (!rest.isEmpty() && rest.get(0).is("once") && path != null) {
				once.add(path);
			} else if (!rest.isEmpty() && rest.get(0).is("pack")) {
				out.add(new CToken(Kind.IDENT, PACK, word.file(), word.line(), word.column()));
				out.addAll(rest.subList(1, rest.size()));
				out.add(new CToken(Kind.PUNCT, ";", word.file(), word.line(), word.column()));
			}
		}
		case "error" -> throw new HeaderProblem(word, "#error" + (rest.isEmpty() ? ""
				: " " + String.join(" ", rest.stream().map(CToken::text).toList())));
		default -> {
			// #line, #warning, #ident and others change nothing in a layout
		}
		}
	}

	private void include(Path path, CToken word, List<CToken> rest) throws HeaderProblem {
		if (rest.isEmpty()) {
			throw new HeaderProblem(word, "#include needs a file name");
		}
		CToken first = rest.get(0);
		String wanted;
		boolean quoted = first.kind() == Kind.STRING;
		if (quoted) {
			wanted = first.text().substring(1, first.text().length() - 1);
		} else if (first.is("<")) {
			StringBuilder b = new StringBuilder();
			for (CToken t : rest.subList(1, rest.size())) {
				if (t.is(">")) {
					break;
				}
				b.append(t.text());
			}
			wanted = b.toString();
		} else {
			throw new HeaderProblem(first, "#include takes \"file\" or <file>");
		}
		Path found = null;
		if (quoted && path != null) {
			Path candidate = path.getParent().resolve(wanted).normalize();
			if (Files.exists(candidate)) {
				found = real(candidate, wanted, first);
				if (!found.startsWith(root) && !underIncludeDirectory(found)) {
					throw new HeaderProblem(first, "#include \"" + wanted + "\" leads out of " + root
							+ "; give --include DIR to allow " + found.getParent());
				}
			}
		}
		for (int i = 0; found == null && i < includeDirectories.size(); i++) {
			Path candidate = includeDirectories.get(i).resolve(wanted).normalize();
			if (Files.exists(candidate)) {
				found = real(candidate, wanted, first);
				if (!underIncludeDirectory(found)) {
					throw new HeaderProblem(first, "#include \"" + wanted + "\" leads out of the include directories");
				}
			}
		}
		if (found == null) {
			if (quoted) {
				throw new HeaderProblem(first, "cannot find " + wanted + (path == null
						? " (pasted text has no directory: give an include directory)" : " next to " + path.getFileName()));
			}
			// <stdint.h>, <windows.h> and other system headers: their types are built in
			return;
		}
		if (once.contains(found) || including.contains(found)) {
			return;
		}
		if (including.size() >= MAX_DEPTH) {
			throw new HeaderProblem(first, "#include nested deeper than " + MAX_DEPTH);
		}
		file(found, displayName(path, found, wanted), read(found, wanted, first));
	}

	private static String displayName(Path including, Path found, String wanted) {
		if (including != null && found.startsWith(including.getParent())) {
			return including.getParent().relativize(found).toString();
		}
		return found.toString();
	}

	private boolean underIncludeDirectory(Path file) {
		for (Path directory : includeDirectories) {
			try {
				if (file.startsWith(directory.toRealPath())) {
					return true;
				}
			} catch (IOException e) {
				// a directory that does not exist holds nothing
			}
		}
		return false;
	}

	private boolean condition(List<CToken> tokens, CToken directive, CToken end) throws HeaderProblem {
		List<CToken> resolved = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			CToken t = tokens.get(i);
			if (t.kind() == Kind.IDENT && t.text().equals("defined")) {
				int at = i + 1;
				boolean parenthesis = at < tokens.size() && tokens.get(at).is("(");
				if (parenthesis) {
					at++;
				}
				if (at >= tokens.size() || tokens.get(at).kind() != Kind.IDENT) {
					throw new HeaderProblem(t, "defined needs a macro name");
				}
				boolean defined = macros.containsKey(tokens.get(at).text());
				if (parenthesis) {
					at++;
					if (at >= tokens.size() || !tokens.get(at).is(")")) {
						throw new HeaderProblem(t, "')' missing after defined(");
					}
				}
				resolved.add(new CToken(Kind.NUMBER, defined ? "1" : "0", t.file(), t.line(), t.column()));
				i = at;
			} else {
				resolved.add(t);
			}
		}
		List<CToken> expanded = new ArrayList<>();
		expand(resolved, 0, resolved.size(), new HashSet<>(), expanded, end);
		// an identifier left after expansion is 0, as in C
		return ConstantExpression.evaluate(expanded, id -> 0, end) != 0;
	}

	/** Expands macros in {@code tokens[from, to)} into {@code into}; {@code hidden} are being expanded already. */
	private void expand(List<CToken> tokens, int from, int to, Set<String> hidden, List<CToken> into, CToken end)
			throws HeaderProblem {
		for (int i = from; i < to; i++) {
			CToken t = tokens.get(i);
			Macro macro = t.kind() == Kind.IDENT && !hidden.contains(t.text()) ? macros.get(t.text()) : null;
			if (macro == null) {
				into.add(t);
				continue;
			}
			List<CToken> replaced;
			if (!macro.functionLike()) {
				replaced = macro.body().stream().map(b -> b.at(t)).toList();
			} else {
				if (i + 1 >= to || !tokens.get(i + 1).is("(")) {
					into.add(t);
					continue;
				}
				List<List<CToken>> arguments = new ArrayList<>();
				List<CToken> argument = new ArrayList<>();
				int depth = 0;
				int j = i + 2;
				for (; j < to; j++) {
					CToken a = tokens.get(j);
					if (a.is("(")) {
						depth++;
					} else if (a.is(")") && depth-- == 0) {
						break;
					} else if (a.is(",") && depth == 0) {
						arguments.add(argument);
						argument = new ArrayList<>();
						continue;
					}
					argument.add(a);
				}
				if (j >= to) {
					throw new HeaderProblem(t, "')' missing after the arguments of macro " + t.text());
				}
				arguments.add(argument);
				replaced = new ArrayList<>();
				for (CToken b : macro.body()) {
					if (b.is("#") || b.is("##")) {
						throw new HeaderProblem(t, "macro " + t.text() + " uses # or ##, which are not supported");
					}
					int index = macro.parameters().indexOf(b.text());
					if (b.kind() == Kind.IDENT && index >= 0) {
						List<CToken> value = index < arguments.size() ? arguments.get(index) : List.of();
						expand(value, 0, value.size(), hidden, replaced, end);
					} else {
						replaced.add(b.at(t));
					}
				}
				i = j;
			}
			expanded += replaced.size();
			if (expanded > MAX_EXPANDED || hidden.size() > 1000) {
				throw new HeaderProblem(t, "macro expansion of " + t.text() + " grows past " + MAX_EXPANDED + " tokens");
			}
			Set<String> inner = new HashSet<>(hidden);
			inner.add(t.text());
			expand(replaced, 0, replaced.size(), inner, into, end);
		}
	}
}
