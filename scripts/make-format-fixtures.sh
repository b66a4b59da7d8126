#!/usr/bin/env bash
# Makes fixtures/formats/ from fixtures/reports/*.txt: each report as a PDF
# and a .docx (typeset by LibreOffice with the Noto CJK fonts), its text
# hard-wrapped at 40 characters with a running header and a page number
# every 40 lines (as text copied out of a PDF reads), and the bad files the
# readers must refuse with a clear line (a scan without a text layer, an
# encrypted PDF, a truncated PDF, a .doc, a zip renamed .docx).
#
# Needs (Debian): libreoffice-writer fonts-noto-cjk poppler-utils qpdf, and
# python3. The outputs are committed; tests never run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/formats
# Bad files live with the tests, not among the reports of fixtures/.
bad=tests/bad-files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$bad"

# Paragraphs as LibreOffice reads a text file: one per line, empty lines
# kept. The .txt is given to Writer as UTF-8 text in a CJK font.
for txt in fixtures/reports/*.txt; do
  name=$(basename "$txt" .txt)
  cp "$txt" "$work/$name.txt"
done
filter='txt:Text (encoded):UTF8,LF,Noto Serif CJK SC,zh-CN'
(cd "$work" && soffice --headless --infilter="$filter" --convert-to pdf ./*.txt >/dev/null)
(cd "$work" && soffice --headless --infilter="$filter" --convert-to docx ./*.txt >/dev/null)
for txt in fixtures/reports/*.txt; do
  name=$(basename "$txt" .txt)
  cp "$work/$name.pdf" "$out/$name.pdf"
  cp "$work/$name.docx" "$out/$name.docx"
done

python3 - "$out" fixtures/reports/*.txt <<'PY'
import pathlib, sys
out = pathlib.Path(sys.argv[1])
bad = pathlib.Path("tests/bad-files")
WIDTH, PAGE = 40, 40
for path in map(pathlib.Path, sys.argv[2:]):
    text = path.read_text(encoding="utf-8")
    lines = [l.strip() for l in text.splitlines()]
    # The running header: the report's title when it has one on a line of
    # its own, else a generic one.
    title = next((l for l in lines if ("报告" in l or "報告" in l) and len(l) <= 60
                  and not any(p in l for p in "。,，")),
                 "国民经济和社会发展计划执行情况报告")
    wrapped = []
    for line in lines:
        if not line:
            continue
        wrapped += [line[i:i + WIDTH] for i in range(0, len(line), WIDTH)]
    pages, page = [], 1
    for start in range(0, len(wrapped), PAGE):
        pages.append(title)
        pages += wrapped[start:start + PAGE]
        pages.append(f"— {page} —")
        page += 1
    (out / f"{path.stem}-wrapped.txt").write_text("\n".join(pages) + "\n", encoding="utf-8")

# A page with no text layer, as a scanner makes it: one image, no fonts.
w, h = 8, 8
image = bytes([0x80] * (w * h))
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (w, h, len(image)) + image + b"\nendstream",
]
content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
pdf, offsets = bytearray(b"%PDF-1.4\n"), []
for n, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % n + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
(bad / "scanned.pdf").write_bytes(bytes(pdf))

# A zip archive that is not a Word document, renamed .docx.
import zipfile
with zipfile.ZipFile(bad / "not-word.docx", "w") as z:
    z.writestr("readme.txt", "not a Word document")
PY

# The other bad files are made from a short excerpt, to stay small.
head -n 12 fixtures/reports/huadu-2020-gwr.txt > "$work/excerpt.txt"
(cd "$work" && soffice --headless --infilter="$filter" --convert-to pdf excerpt.txt >/dev/null)
(cd "$work" && soffice --headless --infilter="$filter" --convert-to doc excerpt.txt >/dev/null)
qpdf --encrypt secret secret 256 -- "$work/excerpt.pdf" "$bad/encrypted.pdf"
size=$(stat -c %s "$work/excerpt.pdf")
head -c $((size / 2)) "$work/excerpt.pdf" > "$bad/truncated.pdf"
cp "$work/excerpt.doc" "$bad/excerpt.doc"
ls -l "$out" "$bad"
