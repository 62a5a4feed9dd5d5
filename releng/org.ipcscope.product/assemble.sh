#!/usr/bin/env bash
# Completes the materialized products and archives them: each gets its own Java runtime, its
# launchers and a README.txt, then target/products/ipcscope-linux.gtk.x86_64.tar.gz and
# ipcscope-win32.win32.x86_64.zip are written (in place of Tycho's archive-products).
#   Linux:   jre/ linked with the JDK's jlink to the modules the product needs (LINUX_MODULES);
#            ipcscope (launchers/ipcscope) doing the workbench and the command line
#   Windows: jre/ the Temurin 21 JRE as shipped in sonar-scanner-cli (Maven Central), plus
#            launchers/ipcscope.security; IPC Scope.exe and ipcscope-cli.exe (launchers/build.sh)
# docs/dev/building.md says why so.
# usage: assemble.sh PRODUCTS_DIR VERSION QUALIFIER JDK WINDOWS_JRE ICON_PNG
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
products=$1 version=$2 qualifier=$3 jdk=$4 windows_jre=$5 icon=$6
linux="$products/org.ipcscope.product/linux/gtk/x86_64/ipcscope"
windows="$products/org.ipcscope.product/win32/win32/x86_64/ipcscope"

# What jdeps --print-module-deps finds in the product's plug-ins (java.base, java.desktop,
# java.management, java.sql, jdk.net, jdk.xml.dom; not jdk.javadoc, which only a doclet class of
# one library refers to), plus what is loaded by name or as a service, which jdeps cannot see:
# jdk.unsupported (sun.misc.Unsafe), jdk.zipfs, jdk.charsets (names in non-UTF-8 locales),
# jdk.crypto.ec and java.naming (TLS and p2 downloads).
LINUX_MODULES=java.base,java.desktop,java.management,java.sql,jdk.net,jdk.xml.dom,jdk.unsupported,jdk.zipfs,jdk.charsets,jdk.crypto.ec,java.naming,java.net.http
rm -rf "$linux/jre"
if ! "$jdk/bin/jlink" --add-modules "$LINUX_MODULES" --strip-debug --no-man-pages --no-header-files \
	--compress=zip-6 --generate-cds-archive --output "$linux/jre" >"$products/jlink.log" 2>&1; then
	echo "assemble: $jdk/bin/jlink could not link the Linux runtime: a JDK 21 or newer with jmods, or one" \
		"whose run-time image can be linked (JEP 493), is needed:" >&2
	cat "$products/jlink.log" >&2
	exit 1
fi
rm -f "$products/jlink.log"
install -m 755 "$here/launchers/ipcscope" "$linux/ipcscope"
install -m 644 "$here/launchers/README-linux.txt" "$linux/README.txt"

rm -rf "$windows/jre"
cp -r "$windows_jre" "$windows/jre"
install -m 644 "$here/launchers/ipcscope.security" "$windows/jre/conf/security/ipcscope.security"
"$here/launchers/build.sh" "$products/launchers" "$version" "$qualifier" "$icon" "$jdk"
install -m 755 "$products/launchers/IPC Scope.exe" "$products/launchers/ipcscope-cli.exe" "$windows/"
# Windows text: CR LF
sed 's/$/\r/' "$here/launchers/README-windows.txt" >"$windows/README.txt"

rm -f "$products"/ipcscope-*.tar.gz "$products"/ipcscope-*.zip
tar -C "${linux%/*}" --owner=0 --group=0 -czf "$products/ipcscope-linux.gtk.x86_64.tar.gz" ipcscope
(cd "${windows%/*}" && "$jdk/bin/jar" --create --no-manifest --file "$products/ipcscope-win32.win32.x86_64.zip" ipcscope)
