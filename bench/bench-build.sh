# Sourced by the bench scripts. bench_build ROOT: builds the bench module (bench/pom.xml) and the
# modules it compiles against, offline, without running tests: its Linux main classes land in
# bench/target/classes, its Windows ones in bench/target/wine-classes.
# shellcheck shell=bash
bench_build() {
	(cd "$1" && ./mvnw -B -o -q package -DskipTests -pl bundles/org.ipcscope.core,bundles/org.ipcscope.linux,bundles/org.ipcscope.tests.support,bundles/org.ipcscope.ui,bundles/org.ipcscope.ui.hex,bundles/org.ipcscope.win32,bundles/org.ipcscope.cli,bundles/org.ipcscope.win32.tests,bench)
}
