#!/bin/bash
# A draft never passes for a result on the form (issue 18 item 6): the
# bar, the group headings and the panel of a draft with open items say
# how much is answered and "tạm tính" for its points, with no level and
# no grade, and "chưa trả lời" for what has no answer; the live preview
# (the same fragments for the answers being typed) says the same. A
# result with every item answered keeps its levels. One rule with the
# reports (score_group_settled).
# Usage: tests/http/form_draft.sh PATH/TO/truongso
# Ends with "form_draft: N passed, N failed".
set -u
T=${1:?usage: form_draft.sh TRUONGSO}
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
cd "$(dirname "$0")/../.." || exit 2
. tests/http/lib.sh
http_demo
http_serve

draft=$(pick draft 0) approved=$(pick approved 0)
head=ht.$(lower "$draft")
sign_in "$W/ht" "$head"
sign_in "$W/dk" cv.dk
P="/campaigns/1/units/$draft"
# bar: the status bar's score (before its "(điểm …)") in $OUT.
bar() { grep -o '<span id="bar-score" data-live="">[^<]*' "$OUT" | head -1 | sed 's/.*>//'; }
nitems=$(grep -o 'name="v:[^"]*"' <(curl -s -b "$W/ht" "$BASE$P") | sort -u | wc -l)

req draft-page 200 -b "$W/ht" "$BASE$P"
case "$(bar)" in
"Đã trả lời "*"/$nitems nội dung · Nhóm 1: "*) ok draft-bar-answered ;;
*) echo "bar: $(bar)" >>"$ERR"; bad draft-bar-answered ;;
esac
case "$(bar)" in *"Mức độ"*) echo "bar: $(bar)" >>"$ERR"; bad draft-bar-no-level ;; *) ok draft-bar-no-level ;; esac
has draft-bar-tentative "$OUT" "Nhóm 1: tạm tính "
has draft-heading-open "$OUT" "nội dung chưa trả lời, chưa xác định mức độ (điểm đã lưu)"
hasnt draft-heading-no-level "$OUT" "điểm, Mức độ"
hasnt draft-panel-no-level "$OUT" "điểm — Mức độ"
has draft-criterion-unanswered "$OUT" "— chưa trả lời (tối đa "
# Its reviewer reads the same.
req draft-reviewer-page 200 -b "$W/dk" "$BASE$P"
hasnt draft-reviewer-no-level "$OUT" "điểm, Mức độ"

# The live preview of a form with nothing typed: nothing answered, in
# words; never "0/100, Mức độ 1".
tok=$(field "$W/ht" "$P" _csrf)
req preview-empty 200 -b "$W/ht" --data-urlencode "_csrf=$tok" "$BASE$P/preview"
same preview-empty-bar "$(bar)" "Đã trả lời 0/$nitems nội dung · Nhóm 1: chưa trả lời · Nhóm 2: chưa trả lời"
has preview-empty-heading "$OUT" 'id="gs-1" data-live="">— chưa trả lời (điểm đang nhập)'
hasnt preview-empty-no-level "$OUT" "Mức độ 1"
# One item typed: its points "tạm tính", still no level.
req preview-one 200 -b "$W/ht" --data-urlencode "_csrf=$tok" --data-urlencode "v:1.4=6" "$BASE$P/preview"
same preview-one-bar "$(bar)" "Đã trả lời 1/$nitems nội dung · Nhóm 1: tạm tính 0/100 · Nhóm 2: chưa trả lời"
has preview-one-criterion "$OUT" 'id="cs-1.4" data-live="">— 6/10 điểm'

# An approved result: every item answered, levels shown.
req approved-page 200 -b "$W/dk" "$BASE/campaigns/1/units/$approved"
case "$(bar)" in
"Nhóm 1: "*", Mức độ "*" · Nhóm 2: "*", Mức độ "*) ok approved-bar-levels ;;
*) echo "bar: $(bar)" >>"$ERR"; bad approved-bar-levels ;;
esac
hasnt approved-bar-no-count "$OUT" "Đã trả lời "
hasnt approved-no-tentative "$OUT" "tạm tính"

echo "form_draft: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
