#!/bin/sh
# Pack dist/Guiji.app (built by PyInstaller from packaging/guiji.spec on macOS) into a disk image
# with an Applications shortcut: dist/guiji-VERSION-macos.dmg. Uses hdiutil (macOS only).
# The app is ad-hoc signed by PyInstaller; notarisation needs a Developer ID (not done here).
set -eu
cd "$(dirname "$0")/../.."
version=${1:?usage: make_dmg.sh VERSION}
test -d dist/Guiji.app || { echo "dist/Guiji.app is missing: build with packaging/guiji.spec first" >&2; exit 1; }
stage=$(mktemp -d)
cp -R dist/Guiji.app "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "dist/guiji-$version-macos.dmg"
hdiutil create -volname "Guiji $version" -srcfolder "$stage" -fs HFS+ -format UDZO "dist/guiji-$version-macos.dmg"
rm -rf "$stage"
echo "dist/guiji-$version-macos.dmg"
