#!/usr/bin/env bash
# Makes the bad PDF inputs in fixtures/bad/ (committed; rerun only to change them). Needs qpdf.
#   not-an-annex.pdf   a valid one-page PDF saying "Hello, this is not an annex" (NAP101 expected)
#   truncated.pdf      the first 16 KiB of the annex rendition PDF: damaged (NAP004 expected)
#   encrypted.pdf      not-an-annex.pdf encrypted with user password "secret" (NAP003 expected)
#   three-pages.pdf    not-an-annex.pdf three times: over --max-pages 2 (NAP005 expected)
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/bad
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A minimal PDF written by hand; qpdf rebuilds the cross-reference table.
cat > "$tmp/raw.pdf" <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj
4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
5 0 obj << /Length 58 >> stream
BT /F1 18 Tf 72 760 Td (Hello, this is not an annex) Tj ET
endstream endobj
trailer << /Size 6 /Root 1 0 R >>
%%EOF
PDF
qpdf --deterministic-id --warning-exit-0 "$tmp/raw.pdf" "$out/not-an-annex.pdf" # warns: xref rebuilt
qpdf --deterministic-id --empty --pages "$out/not-an-annex.pdf" "$out/not-an-annex.pdf" "$out/not-an-annex.pdf" -- "$out/three-pages.pdf"
qpdf --encrypt secret owner 256 -- "$out/not-an-annex.pdf" "$out/encrypted.pdf"
src=fixtures/nap-2024/bijlage-1-rendition.pdf
head -c 16384 "$src" > "$out/truncated.pdf"
ls -l "$out"
