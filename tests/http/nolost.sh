#!/bin/bash
# Nothing typed is lost or silently overwritten (issue 11), over HTTP on
# 127.0.0.1: every submission form post carries the revision its page
# showed; a stale one is merged field by field or refused with 409 and a
# page that says what changed and who changed it; one refused value never
# stops the rest being saved; an expired session answers autosave in
# JSON and sign-in returns to the page (never to another site).
# Usage: tests/http/nolost.sh PATH/TO/truongso
# Ends with "nolost: N passed, N failed".
set -u
T=${1:?usage: nolost.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
if "$T" --db "$DB" serve --session-idle 1 2>"$OUT"; then bad serve-idle-too-short; else ok serve-idle-too-short; fi
if "$T" --db "$DB" serve --session-idle 600 --session-max 2 2>"$OUT"; then bad serve-max-below-idle; else ok serve-max-below-idle; fi
http_serve --session-idle 30 --session-max 8


SCHOOL=$(pick returned 0)
API=$(pick returned 1)
DEC=$(pick submitted 1)
P="/campaigns/1/units/$SCHOOL"
login "$W/ed" "cntt.$(lower "$SCHOOL")"
login "$W/head" "ht.$(lower "$SCHOOL")"
FULL=(1.1=1 1.2=1 1.3a=6 1.3b=6 1.3c=6 1.3d=3 1.3e=0 1.4=10 1.5a=12 1.5b=0
      1.6a=7 1.6b=7 1.6c=6 1.7a=5 1.7b=5 1.7c=0 2.1=1 2.2=1 2.3a=5 2.3b=6
      2.3c=20 2.3d=6 2.3e=10 2.3f=10 2.3g=6 2.3h=6 2.4a=6 2.4b=0 2.4c=4)
form() { # form ID=VALUE...: the full form (seed 003) with some values changed
	local kv over
	for kv in "${FULL[@]}"; do
		for over in "$@"; do [ "${over%%=*}" = "${kv%%=*}" ] && kv=$over; done
		printf -- '--data-urlencode\0v:%s\0' "$kv"
	done
}
post() { # post NAME STATUS JAR REV PATH ID=VALUE...: a save of the form
	local name=$1 want=$2 jar=$3 rv=$4 path=$5
	shift 5
	local tok
	tok=$(field "$jar" "$P" _csrf)
	mapfile -d '' F < <(form "$@")
	req "$name" "$want" -b "$jar" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$rv" "${F[@]}" "$BASE$path"
}

# --- every submission form carries the revision its page showed
req page 200 -b "$W/ed" "$BASE$P"
has page-rev "$OUT" 'name="rev" value="'
post first-save 303 "$W/ed" "$(field "$W/ed" "$P" rev)" "$P/save"
R0=$(field "$W/ed" "$P" rev)

# --- two tabs opened at R0 edit different items: both edits are kept
post tab1-saves-1.4 303 "$W/ed" "$R0" "$P/save" 1.4=9
post tab2-saves-1.5a 303 "$W/head" "$R0" "$P/save" 1.5a=11
same merge-keeps-first-edit "$(item "$SCHOOL" 1.4)" 9
same merge-keeps-second-edit "$(item "$SCHOOL" 1.5a)" 11

# --- a stale tab changing the same item: 409, who changed it, nothing lost
post stale-same-item 409 "$W/head" "$R0" "$P/save" 1.4=7
has conflict-names-author "$OUT" "cntt.$(lower "$SCHOOL") đã sửa nội dung này lúc"
has conflict-offers-choice "$OUT" 'name="pick:1.4" value="theirs"'
has conflict-keeps-typed "$OUT" 'name="v:1.4" value="7"'
has conflict-summary-links "$OUT" 'href="#f-1.4"'
has conflict-shows-merged-other "$OUT" 'name="v:1.5a" value="11"'
same conflict-stores-nothing "$(item "$SCHOOL" 1.4)" 9
R1=$(grep -o 'name="rev" value="[0-9]*"' "$OUT" | head -1 | tr -dc 0-9)
tok=$(field "$W/head" "$P" _csrf)
mapfile -d '' F < <(form 1.4=7 1.5a=11)
req conflict-take-newer 303 -b "$W/head" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$R1" --data-urlencode "pick:1.4=theirs" "${F[@]}" "$BASE$P/save"
same conflict-newer-kept "$(item "$SCHOOL" 1.4)" 9
R2=$(field "$W/head" "$P" rev)
req conflict-keep-mine 303 -b "$W/head" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$R2" --data-urlencode "pick:1.4=mine" "${F[@]}" "$BASE$P/save"
same conflict-mine-kept "$(item "$SCHOOL" 1.4)" 7
hist=$(q "SELECT count(*) FROM submission_revision r JOIN submission s ON s.id = r.submission_id JOIN org_unit o ON o.id = s.unit_id WHERE o.code = '$SCHOOL' AND s.campaign_id = 1")
[ "$hist" -ge 4 ] && ok revisions-recorded || bad revisions-recorded

# --- autosave: stale but other items are merged; the same item is a conflict
R3=$(field "$W/ed" "$P" rev)
post other-tab-1.3e 303 "$W/head" "$R3" "$P/save" 1.4=7 1.5a=11 1.3e=2
tok=$(field "$W/ed" "$P" _csrf)
mapfile -d '' F < <(form 1.4=7 1.5a=11 1.6a=6)
req autosave-merges 200 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "_ajax=1" --data-urlencode "rev=$R3" "${F[@]}" "$BASE$P/save"
has autosave-json "$ERR" "Content-Type: application/json"
has autosave-sends-others-change "$OUT" '"v:1.3e":"2"'
has autosave-new-revision "$OUT" '"revision":'
same autosave-kept-other "$(item "$SCHOOL" 1.3e)" 2
same autosave-saved-own "$(item "$SCHOOL" 1.6a)" 6
mapfile -d '' F < <(form 1.4=7 1.5a=11 1.3e=5)
req autosave-conflict 409 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "_ajax=1" --data-urlencode "rev=$R3" "${F[@]}" "$BASE$P/save"
has autosave-conflict-flag "$OUT" '"conflict":true'
same autosave-conflict-stores-nothing "$(item "$SCHOOL" 1.3e)" 2

# --- a note belongs to its item: the conflict shows the other's note,
# so keeping one's own never drops a note unseen
R5=$(field "$W/ed" "$P" rev)
mapfile -d '' F < <(form 1.4=7 1.5a=11 1.3e=2 1.6a=6)
tok=$(field "$W/head" "$P" _csrf)
req note-other-saves 303 -b "$W/head" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$R5" --data-urlencode "n:1.4=Hiệu trưởng đã kiểm tra lại" "${F[@]}" "$BASE$P/save"
tok=$(field "$W/ed" "$P" _csrf)
req note-stale-conflict 409 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$R5" --data-urlencode "n:1.4=Ghi chú của tôi" "${F[@]}" "$BASE$P/save"
has note-conflict-shows-theirs "$OUT" 'ghi chú: “Hiệu trưởng đã kiểm tra lại”</strong></legend>'
has note-conflict-keeps-mine "$OUT" '>Ghi chú của tôi</textarea>'
same note-conflict-stores-nothing "$(q "SELECT $(jx s.answers answers 1.4 note) FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$SCHOOL'")" "Hiệu trưởng đã kiểm tra lại"

# --- a malformed revision is refused, not taken as "no revision"
for bad_rev in abc -1 1x ""; do
	req "rev-malformed '$bad_rev'" 400 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "rev=$bad_rev" "$BASE$P/save"
done

# --- one refused value: every other field is saved, the bad one is marked
R4=$(field "$W/ed" "$P" rev)
post overmax-rest-saved 422 "$W/ed" "$R4" "$P/save" 1.4=11 1.5a=13 1.3e=2 1.6a=6
same overmax-other-saved "$(item "$SCHOOL" 1.5a)" 13
same overmax-bad-not-stored "$(item "$SCHOOL" 1.4)" 7
has overmax-typed-kept "$OUT" 'name="v:1.4" value="11"'
has overmax-aria-invalid "$OUT" 'id="f-1.4" aria-invalid="true" aria-describedby="e-1.4"'
has overmax-message-at-field "$OUT" '<p class="field-error" id="e-1.4">nội dung 1.4: điểm tự chấm 11 vượt quá điểm tối đa 10</p>'
has overmax-summary-link "$OUT" '<a href="#f-1.4">nội dung 1.4: điểm tự chấm 11'
has overmax-notice "$OUT" "Đã lưu các nội dung hợp lệ."
R5=$(field "$W/ed" "$P" rev)
mapfile -d '' F < <(form 1.4=abc 1.5a=14 1.3e=2 1.6a=6)
req autosave-bad-value 422 -b "$W/ed" --data-urlencode "_csrf=$tok" --data-urlencode "_ajax=1" --data-urlencode "rev=$R5" "${F[@]}" "$BASE$P/save"
has autosave-error-field "$OUT" '"field":"f-1.4","id":"e-1.4"'
has autosave-saved-rest "$OUT" '"saved":true'
same autosave-other-saved "$(item "$SCHOOL" 1.5a)" 14
req preview-marks-field 422 -b "$W/ed" --data-urlencode "_csrf=$tok" "${F[@]}" "$BASE$P/preview"
has preview-field-id "$OUT" 'data-field="e-1.4"'
has preview-still-scores "$OUT" 'id="score"'

# --- submit: the confirm page's revision; stale after another save
post complete 303 "$W/ed" "$(field "$W/ed" "$P" rev)" "$P/save"
htok=$(field "$W/head" "$P" _csrf)
req confirm-page 200 -b "$W/head" -d "_csrf=$htok" "$BASE$P/submit"
HR=$(grep -o 'name="rev" value="[0-9]*"' "$OUT" | head -1 | tr -dc 0-9)
[ -n "$HR" ] && ok confirm-carries-rev || bad confirm-carries-rev
post save-after-confirm 303 "$W/ed" "$HR" "$P/save" 1.4=8
req submit-stale 409 -b "$W/head" -d "_csrf=$htok&confirm=1&rev=$HR" "$BASE$P/submit"
has submit-stale-lists-changes "$OUT" "Đã thay đổi từ khi bạn mở trang"
has submit-stale-who "$OUT" "cntt.$(lower "$SCHOOL") lưu bản nháp"
same submit-stale-not-submitted "$(state "$SCHOOL")" returned
req submit-no-rev 409 -b "$W/head" -d "_csrf=$htok&confirm=1" "$BASE$P/submit"
req submit-current 303 -b "$W/head" -d "_csrf=$htok&confirm=1&rev=$(field "$W/head" "$P" rev)" "$BASE$P/submit"
same submitted "$(state "$SCHOOL")" submitted

# --- the reviewer's forms: external scores, return, approve, publish
login "$W/rev" cv.dk
login "$W/so" cv.so
rtok=$(field "$W/rev" "$P" _csrf)
RR=$(field "$W/rev" "$P" rev)
stok=$(field "$W/so" "$P" _csrf)
req other-reviewer-external 303 -b "$W/so" --data-urlencode "_csrf=$stok" --data-urlencode "rev=$(field "$W/so" "$P" rev)" --data-urlencode "ext=1" --data-urlencode "xv:1.5a=10" "$BASE$P/external"
req external-stale 409 -b "$W/rev" --data-urlencode "_csrf=$rtok" --data-urlencode "rev=$RR" --data-urlencode "ext=1" --data-urlencode "xv:1.5a=12" "$BASE$P/external"
has external-stale-kept "$OUT" 'name="xv:1.5a" value="12"'
has external-stale-who "$OUT" "cv.so nhập điểm đánh giá ngoài"
req return-stale 409 -b "$W/rev" --data-urlencode "_csrf=$rtok" --data-urlencode "rev=$RR" --data-urlencode "r:1.3=Thiếu đường link LMS" --data-urlencode "r:*=Bổ sung chung" "$BASE$P/return"
has return-stale-reason-kept "$OUT" "Thiếu đường link LMS</textarea>"
has return-stale-general-kept "$OUT" "Bổ sung chung</textarea>"
same return-stale-not-returned "$(state "$SCHOOL")" submitted
req approve-stale 409 -b "$W/rev" -d "_csrf=$rtok&rev=$RR&confirm=1" "$BASE$P/approve"
req approve-no-rev 409 -b "$W/rev" -d "_csrf=$rtok&confirm=1" "$BASE$P/approve"
RR=$(field "$W/rev" "$P" rev)
# The approve route approves only from its confirmation page, which says
# what approving does; it cannot be undone.
req approve-asks-confirmation 200 -b "$W/rev" -d "_csrf=$rtok&rev=$RR" "$BASE$P/approve"
has approve-confirm-page "$OUT" "<h1>Xác nhận phê duyệt</h1>"
has approve-confirm-says "$OUT" "Sau khi phê duyệt không thể hoàn tác."
has approve-confirm-posts "$OUT" "action=\"$P/approve\""
same approve-not-yet "$(state "$SCHOOL")" submitted
req approve 303 -b "$W/rev" -d "_csrf=$rtok&rev=$RR&confirm=1" "$BASE$P/approve"
same approved "$(state "$SCHOOL")" approved
req publish-asks-confirmation 200 -b "$W/rev" -d "_csrf=$rtok&rev=$RR" "$BASE$P/publish"
has publish-confirm-page "$OUT" "Xác nhận công bố kết quả"
has publish-confirm-says "$OUT" "Sau khi công bố không thể hoàn tác."
same publish-not-yet "$(state "$SCHOOL")" approved
req publish-stale 409 -b "$W/rev" -d "_csrf=$rtok&rev=$RR&confirm=1" "$BASE$P/publish"
req publish 303 -b "$W/rev" -d "_csrf=$rtok&confirm=1&rev=$(field "$W/rev" "$P" rev)" "$BASE$P/publish"
same published "$(state "$SCHOOL")" published

# --- the reviewer's one decision form: external scores, then the decision
D="/campaigns/1/units/$DEC"
ext() { # ext CODE ID: a stored external score
	q "SELECT $(jx s.external answers "$2" value) FROM submission s
	   JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$1'"
}
req decision-page 200 -b "$W/rev" "$BASE$D"
has decision-one-form "$OUT" "action=\"$D/decide\""
has decision-choices "$OUT" 'name="decision" value="approve"'
hasnt decision-no-separate-approve "$OUT" "action=\"$D/approve\""
dtok=$(field "$W/rev" "$D" _csrf)
drev=$(field "$W/rev" "$D" rev)
dec() { # dec NAME STATUS JAR ARGS...: a post of the decision form
	local name=$1 want=$2 jar=$3
	shift 3
	req "$name" "$want" -b "$jar" --data-urlencode "_csrf=$(field "$jar" "$D" _csrf)" --data-urlencode "ext=1" "$@" "$BASE$D/decide"
}
dec decide-no-choice 422 "$W/rev" --data-urlencode "rev=$drev" --data-urlencode "xv:1.5a=9" --data-urlencode "r:1.3=Thiếu kế hoạch"
has decide-asks-choice "$OUT" "hãy chọn một quyết định"
has decide-keeps-score "$OUT" 'name="xv:1.5a" value="9"'
has decide-keeps-reason "$OUT" "Thiếu kế hoạch</textarea>"
dec decide-return-no-reason 422 "$W/rev" --data-urlencode "rev=$drev" --data-urlencode "decision=return" --data-urlencode "xv:1.5a=9"
has decide-return-needs-reason "$OUT" "trả lại phải kèm lý do"
has decide-return-keeps-score "$OUT" 'name="xv:1.5a" value="9"'
has decide-return-keeps-choice "$OUT" 'value="return" checked'
same decide-return-still-submitted "$(state "$DEC")" submitted
drev=$(field "$W/rev" "$D" rev)
dec decide-approve-confirm 200 "$W/rev" --data-urlencode "rev=$drev" --data-urlencode "decision=approve" --data-urlencode "xv:1.5a=8"
has decide-confirm-title "$OUT" "Xác nhận phê duyệt"
has decide-confirm-scores "$OUT" "Kết quả sau đánh giá ngoài"
has decide-confirm-carries "$OUT" 'name="xv:1.5a" value="8"'
same decide-not-yet "$(state "$DEC")" submitted
dec decide-back 200 "$W/rev" --data-urlencode "rev=$drev" --data-urlencode "decision=approve" --data-urlencode "xv:1.5a=8" --data-urlencode "back=1"
has decide-back-keeps "$OUT" 'name="xv:1.5a" value="8"'
dec decide-outside 403 "$W/api" --data-urlencode "rev=$drev" --data-urlencode "decision=approve" --data-urlencode "confirm=1"
dec decide-stale 409 "$W/rev" --data-urlencode "rev=$((drev - 1))" --data-urlencode "decision=approve" --data-urlencode "xv:1.5a=8" --data-urlencode "confirm=1"
has decide-stale-keeps "$OUT" 'name="xv:1.5a" value="8"'
dec decide-approve 303 "$W/rev" --data-urlencode "rev=$drev" --data-urlencode "decision=approve" --data-urlencode "xv:1.5a=8" --data-urlencode "confirm=1"
same decide-approved "$(state "$DEC")" approved
same decide-external-stored "$(ext "$DEC" 1.5a)" 8

# --- external scores are checked field by field, as the school's answers
# are (item 4): the valid ones are saved, no decision is taken, the refused
# one is marked at its field and listed with a link to it, everything typed
# stays on the page, and a refused value never erases a stored score.
XS=$(pick submitted 2)
X="/campaigns/1/units/$XS"
xpost() { # xpost NAME STATUS ACTION ARGS...: a post of XS's reviewer form
	local name=$1 want=$2 act=$3
	shift 3
	req "$name" "$want" -b "$W/rev" --data-urlencode "_csrf=$(field "$W/rev" "$X" _csrf)" --data-urlencode "rev=$(field "$W/rev" "$X" rev)" --data-urlencode "ext=1" "$@" "$BASE$X/$act"
}
xpost x-bad-one 422 decide --data-urlencode "decision=approve" --data-urlencode "xv:1.5a=99" --data-urlencode "xv:1.4=7" --data-urlencode "xn:1.4=Kiểm tra thực tế" --data-urlencode "r:1.3=Lý do đang gõ"
has x-bad-marked "$OUT" 'id="f-x1.5a" aria-invalid="true" aria-describedby="e-x1.5a" name="xv:1.5a" value="99"'
has x-bad-message "$OUT" '<p class="field-error" id="e-x1.5a">nội dung 1.5a: điểm đánh giá ngoài 99 vượt quá điểm tối đa 15</p>'
has x-bad-summary "$OUT" '<li><a href="#f-x1.5a">nội dung 1.5a:'
has x-valid-kept "$OUT" 'name="xv:1.4" value="7"'
has x-note-kept "$OUT" 'Kiểm tra thực tế</textarea>'
has x-reason-kept "$OUT" 'Lý do đang gõ</textarea>'
has x-choice-kept "$OUT" 'value="approve" checked'
same x-no-decision "$(state "$XS")" submitted
same x-valid-saved "$(ext "$XS" 1.4)" 7
same x-bad-not-saved "$(ext "$XS" 1.5a)" ""
xpost x-all-valid 303 decide --data-urlencode "decision=save" --data-urlencode "xv:1.5a=12" --data-urlencode "xv:1.4=7"
same x-stored "$(ext "$XS" 1.5a)" 12
xpost x-bad-keeps-stored 422 decide --data-urlencode "decision=save" --data-urlencode "xv:1.5a=abc" --data-urlencode "xv:1.4=6"
same x-stored-not-erased "$(ext "$XS" 1.5a)" 12
same x-other-saved "$(ext "$XS" 1.4)" 6
# The same on an approved result's own form (external scores only).
xpost x-approve 303 approve --data-urlencode "confirm=1"
same x-approved "$(state "$XS")" approved
req x-approved-form 200 -b "$W/rev" "$BASE$X"
has x-approved-form-action "$OUT" "action=\"$X/external\""
xpost x-approved-bad-one 422 external --data-urlencode "xv:1.5a=16" --data-urlencode "xv:1.4=5"
has x-approved-marked "$OUT" 'id="f-x1.5a" aria-invalid="true"'
has x-approved-kept "$OUT" 'name="xv:1.5a" value="16"'
same x-approved-valid-saved "$(ext "$XS" 1.4)" 5
same x-approved-stored-kept "$(ext "$XS" 1.5a)" 12

# --- API: If-Match is a revision or a 400
login "$W/api" "cntt.$(lower "$API")"
ATOK=$(curl -s -b "$W/api" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
# Seed 003's answers without the unit and year of their own record.
EX="$W/seed003.json"
sed '/^  "unit":/d; /^  "school_year":/d' examples/qd4725-gdtx-duongkinh-2022-2023.json >"$EX"
for im in '"-1"' '-3' 'abc' '"12' 'W/"3"' '"3"x' '"99999999999999999999"' '*' '"3", "4"'; do
	req "if-match malformed $im" 400 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H "If-Match: $im" -H 'Content-Type: application/json' --data-binary @$EX "$BASE/api/campaigns/1/units/$API/answers"
done
req if-match-unquoted-ok 200 -b "$W/api" -H "X-CSRF-Token: $ATOK" -H "If-Match: $(q "SELECT s.revision FROM submission s JOIN org_unit o ON o.id = s.unit_id WHERE s.campaign_id = 1 AND o.code = '$API'")" -H 'Content-Type: application/json' --data-binary @$EX "$BASE/api/campaigns/1/units/$API/answers"
login "$W/apih" "ht.$(lower "$API")"
HTOK=$(curl -s -b "$W/apih" "$BASE/api/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
req api-submit-stale 409 -b "$W/apih" -H "X-CSRF-Token: $HTOK" -H 'If-Match: "0"' -X POST "$BASE/api/campaigns/1/units/$API/submit"
req api-submit-bad-if-match 400 -b "$W/apih" -H "X-CSRF-Token: $HTOK" -H 'If-Match: x' -X POST "$BASE/api/campaigns/1/units/$API/submit"
same api-not-submitted "$(state "$API")" returned

# --- sessions slide with use, up to the cap; an expired one loses nothing
# The session signed in last: the one not there before (created_at has
# whole seconds only).
sessions() { q "SELECT token_hash FROM session ORDER BY token_hash"; }
hash_of() { sessions | comm -13 "$W/sessions-before" -; }
sessions >"$W/sessions-before"
login "$W/slide" "cntt.$(lower "$API")"
H=$(hash_of)
q "UPDATE session SET expires_at = '$(at '+30 seconds')' WHERE token_hash = '$H'"
req slide-request 200 -b "$W/slide" "$BASE/campaigns/1/units/$API"
left=$(secs_until "$(q "SELECT expires_at FROM session WHERE token_hash = '$H'")")
[ "$left" -gt 1700 ] && [ "$left" -le 1800 ] && ok session-slides || { echo "left $left s" >"$ERR"; bad session-slides; }
q "UPDATE session SET created_at = '$(at '-479 minutes')', expires_at = '$(at '+30 seconds')' WHERE token_hash = '$H'"
req slide-capped 200 -b "$W/slide" "$BASE/campaigns/1/units/$API"
left=$(secs_until "$(q "SELECT expires_at FROM session WHERE token_hash = '$H'")")
[ "$left" -le 60 ] && ok session-capped || { echo "left $left s" >"$ERR"; bad session-capped; }
has page-tells-idle "$OUT" '<main id="main" tabindex="-1" data-idle="1800">'
q "UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE token_hash = '$H'"
req expired-get 303 -b "$W/slide" "$BASE/campaigns/1/units/$API"
has expired-get-next "$ERR" "Location: /login?next=%2Fcampaigns%2F1%2Funits%2F$API"
stok=$(field "$W/api" "/campaigns/1/units/$API" _csrf)
req expired-autosave 401 -b "$W/slide" --data-urlencode "_csrf=x" --data-urlencode "_ajax=1" --data-urlencode "v:1.4=3" -H "Referer: $BASE/campaigns/1/units/$API" "$BASE/campaigns/1/units/$API/save"
has expired-autosave-json "$OUT" '"login":"/login?next=%2Fcampaigns%2F1%2Funits%2F'"$API"'"'
req expired-page-post 403 -b "$W/slide" --data-urlencode "_csrf=x" --data-urlencode "v:1.4=3" -H "Referer: $BASE/campaigns/1/units/$API" "$BASE/campaigns/1/units/$API/save"
has expired-page-link "$OUT" 'href="/login?next=%2Fcampaigns%2F1%2Funits%2F'"$API"'"'
req expired-evil-referer 403 -b "$W/slide" --data-urlencode "_csrf=x" -H "Referer: https://evil.example//evil.example/x" "$BASE/campaigns/1/units/$API/save"
hasnt expired-no-evil-next "$OUT" "evil"
req login-form-keeps-next 200 "$BASE/login?next=%2Fcampaigns%2F1%2Funits%2F$API"
has login-hidden-next "$OUT" "name=\"next\" value=\"/campaigns/1/units/$API\""
req login-returns 303 -d "login=cntt.$(lower "$API")&password=truongso-demo" --data-urlencode "next=/campaigns/1/units/$API" "$BASE/login"
has login-returns-to-page "$ERR" "Location: /campaigns/1/units/$API"
for evil in //evil.example/x 'https://evil.example/' '/\evil.example' 'javascript:alert(1)' "/campaigns
Set-Cookie: x=1"; do
	req "login-next-refused $(printf %q "$evil")" 303 -d "login=cntt.$(lower "$API")&password=truongso-demo" --data-urlencode "next=$evil" "$BASE/login"
	has "login-next-home $(printf %q "$evil")" "$ERR" "Location: /campaigns"$'\r'
done
req login-page-evil-next 200 "$BASE/login?next=//evil.example"
hasnt login-page-no-evil-next "$OUT" 'name="next"'

echo "nolost: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
