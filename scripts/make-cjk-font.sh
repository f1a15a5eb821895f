#!/usr/bin/env bash
# Rebuilds assets/fonts/cjk-subset.ttf: a subset of WenQuanYi Micro Hei (Apache-2.0, Debian
# package fonts-wqy-microhei) covering Hangul syllables and jamo, CJK punctuation, kana,
# full-width forms, arrows/shapes/symbols used as UI glyphs (★ ↺ ▶ ✕), and the CJK Unified Ideographs that GB2312 and KS X 1001 (Hanja) use.
# Needs: apt-get install fonts-wqy-microhei; pip install fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${1:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
OUT=assets/fonts/cjk-subset.ttf
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Han characters of GB2312 and KS X 1001, listed by decoding every double-byte code.
python3 - "$TMP/han.txt" <<'PY'
import sys
chars = set()
for enc, rows, cols in (("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)),
                        ("euc_kr", range(0xCA, 0xFE), range(0xA1, 0xFF))):
    for hi in rows:
        for lo in cols:
            try:
                chars.add(bytes([hi, lo]).decode(enc))
            except UnicodeDecodeError:
                pass
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PY
pyftsubset "$SRC" --font-number=0 --output-file="$OUT" \
  --unicodes="U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+1100-11FF,U+3000-303F,U+3040-30FF,U+3130-318F,U+AC00-D7A3,U+FF00-FFEF" \
  --text-file="$TMP/han.txt" --layout-features='*' --no-hinting --desubroutinize
ls -l "$OUT"
