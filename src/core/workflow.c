#include "workflow.h"

#include <string.h>

static const char *const STATE_CODES[ST_COUNT] = {
	"none", "draft", "submitted", "returned", "approved", "published",
};
static const char *const STATE_NAMES[ST_COUNT] = {
	"Chưa bắt đầu", "Bản nháp",   "Đã nộp", "Trả lại (yêu cầu bổ sung)",
	"Đã phê duyệt", "Đã công bố",
};

const char *
sub_state_code(enum sub_state s)
{
	return STATE_CODES[s];
}

const char *
sub_state_name(enum sub_state s)
{
	return STATE_NAMES[s];
}

bool
sub_state_parse(const char *code, enum sub_state *out)
{
	for (int i = 0; i < ST_COUNT; i++)
		if (strcmp(code, STATE_CODES[i]) == 0) {
			*out = (enum sub_state)i;
			return true;
		}
	return false;
}

const char *
sub_action_name(enum sub_action a)
{
	static const char *const n[] = {
		[ACT_SAVE] = "sửa bản tự đánh giá",
		[ACT_SUBMIT] = "nộp",
		[ACT_RETURN] = "trả lại",
		[ACT_APPROVE] = "phê duyệt",
		[ACT_EXTERNAL] = "nhập điểm đánh giá ngoài",
		[ACT_PUBLISH] = "công bố",
		[ACT_VIEW] = "xem",
	};
	return n[a];
}

static const char *const ROLE_CODES[] = {
	"school_editor", "school_head", "reviewer", "admin", "observer",
};
static const char *const ROLE_NAMES[] = {
	"Cán bộ phụ trách CNTT", "Hiệu trưởng", "Chuyên viên", "Quản trị",
	"Theo dõi (chỉ xem)",
};

const char *
role_code(enum role r)
{
	return ROLE_CODES[r];
}

const char *
role_name(enum role r)
{
	return ROLE_NAMES[r];
}

bool
role_parse(const char *code, enum role *out)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(code, ROLE_CODES[i]) == 0) {
			*out = (enum role)i;
			return true;
		}
	return false;
}

enum scope
scope_of(const char *actor_path, const char *unit_path)
{
	size_t n = strlen(actor_path);
	if (n == 0 || strncmp(actor_path, unit_path, n) != 0)
		return SCOPE_OUTSIDE;
	return unit_path[n] == '\0' ? SCOPE_OWN : SCOPE_BELOW;
}

/* next[state][action]; ST_NONE in a cell means "not allowed". SAVE on
 * ST_NONE creates the draft. */
static const enum sub_state NEXT[ST_COUNT][ACT_VIEW] = {
	[ST_NONE] = { [ACT_SAVE] = ST_DRAFT, [ACT_SUBMIT] = ST_SUBMITTED },
	[ST_DRAFT] = { [ACT_SAVE] = ST_DRAFT, [ACT_SUBMIT] = ST_SUBMITTED },
	[ST_SUBMITTED] = { [ACT_RETURN] = ST_RETURNED,
			   [ACT_APPROVE] = ST_APPROVED,
			   [ACT_EXTERNAL] = ST_SUBMITTED },
	[ST_RETURNED] = { [ACT_SAVE] = ST_RETURNED,
			  [ACT_SUBMIT] = ST_SUBMITTED },
	[ST_APPROVED] = { [ACT_EXTERNAL] = ST_APPROVED,
			  [ACT_PUBLISH] = ST_PUBLISHED },
	[ST_PUBLISHED] = { 0 },
};

static const char *
refusal(enum sub_state s, enum sub_action a)
{
	switch (s) {
	case ST_NONE:
	case ST_DRAFT: return "đơn vị chưa nộp bản tự đánh giá";
	case ST_SUBMITTED:
		return a == ACT_SAVE ? "bản đã nộp, đang chờ cấp trên xem xét; "
				       "chỉ sửa được khi bị trả lại"
				     : "bản đã nộp, đang chờ xem xét";
	case ST_RETURNED:
		return "bản đang bị trả lại, chờ đơn vị bổ sung và nộp lại";
	case ST_APPROVED:
		return a == ACT_SAVE || a == ACT_SUBMIT
			       ? "bản đã được phê duyệt, không sửa hay nộp lại "
				 "được"
			       : "bản đã được phê duyệt";
	case ST_PUBLISHED: return "kết quả đã công bố, không thay đổi được";
	}
	return "không được phép";
}

bool
wf_next(enum sub_state s, enum sub_action a, enum sub_state *next,
	const char **why)
{
	if (a == ACT_VIEW) {
		*next = s;
		return true;
	}
	enum sub_state n = NEXT[s][a];
	if (n == ST_NONE) {
		*why = refusal(s, a);
		return false;
	}
	*next = n;
	return true;
}

size_t
wf_from_codes(enum sub_action a, const char *out[WF_CODES_MAX])
{
	size_t n = 0;
	memset(out, 0, WF_CODES_MAX * sizeof(*out));
	for (int s = ST_NONE + 1; a != ACT_VIEW && s < ST_COUNT; s++)
		if (NEXT[s][a] != ST_NONE)
			out[n++] = STATE_CODES[s];
	return n;
}

/* Reviewed: reached by approving, or from a reviewed state by any step
 * (the closure over NEXT; publishing keeps the result). */
bool
wf_draft(enum sub_state s)
{
	return s == ST_NONE || s == ST_DRAFT || s == ST_RETURNED;
}

bool
wf_reviewed(enum sub_state s)
{
	bool in[ST_COUNT] = { false };
	for (int from = 0; from < ST_COUNT; from++)
		if (NEXT[from][ACT_APPROVE] != ST_NONE)
			in[NEXT[from][ACT_APPROVE]] = true;
	for (int round = 0; round < ST_COUNT; round++)
		for (int from = 0; from < ST_COUNT; from++)
			for (int a = 0; in[from] && a < ACT_VIEW; a++)
				if (NEXT[from][a] != ST_NONE)
					in[NEXT[from][a]] = true;
	return in[s];
}

size_t
wf_reviewed_codes(const char *out[WF_CODES_MAX])
{
	size_t n = 0;
	memset(out, 0, WF_CODES_MAX * sizeof(*out));
	for (int s = ST_NONE + 1; s < ST_COUNT; s++)
		if (wf_reviewed((enum sub_state)s))
			out[n++] = STATE_CODES[s];
	return n;
}
