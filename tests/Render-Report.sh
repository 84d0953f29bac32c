#!/usr/bin/env bash
# Renders the report as a person sees it, for a person to look at (not part of the test command):
#   the workbook through LibreOffice → PDF → PNG of page 1 (the dashboard as printed on A4 landscape),
#   the HTML through headless Chromium → a screenshot, and → PDF → PNG of page 1 (as printed).
# The PDFs stay beside the PNGs for the other pages.
#
#   tests/Render-Report.sh [OUTPUT_DIR] [REPORT.xlsx] [REPORT.html]
#
# Without report files it runs the main job on the bundled sample first (needs `dotnet build` and pwsh):
#   examples/Invoke-AnnualComplianceRun.ps1 -Year 2026 -NoticeDate 2026-03-02
# Set CULTURE=en-US for the English report. Each step is skipped, with a note, when its program is missing
# (soffice, pdftoppm, chromium), so the script ends cleanly on machines without them (CI).
# Debian: apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils chromium
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/out/render}"
xlsx="${2:-}"
html="${3:-}"
culture="${CULTURE:-zh-CN}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Absolute paths: the browser opens the HTML as a file:// address, which a relative path is not.
[[ -n "$xlsx" ]] && xlsx="$(realpath "$xlsx")"
[[ -n "$html" ]] && html="$(realpath "$html")"

have() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "skipped: $*" >&2; }

if [[ -z "$xlsx" && -z "$html" ]]; then
    if ! have pwsh; then
        skip "no report given and no pwsh to run the main job"
        exit 0
    fi
    # The session in the report's language, as its user would run it: the checks write their reasons in it.
    lang=C.UTF-8; [[ "$culture" == zh-* ]] && lang=zh_CN.UTF-8
    LANG="$lang" LC_ALL="$lang" pwsh -NoProfile -File "$root/examples/Invoke-AnnualComplianceRun.ps1" -OutputDirectory "$out/run" -Year 2026 -NoticeDate 2026-03-02 -Culture "$culture" -Force >/dev/null
    xlsx="$out/run/compliance-2026.xlsx"
    html="$out/run/compliance-2026.html"
fi

pdf_to_png() { # pdf png-without-extension: the first page
    if have pdftoppm; then
        pdftoppm -r 100 -png -f 1 -l 1 -singlefile "$1" "$2"
        if have pdfinfo; then
            echo "$(basename "$1"): $(pdfinfo "$1" | awk '/^Pages:/ {print $2}') page(s), $(pdfinfo "$1" | awk -F': *' '/^Page size:/ {print $2}')"
        fi
    else
        skip "pdftoppm (poppler-utils) missing: $1 not turned into PNG"
    fi
}

if [[ -n "$xlsx" ]]; then
    if have soffice; then
        profile="$(mktemp -d)"
        # A profile of its own, so a running LibreOffice of the user is not disturbed.
        soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$xlsx" >/dev/null 2>&1
        rm -rf "$profile"
        pdf="$out/$(basename "${xlsx%.*}").pdf"
        pdf_to_png "$pdf" "$out/xlsx-dashboard"
        [[ -f "$out/xlsx-dashboard.png" ]] && echo "xlsx: $out/xlsx-dashboard.png is the dashboard sheet as printed (page 1)"
    else
        skip "soffice (LibreOffice) missing: the workbook is not rendered"
    fi
fi

if [[ -n "$html" ]]; then
    browser=""
    for candidate in chromium chromium-browser google-chrome; do
        if have "$candidate"; then browser="$candidate"; break; fi
    done
    if [[ -n "$browser" ]]; then
        profile="$(mktemp -d)"
        flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync
               --no-first-run --hide-scrollbars --user-data-dir="$profile")
        "$browser" "${flags[@]}" --window-size=1366,2200 --screenshot="$out/html-screen.png" "file://$html" >/dev/null 2>&1 || true
        "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/html-print.pdf" "file://$html" >/dev/null 2>&1 || true
        rm -rf "$profile"
        [[ -f "$out/html-screen.png" ]] && echo "html: $out/html-screen.png is the page on a 1366-pixel screen"
        if [[ -f "$out/html-print.pdf" ]]; then
            pdf_to_png "$out/html-print.pdf" "$out/html-dashboard"
            [[ -f "$out/html-dashboard.png" ]] && echo "html: $out/html-dashboard.png is the dashboard as printed (page 1)"
        fi
    else
        skip "chromium missing: the HTML report is not rendered"
    fi
fi
