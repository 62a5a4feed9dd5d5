package org.ipcscope.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Data flows one way: provider -> core model -> views and command line. This fails when a bundle
 * depends on what it must not, by its manifest (Require-Bundle, Import-Package) or by an import in
 * its sources: the core on SWT, the UI or an OS; a UI bundle on an OS provider or on JNA (views never
 * call the OS); the command line on the UI; an OS provider on the UI.
 */
class ArchitectureTest {

	/** A rule: bundles whose symbolic name matches {@code bundles} may not use what matches {@code forbidden}. */
	record Rule(String why, Pattern bundles, Pattern forbidden) {
	}

	static final List<Rule> RULES = List.of(
			new Rule("the core has no SWT, no UI and no OS calls", Pattern.compile("org\\.ipcscope\\.core"),
					Pattern.compile("org\\.eclipse\\.(swt|jface|ui)\\b.*|com\\.sun\\.jna\\b.*|org\\.ipcscope\\.(linux|win32|ui|cli)\\b.*")),
			new Rule("views never call the OS", Pattern.compile("org\\.ipcscope\\.(ui(\\..*)?|app)"),
					Pattern.compile("com\\.sun\\.jna\\b.*|org\\.ipcscope\\.(linux|win32)\\b.*")),
			new Rule("the command line is headless", Pattern.compile("org\\.ipcscope\\.cli"),
					Pattern.compile("org\\.eclipse\\.(swt|jface|ui)\\b.*|org\\.ipcscope\\.(ui|app)\\b.*")),
			new Rule("OS providers feed the model, not the views", Pattern.compile("org\\.ipcscope\\.(linux|win32)"),
					Pattern.compile("org\\.eclipse\\.(swt|jface|ui)\\b.*|org\\.ipcscope\\.(ui|app|cli)\\b.*")));

	private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

	@Test
	void noBundleDependsOnWhatItMustNot() throws IOException {
		Path bundles = Path.of(System.getProperty("ipcscope.root", "../.."), "bundles");
		assertTrue(Files.isDirectory(bundles), "the bundles' sources at " + bundles.toAbsolutePath());
		List<String> broken = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> dirs = Files.list(bundles)) {
			for (Path dir : dirs.sorted().toList()) {
				Path manifest = dir.resolve("META-INF/MANIFEST.MF");
				if (!Files.isRegularFile(manifest)) {
					continue;
				}
				String name = symbolicName(manifest);
				if (name.endsWith(".tests") || name.startsWith("org.ipcscope.tests.")) {
					continue;
				}
				broken.addAll(violations(name, dependencies(manifest)));
				broken.addAll(violations(name, sourceImports(dir.resolve("src"))));
				checked++;
			}
		}
		assertTrue(checked >= 10, "only " + checked + " bundles checked under " + bundles);
		assertEquals(List.of(), broken);
	}

	@Test
	void theRulesCatchAViolation() {
		assertEquals(List.of("org.ipcscope.core uses org.eclipse.swt.widgets.Display: the core has no SWT, no UI and no OS calls"),
				violations("org.ipcscope.core", List.of("org.eclipse.swt.widgets.Display", "java.util.List")));
		assertEquals(1, violations("org.ipcscope.ui.hex", List.of("org.ipcscope.win32.internal.nt.NtDllFunctions")).size());
		assertEquals(1, violations("org.ipcscope.cli", List.of("org.ipcscope.ui.process")).size());
		assertEquals(List.of(), violations("org.ipcscope.ui.hex", List.of("org.ipcscope.core.memory", "org.eclipse.swt")));
		assertEquals(List.of(), violations("org.ipcscope.ui.hex", List.of("org.ipcscope.uiextra")),
				"a name that only starts like a forbidden one");
	}

	static List<String> violations(String bundle, List<String> used) {
		List<String> found = new ArrayList<>();
		for (Rule rule : RULES) {
			if (rule.bundles().matcher(bundle).matches()) {
				for (String name : used) {
					if (rule.forbidden().matcher(name).matches()) {
						found.add(bundle + " uses " + name + ": " + rule.why());
					}
				}
			}
		}
		return found;
	}

	private static Attributes attributes(Path manifest) throws IOException {
		try (InputStream in = Files.newInputStream(manifest)) {
			return new Manifest(in).getMainAttributes();
		}
	}

	private static String symbolicName(Path manifest) throws IOException {
		return attributes(manifest).getValue("Bundle-SymbolicName").split(";")[0].strip();
	}

	/** The bundles required and the packages imported, without their attributes. */
	private static List<String> dependencies(Path manifest) throws IOException {
		Attributes main = attributes(manifest);
		List<String> names = new ArrayList<>();
		for (String header : List.of("Require-Bundle", "Import-Package", "Fragment-Host")) {
			String value = main.getValue(header);
			if (value != null) {
				// clauses are separated by commas outside quoted version ranges
				for (String clause : value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
					names.add(clause.split(";")[0].strip());
				}
			}
		}
		return names;
	}

	private static List<String> sourceImports(Path src) throws IOException {
		List<String> names = new ArrayList<>();
		if (!Files.isDirectory(src)) {
			return names;
		}
		try (Stream<Path> files = Files.walk(src)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher imports = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (imports.find()) {
					names.add(imports.group(1));
				}
			}
		}
		return names;
	}
}
