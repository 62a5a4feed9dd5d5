#!/bin/bash
# Takes the build JDK's JRE unit (a.jre.javase, config.a.jre.javase) out of the assembled update
# site and zips the site again. Tycho seeds every repository it assembles with the unit describing
# the JDK that runs the build; it says nothing about a user's Java, and Tycho 5.0.2 has no way to
# leave it out. The metadata stays in content.jar (the .xz copy is dropped, p2.index says so).
#
# usage: remove-jre-unit.sh REPOSITORY_DIR ZIP JAR_TOOL
#
#   REPOSITORY_DIR  target/repository
#   ZIP             the site's zip, written again from REPOSITORY_DIR
#   JAR_TOOL        the JDK's jar program (reads and writes content.jar and the zip)
set -euo pipefail
if [ $# -ne 3 ]; then
	sed -n '2,12p' "$0" >&2
	exit 64
fi
repository=$(realpath "$1")
zip=$(realpath -m "$2")
jar=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && "$jar" xf "$repository/content.jar" content.xml)
# a unit is "    <unit id='ID' ...>" up to its own "    </unit>"; the count in <units size='N'> follows
awk '
	/^    <unit id=.(config\.)?a\.jre\./ { skip = 1; removed++; next }
	skip && /^    <\/unit>/ { skip = 0; next }
	!skip { print }
	END { if (removed == 0) print "no JRE unit" > "/dev/stderr" }
' "$work/content.xml" > "$work/content.stripped"
units=$(grep -c '^    <unit id=' "$work/content.stripped")
sed -i "s/^  <units size='[0-9]*'>/  <units size='$units'>/" "$work/content.stripped"
if grep -q "<unit id='\(config\.\)\?a\.jre\." "$work/content.stripped"; then
	echo "remove-jre-unit.sh: a JRE unit is still in $repository" >&2
	exit 1
fi
mv "$work/content.stripped" "$work/content.xml"
(cd "$work" && "$jar" cfM "$repository/content.jar" content.xml)
rm -f "$repository/content.xml.xz"
sed -i 's/^metadata\.repository\.factory\.order=.*/metadata.repository.factory.order=content.xml,\\!/' "$repository/p2.index"
rm -f "$zip"
"$jar" cfM "$zip" -C "$repository" .
echo "remove-jre-unit.sh: $units units left in $repository"
