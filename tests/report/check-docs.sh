#!/bin/sh
# `make check-docs`: the fixture DOCX opened by LibreOffice Writer and
# printed to PDF, as a school would print it. Checks the text that
# pdftotext finds, the page sizes, and leaves one PNG per page in
# build/report-samples/ to look at. Ends with "check-docs: N passed,
# N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
OUT=build/report-samples
PROFILE=$(pwd)/build/lo-profile # never the user's own LibreOffice profile
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

make --no-print-directory -f mk/build.mk V=release report-sample || exit 1
mkdir -p "$OUT"
rm -f "$OUT"/fixture.pdf "$OUT"/docx-page-*.png
build/report_sample docx "$OUT/fixture.docx" || exit 1
start=$(date +%s)
soffice -env:UserInstallation="file://$PROFILE" --headless \
	--convert-to pdf --outdir "$OUT" "$OUT/fixture.docx" >/dev/null 2>&1
echo "check-docs: LibreOffice conversion took $(($(date +%s) - start)) s"
if [ ! -s "$OUT/fixture.pdf" ]; then
	bad "LibreOffice made no PDF"
	echo "check-docs: $passed passed, $failed failed"
	exit 1
fi
text=$(pdftotext -layout "$OUT/fixture.pdf" -)
for s in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
	"TRUNG TÂM GDNN-GDTX" "Dương Kinh, ngày 05 tháng 01 năm 2023" \
	"BÁO CÁO" "Kính gửi: Sở Giáo dục và Đào tạo Hải Phòng." \
	"Tự đánh giá" "45,67%" "12,5" "Nơi nhận:" "Lưu Thị Thuận" \
	"Phụ lục 1" "<script>&\"'</script>" "1.60"; do
	if printf '%s' "$text" | grep -qF -- "$s"; then ok; else bad "no \"$s\""; fi
done
pages=$(pdfinfo "$OUT/fixture.pdf" | sed -n 's/^Pages: *//p')
first=$(pdfinfo -f 1 -l 1 "$OUT/fixture.pdf" | grep 'Page.*size')
last=$(pdfinfo -f "$pages" -l "$pages" "$OUT/fixture.pdf" | grep 'Page.*size')
case $first in *"595.3"*"841.8"*) ok ;; *) bad "page 1 not A4 portrait: $first" ;; esac
case $last in *"841.8"*"595.3"*) ok ;; *) bad "last page not landscape: $last" ;; esac
pdftoppm -r 60 -png "$OUT/fixture.pdf" "$OUT/docx-page"
echo "check-docs: $pages pages, images in $OUT/docx-page-*.png"
echo "check-docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
