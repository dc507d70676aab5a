#!/bin/bash
# The report page links only the documents that build (issues 17/18): for
# the ward 31DK (no school of its own before 1/7/2025), its Phòng and the
# Sở in every campaign, a kind the command line builds is linked and one
# it refuses is not, shown greyed with the reason the command line gives
# (both ask rb_refusal); and every link and picture on the page answers
# 200, in every format.
# Usage: tests/http/report_page.sh PATH/TO/truongso
# Ends with "report_page: N passed, N failed".
set -u
T=${1:?usage: report_page.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve
login "$W/so" cv.so
KINDS=$("$T" --db "$DB" report list | cut -d' ' -f1)

# check_kinds C UNIT: the page against the command line, kind by kind.
check_kinds() {
	local c=$1 u=$2 k why reason
	for k in $KINDS; do
		if "$T" --db "$DB" report "$k" --campaign "$c" --unit "$u" \
			--format csv -o "$W/x.csv" 2>"$W/why"; then
			has "$c/$u $k builds: linked" "$W/page" "/report/$k.pdf\""
			continue
		fi
		hasnt "$c/$u $k refused: not linked" "$W/page" "/report/$k."
		# "truongso: phu-luc-3: REASON": the reason is on the page,
		# unless the unit never makes that kind ("không lập").
		why=$(sed -n 's/^truongso: [a-z0-9-]*: //p' "$W/why" | head -1)
		case "$why" in
		"" | *"không lập "*) continue ;;
		esac
		reason=$(printf '%s' "$why" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')
		has "$c/$u $k refused: says why" "$W/page" "$reason."
	done
}

# crawl C UNIT: every report link and picture of the page answers 200.
crawl() {
	local c=$1 u=$2 l n=0 code bad_links=
	for l in $(grep -o '\(href\|src\)="/campaigns/[^"]*/report/[^"]*"' "$W/page" |
		sed 's/^[a-z]*="//; s/"$//; s/&amp;/\&/g' | sort -u); do
		code=$(curl -s -b "$W/so" -o /dev/null -w '%{http_code}' "$BASE$l")
		n=$((n + 1))
		[ "$code" = 200 ] || bad_links="$bad_links $code:$l"
	done
	if [ -z "$bad_links" ]; then ok "$c/$u: $n links answer 200"; else
		echo "failed:$bad_links" >>"$ERR"; bad "$c/$u: every link answers 200"; fi
}

for u in 31DK 31PGD-DK 31; do
	for c in $(q "SELECT id FROM campaign ORDER BY id"); do
		code=$(curl -s -b "$W/so" -o "$W/page" -w '%{http_code}' \
			"$BASE/campaigns/$c/units/$u/report")
		[ "$code" = 200 ] || continue
		check_kinds "$c" "$u"
		crawl "$c" "$u"
	done
done

# The ward in the 2022-2023 round (campaign 4): nothing to link, the four
# documents greyed with their reasons; the JSON API says the same.
curl -s -b "$W/so" -o "$W/page" "$BASE/campaigns/4/units/31DK/report"
has "ward 2022-2023: refused card" "$W/page" "Chưa lập được trong đợt này"
hasnt "ward 2022-2023: no download" "$W/page" 'class="button" href="/campaigns/4/units/31DK/report/'
has "ward 2022-2023: Phụ lục 3 says why" "$W/page" "không có cơ sở giáo dục nào tham gia đợt này (năm học 2022-2023)"
has "ward 2022-2023: letter says why" "$W/page" "không có nơi để gửi công văn hướng dẫn"
req "api: report fields" 200 -b "$W/so" "$BASE/api/campaigns/4/units/31DK/report-fields"
has "api: refused reason" "$OUT" '"refused":"UBND phường Dương Kinh không có đơn vị nào tham gia đợt này: không có nơi để gửi công văn hướng dẫn"'
# ket-qua.xlsx goes with the listing: refused like it (422 and the
# reason, never an empty workbook), and the command line exits 2 with
# the same reason, writing nothing.
NOUNITS="UBND phường Dương Kinh không có đơn vị nào tham gia đợt này: không có đơn vị nào để lập danh sách"
req "ward 2022-2023: ket-qua.xlsx refused" 422 -b "$W/so" "$BASE/campaigns/4/units/31DK/report/ket-qua.xlsx"
has "ward 2022-2023: ket-qua.xlsx says why" "$OUT" "$NOUNITS"
check "ward 2022-2023: report ket-qua refused" 2 err "$NOUNITS" \
	"$T" --db "$DB" report ket-qua --campaign 4 --unit 31DK -o "$W/kq.xlsx"
[ ! -e "$W/kq.xlsx" ] && ok "report ket-qua refused: no file" || bad "report ket-qua refused: no file"
# Typing the letter's recipients makes it possible: linked, and built.
"$T" --db "$DB" report set --campaign 4 --unit 31DK "cv_kinh_gui=Sở Giáo dục và Đào tạo" >/dev/null ||
	bad "report set cv_kinh_gui"
curl -s -b "$W/so" -o "$W/page" "$BASE/campaigns/4/units/31DK/report"
has "ward 2022-2023: letter with recipients linked" "$W/page" "/report/cong-van.pdf\""
crawl 4 31DK-typed
# The Phòng's page in the current round still links everything.
curl -s -b "$W/so" -o "$W/page" "$BASE/campaigns/1/units/31DK/report"
has "ward 2025-2026: Phụ lục 3 linked" "$W/page" "/report/phu-luc-3.pdf\""
hasnt "ward 2025-2026: nothing refused" "$W/page" "Chưa lập được"

# A deputy signs (issue 18 item 4): the letter's "Chức vụ người ký" is a
# two-row box; two lines typed there (CRLF, as a browser posts them) are
# stored as the authority line and the title and shown back; a third
# line is refused at the field (marked, the message under it), nothing
# stored.
login "$W/qt" qt.so
SP=/campaigns/1/units/31/report
curl -s -b "$W/qt" -o "$W/page" "$BASE$SP"
has "signer: a two-row box" "$W/page" '<textarea id="f:cv_chuc_vu_ky" name="f:cv_chuc_vu_ky" rows="2">KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC</textarea>'
TOK=$(grep -o 'name="_csrf" value="[0-9a-f]*"' "$W/page" | head -1 | sed 's/.*value="//; s/"//')
req "signer: two lines saved" 303 -b "$W/qt" --data-urlencode "_csrf=$TOK" \
	--data-urlencode "f:chuc_vu_ky=$(printf 'KT. GIÁM ĐỐC\r\nPHÓ GIÁM ĐỐC')" "$BASE$SP"
same "signer: stored as two lines" "$(q "SELECT value FROM doc_field f JOIN org_unit o ON o.id = f.unit_id WHERE f.campaign_id = 1 AND o.code = '31' AND f.name = 'chuc_vu_ky'")" \
	"$(printf 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC')"
req "signer: three lines refused" 422 -b "$W/qt" --data-urlencode "_csrf=$TOK" \
	--data-urlencode "f:chuc_vu_ky=$(printf 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTHƯỜNG TRỰC')" "$BASE$SP"
has "signer: refusal at the field" "$OUT" 'aria-invalid="true" aria-describedby="f:chuc_vu_ky-loi">KT. GIÁM ĐỐC'
has "signer: refusal says why" "$OUT" '<p class="field-error" id="f:chuc_vu_ky-loi" role="alert">nhập tối đa hai dòng: thẩm quyền ký (KT., TM., Q., TL., TUQ.) rồi chức vụ</p>'
same "signer: nothing stored" "$(q "SELECT count(*) FROM doc_field WHERE value LIKE '%THƯỜNG TRỰC%'")" 0

echo "report_page: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
