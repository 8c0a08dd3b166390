#!/usr/bin/env bash
# build.sh — remake the font of the social preview images: subsets of Noto
# Sans SC (regular and bold) with exactly the characters the images can
# contain, into data/fonts/. See README.md beside this file.
#
# Usage: bash scripts/fonts/build.sh   (needs go, node, npm and the npm registry)
# Work files go to a fresh temp folder (or $FONTS_TMP if set), never the
# repo; the repo only receives data/fonts/*.subset.ttf and data/fonts/OFL.txt.
set -euo pipefail

# Google Fonts' static Noto Sans SC 2.004 (OFL), as Expo packages it: whole
# fonts (30,890 characters), unlike @fontsource's unicode-range slices.
FONTS=@expo-google-fonts/noto-sans-sc@0.4.3
SUBSET=subset-font@2.9.0

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest="$root/data/fonts"
work=${FONTS_TMP:-$(mktemp -d "${TMPDIR:-/tmp}/plan-fonts.XXXXXX")}
mkdir -p "$work" "$dest"
echo "work folder: $work"

# 1. the characters, from data/ (titles, subtitles, footers, chart texts)
(cd "$root" && go run ./scripts/fonts/charset) >"$work/chars.txt"

# 2. the fonts and the subsetter, into the temp folder only
cd "$work"
npm pack --silent "$FONTS" >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz \
  package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf package/LICENSE_FONT
npm install --silent --no-save --no-audit --no-fund --prefix "$work" "$SUBSET"
cp "$here/subset.mjs" "$work/subset.mjs" # so that it finds subset-font in $work/node_modules

# 3. subset, then copy into the repo
node subset.mjs package/400Regular/NotoSansSC_400Regular.ttf chars.txt "$dest/NotoSansSC-Regular.subset.ttf"
node subset.mjs package/700Bold/NotoSansSC_700Bold.ttf chars.txt "$dest/NotoSansSC-Bold.subset.ttf"
cp package/LICENSE_FONT "$dest/OFL.txt"

# 4. check: the Go test reads the fonts' cmaps against the data
(cd "$root" && go test ./generator/socialfont/)
echo "node $(node --version), $SUBSET, $FONTS"
