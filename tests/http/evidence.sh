#!/bin/bash
# Evidence and submitting without losing anything (issue 11, items 5 and 7),
# over HTTP on 127.0.0.1: attaching evidence from the answers form saves
# the answers it carries (revision merge and conflict rules as a page save)
# and returns to the criterion; a refused file is named in words at its
# criterion; evidence can be removed only by someone who may edit the
# submission, only while it is editable, audited; sizes read "45 byte";
# downloads follow the campaign's frozen path after a school moves; the
# head submits from "Kiểm tra trước khi nộp" with the revision it showed.
# Usage: tests/http/evidence.sh PATH/TO/truongso
# Ends with "evidence: N passed, N failed".
set -u
T=${1:?usage: evidence.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve

links() { # links CODE CRITERION: evidence linked there
	q "SELECT count(*) FROM evidence_link l JOIN submission s ON s.id = l.submission_id
	   JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$1'
	   AND l.criterion_id = '$2'"
}

SCHOOL=$(pick returned 0)
OTHER=$(pick draft 0)
MOVER=$(pick draft 1)
P="/campaigns/1/units/$SCHOOL"
login "$W/ed" "cntt.$(lower "$SCHOOL")"
login "$W/ed2" "cntt.$(lower "$SCHOOL")"
login "$W/head" "ht.$(lower "$SCHOOL")"
login "$W/other" "cntt.$(lower "$OTHER")"
FULL=(1.1=1 1.2=1 1.3a=6 1.3b=6 1.3c=6 1.3d=3 1.3e=0 1.4=10 1.5a=12 1.5b=0
      1.6a=7 1.6b=7 1.6c=6 1.7a=5 1.7b=5 1.7c=0 2.1=1 2.2=1 2.3a=5 2.3b=6
      2.3c=20 2.3d=6 2.3e=10 2.3f=10 2.3g=6 2.3h=6 2.4a=6 2.4b=0 2.4c=4)
form() { # form ID=VALUE...: the answers form (seed 003) as multipart fields
	local kv over
	for kv in "${FULL[@]}"; do
		for over in "$@"; do [ "${over%%=*}" = "${kv%%=*}" ] && kv=$over; done
		printf -- '-F\0v:%s\0' "$kv"
	done
}
# evpost NAME STATUS JAR REV ARGS... -- ID=VALUE...: the answers form posted
# by one of its evidence buttons, _csrf and rev first as the page has them.
evpost() {
	local name=$1 want=$2 jar=$3 rv=$4
	shift 4
	local extra=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do extra+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	mapfile -d '' F < <(form "$@")
	req "$name" "$want" -b "$jar" -F "_csrf=$(field "$jar" "$P" _csrf)" -F "rev=$rv" "${F[@]}" "${extra[@]}" "$BASE$P/evidence"
}
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$W/ke-hoach.pdf"
[ "$(wc -c <"$W/ke-hoach.pdf")" = 45 ] || { echo "fixture is not 45 bytes"; exit 1; }
printf '\177ELF\002\001\001\000binary' >"$W/chuong-trinh.pdf"

# --- the form: evidence buttons belong to the answers form, _csrf and rev
# come before any file in it (a forged upload is refused before its body)
req page 200 -b "$W/ed" "$BASE$P"
has attach-button-in-form "$OUT" "name=\"attach\" value=\"file:1.3\" formaction=\"$P/evidence\" formenctype=\"multipart/form-data\""
form_html=$(sed -n 's/.*\(<form id="answers".*\)/\1/p' "$OUT")
csrf_at=$(printf '%s' "$form_html" | grep -bo 'name="_csrf"' | head -1 | cut -d: -f1)
rev_at=$(printf '%s' "$form_html" | grep -bo 'name="rev"' | head -1 | cut -d: -f1)
file_at=$(printf '%s' "$form_html" | grep -bo 'type="file"' | head -1 | cut -d: -f1)
[ -n "$csrf_at" ] && [ -n "$file_at" ] && [ "$csrf_at" -lt "$file_at" ] && [ "$rev_at" -lt "$file_at" ] &&
	ok csrf-and-rev-before-file || { echo "csrf $csrf_at rev $rev_at file $file_at" >"$ERR"; bad csrf-and-rev-before-file; }
hasnt no-separate-evidence-forms "$OUT" 'form="ev-1.3"'

# --- attaching keeps every typed answer, then lands on the criterion
R0=$(field "$W/ed" "$P" rev)
evpost attach-link-saves 303 "$W/ed" "$R0" -F "attach=link:1.3" -F "link:1.3=https://lms.truong.edu.vn/k" -- 1.4=9 1.5a=11
has attach-back-to-criterion "$ERR" "Location: $P?ok=evidence&at=1.3#c-1.3"
req attach-landing 200 -b "$W/ed" "$BASE$P?ok=evidence&at=1.3"
# The notice is inside criterion 1.3's block (under its heading), where the
# page opens: between its anchor and the next criterion's.
notice_at=$(sed 's/id="c-1\.[34]"/\n&/g' "$OUT" | grep '^id="c-1\.3"' |
	grep -o '<p class="notice" role="status">Đã gắn minh chứng vào tiêu chí 1.3.</p>')
[ -n "$notice_at" ] && ok attach-notice-at-criterion-1.3 || bad attach-notice-at-criterion-1.3
same attach-kept-typed-1.4 "$(item "$SCHOOL" 1.4)" 9
same attach-kept-typed-1.5a "$(item "$SCHOOL" 1.5a)" 11
same attach-linked "$(links "$SCHOOL" 1.3)" 1
R1=$(field "$W/ed" "$P" rev)
[ "$R1" -gt "$R0" ] && ok attach-new-revision || bad attach-new-revision
evpost attach-file 303 "$W/ed" "$R1" -F "attach=file:2.4" -F "file:2.4=@$W/ke-hoach.pdf" -F "file:1.1=@/dev/null;filename=" -- 1.4=9 1.5a=11
has attach-file-criterion "$ERR" "#c-2.4"
same attach-file-linked "$(links "$SCHOOL" 2.4)" 1
req size-shown 200 -b "$W/ed" "$BASE$P"
has size-in-bytes "$OUT" ">ke-hoach.pdf</a> (45 byte)"
hasnt size-not-1kb "$OUT" "(1 KB)"

# --- the attach post carries its revision: a stale one changing what
# another tab changed is a conflict, nothing typed is stored over it
R2=$(field "$W/ed" "$P" rev)
evpost other-tab-attach 303 "$W/ed2" "$R2" -F "attach=fact:1.4" -F "fact:1.4=Số lượng học liệu: 42" -- 1.4=8 1.5a=11
evpost stale-attach-conflict 409 "$W/ed" "$R2" -F "attach=fact:1.6" -F "fact:1.6=Tỷ lệ 90%" -- 1.4=7 1.5a=11
has stale-attach-names-field "$OUT" 'href="#f-1.4"'
has stale-attach-keeps-typed "$OUT" 'name="v:1.4" value="7"'
same stale-attach-stores-nothing "$(item "$SCHOOL" 1.4)" 8
evpost attach-bad-rev 400 "$W/ed" "x1" -F "attach=fact:1.6" -F "fact:1.6=X" -- 1.4=8

# --- a refused file: in words at its criterion, the typed answers kept
R3=$(field "$W/ed" "$P" rev)
evpost bad-type 422 "$W/ed" "$R3" -F "attach=file:1.3" -F "file:1.3=@$W/chuong-trinh.pdf" -- 1.4=6 1.5a=11
has bad-type-at-criterion "$OUT" 'id="ev-e-file-1.3" role="alert">Chưa gắn được minh chứng: tệp “chuong-trinh.pdf” — loại tệp này không được nhận (chỉ nhận PDF, ảnh'
has bad-type-field-marked "$OUT" 'aria-invalid="true" aria-describedby="ev-e-file-1.3"'
hasnt bad-type-no-mime "$OUT" "application/"
has bad-type-typed-kept "$OUT" 'name="v:1.4" value="6"'
same bad-type-answers-saved "$(item "$SCHOOL" 1.4)" 6
R4=$(field "$W/ed" "$P" rev)
evpost bad-link 422 "$W/ed" "$R4" -F "attach=link:1.3" -F "link:1.3=javascript:alert(1)" -- 1.4=6 1.5a=11
has bad-link-at-criterion "$OUT" 'id="ev-e-link-1.3" role="alert">Chưa gắn được minh chứng: đường link'
has bad-link-typed-kept "$OUT" 'name="link:1.3" id="ev-link-1.3" aria-label="Đường link minh chứng tiêu chí 1.3" maxlength="500" inputmode="url" placeholder="https://..." value="javascript:alert(1)"'
evpost no-file-chosen 422 "$W/ed" "$R4" -F "attach=file:1.3" -F "file:1.3=@/dev/null;filename=" -- 1.4=6 1.5a=11
has no-file-at-criterion "$OUT" 'id="ev-e-file-1.3"'
evpost wrong-input-file 422 "$W/ed" "$R4" -F "attach=file:1.3" -F "file:1.7=@$W/ke-hoach.pdf" -- 1.4=6 1.5a=11
same wrong-input-not-linked "$(links "$SCHOOL" 1.7)" 0

# --- removal: by whoever may edit, while editable, audited; the blob stays
EVID=$(q "SELECT e.id FROM evidence e JOIN evidence_link l ON l.evidence_id = e.id WHERE l.criterion_id = '2.4' AND e.name = 'ke-hoach.pdf'")
SHA=$(q "SELECT sha256 FROM evidence WHERE id = $EVID")
R5=$(field "$W/ed" "$P" rev)
evpost remove-other-school 403 "$W/other" "$R5" -F "remove=$EVID:2.4" -- 1.4=6 1.5a=11
same remove-other-school-kept "$(links "$SCHOOL" 2.4)" 1
evpost remove 303 "$W/ed" "$R5" -F "remove=$EVID:2.4" -- 1.4=6 1.5a=12
has remove-back-to-criterion "$ERR" "Location: $P?ok=unlinked&at=2.4#c-2.4"
same removed "$(links "$SCHOOL" 2.4)" 0
same remove-kept-typed "$(item "$SCHOOL" 1.5a)" 12
same remove-audited "$(q "SELECT count(*) FROM audit WHERE action = 'evidence.remove' AND object = 'evidence:$EVID' AND detail = '2.4'")" 1
same remove-row-stays "$(q "SELECT count(*) FROM evidence WHERE id = $EVID")" 1
[ -f "$W/web.db.evidence/${SHA:0:2}/${SHA:2}" ] && ok remove-blob-stays || bad remove-blob-stays
evpost remove-again 409 "$W/ed" "$(field "$W/ed" "$P" rev)" -F "remove=$EVID:2.4" -- 1.4=6 1.5a=12
has remove-again-says "$OUT" "không còn gắn với tiêu chí 2.4"

# --- the head submits from "Kiểm tra trước khi nộp"
login "$W/ohead" "ht.$(lower "$OTHER")"
req check-with-blank 200 -b "$W/ohead" "$BASE/campaigns/1/units/$OTHER/check"
has check-blank-link "$OUT" "href=\"/campaigns/1/units/$OTHER#f-"
hasnt check-blank-no-confirm "$OUT" "action=\"/campaigns/1/units/$OTHER/submit\""
mapfile -d '' F < <(form)
tok=$(field "$W/ed" "$P" _csrf)
args=()
for ((i = 0; i < ${#F[@]}; i += 2)); do args+=(--data-urlencode "${F[i + 1]}"); done
req complete 303 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$(field "$W/ed" "$P" rev)" "${args[@]}" --data-urlencode "then=submit" "$BASE$P/save"
has save-then-check "$ERR" "Location: $P/check"
req check-page 200 -b "$W/head" "$BASE$P/check"
has check-title "$OUT" "Kiểm tra trước khi nộp"
has check-edit-link "$OUT" "href=\"$P#c-1.3\" class=\"edit\" aria-label=\"Sửa tiêu chí 1.3\">Sửa</a>"
has check-missing-evidence "$OUT" "Tiêu chí 1.1: chưa có minh chứng"
gaps_at=$(grep -bo 'id="check-evidence"' "$OUT" | head -1 | cut -d: -f1)
confirm_at=$(grep -bo "action=\"$P/submit\"" "$OUT" | head -1 | cut -d: -f1)
[ -n "$gaps_at" ] && [ -n "$confirm_at" ] && [ "$gaps_at" -lt "$confirm_at" ] && ok check-gaps-before-confirm || bad check-gaps-before-confirm
CR=$(grep -o 'name="rev" value="[0-9]*"' "$OUT" | head -1 | tr -dc 0-9)
htok=$(field "$W/head" "$P/check" _csrf)
evpost save-after-check 303 "$W/ed" "$CR" -F "attach=fact:1.6" -F "fact:1.6=Tỷ lệ 90%" -- 1.4=9
req submit-stale 409 -b "$W/head" -d "_csrf=$htok&confirm=1&rev=$CR" "$BASE$P/submit"
has submit-stale-check-again "$OUT" "Kiểm tra trước khi nộp"
has submit-stale-lists-changes "$OUT" "Đã thay đổi từ khi bạn mở trang"
same submit-stale-not-submitted "$(state "$SCHOOL")" returned
req submit 303 -b "$W/head" -d "_csrf=$htok&confirm=1&rev=$(field "$W/head" "$P/check" rev)" "$BASE$P/submit"
has submit-to-next-steps "$ERR" "Location: $P/submitted"
same submitted "$(state "$SCHOOL")" submitted
same submitted-what-was-checked "$(q "SELECT $(jx n.answers answers 1.4 value) FROM snapshot n JOIN submission s ON s.id = n.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE o.code = '$SCHOOL' AND s.campaign_id = 1 ORDER BY n.version DESC LIMIT 1")" 9
req next-steps 200 -b "$W/head" "$BASE$P/submitted"
has next-steps-who "$OUT" "UBND phường Dương Kinh xem xét bản tự đánh giá"
has next-steps-deadline "$OUT" "hạn nộp của đợt: "
EV2=$(q "SELECT e.id FROM evidence e JOIN evidence_link l ON l.evidence_id = e.id WHERE l.criterion_id = '1.3' AND e.kind = 'link'")
SR=$(q "SELECT s.revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL'")
evpost remove-after-submit 409 "$W/ed" "$SR" -F "remove=$EV2:1.3" -- 1.4=9
has remove-after-submit-says "$OUT" "không thể"
same remove-after-submit-kept "$(links "$SCHOOL" 1.3)" 1

# --- a download follows the path the campaign froze: the old Phòng keeps
# the files of its campaign after the school moves, the new one does not
M="/campaigns/1/units/$MOVER"
login "$W/mover" "cntt.$(lower "$MOVER")"
login "$W/dk" cv.dk
login "$W/lc" cv.lc
mtok=$(field "$W/mover" "$M" _csrf)
req mover-attach 303 -b "$W/mover" -F "_csrf=$mtok" -F "criterion=1.3" -F "file=@$W/ke-hoach.pdf" "$BASE$M/evidence"
MID=$(q "SELECT e.id FROM evidence e JOIN org_unit o ON o.id = e.unit_id WHERE o.code = '$MOVER'")
req before-move-dk 200 -b "$W/dk" "$BASE/evidence/$MID"
"$T" --db "$DB" org move "$MOVER" 31LC >/dev/null 2>&1 && ok moved || bad moved
req after-move-old-phong 200 -b "$W/dk" "$BASE/evidence/$MID"
req after-move-new-phong 404 -b "$W/lc" "$BASE/evidence/$MID"
req after-move-school 200 -b "$W/mover" "$BASE/evidence/$MID"

# The server ends cleanly (a sanitizer build exits non-zero on a leak).
kill -TERM "$SERVER"
for _ in $(seq 600); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
if wait "$SERVER"; then ok server-exit-clean; else cat "$W/server.log" | grep -v '^[0-9]' | head -60 >"$ERR"; bad server-exit-clean; fi
SERVER=

echo "evidence: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
