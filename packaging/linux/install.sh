#!/bin/sh
# Install the unpacked Guiji bundle for the current user: run it from the bundle's folder.
# The bundle is copied to ~/.local/opt/guiji, `guiji` is linked into ~/.local/bin, and the
# menu entry and icon are registered (no root needed). Uninstall: remove those three.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/guiji
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -a "$here" "$target"
fi
ln -sf "$target/guiji" "$HOME/.local/bin/guiji"
cp "$target/guiji.png" "$data/icons/hicolor/256x256/apps/guiji.png"
sed "s|^Exec=guiji|Exec=$target/guiji|" "$target/guiji.desktop" > "$data/applications/guiji.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "Guiji installed: run 'guiji' or open it from the applications menu."
