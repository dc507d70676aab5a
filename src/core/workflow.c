#include "workflow.h"

#include <string.h>

static const char *const STATE_CODES[ST_COUNT] = {
	"none", "draft", "submitted", "returned", "approved", "published",
};
static const char *const STATE_NAMES[ST_COUNT] = {
	"Chưa bắt đầu", "Bản nháp", "Đã nộp", "Trả lại (yêu cầu bổ sung)",
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
		[ACT_SAVE] = "sửa bản tự đánh giá", [ACT_SUBMIT] = "nộp",
		[ACT_RETURN] = "trả lại", [ACT_APPROVE] = "phê duyệt",
		[ACT_EXTERNAL] = "nhập điểm đánh giá ngoài",
		[ACT_PUBLISH] = "công bố", [ACT_VIEW] = "xem",
	};
	return n[a];
}

static const char *const ROLE_CODES[] = {
	"school_editor", "school_head", "reviewer", "admin",
};
static const char *const ROLE_NAMES[] = {
	"Cán bộ phụ trách CNTT", "Hiệu trưởng", "Chuyên viên", "Quản trị",
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
	for (int i = 0; i < 4; i++)
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
	case ST_DRAFT:
		return "đơn vị chưa nộp bản tự đánh giá";
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
	case ST_PUBLISHED:
		return "kết quả đã công bố, không thay đổi được";
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

bool
wf_allowed(enum role r, enum scope sc, enum sub_action a, const char **why)
{
	bool school = r == ROLE_SCHOOL_EDITOR || r == ROLE_SCHOOL_HEAD;
	if (sc == SCOPE_OUTSIDE) {
		*why = "đơn vị này không thuộc phạm vi quản lý của tài khoản";
		return false;
	}
	if (a == ACT_VIEW)
		return true;
	if (school) {
		if (sc != SCOPE_OWN || a == ACT_RETURN || a == ACT_APPROVE ||
		    a == ACT_EXTERNAL || a == ACT_PUBLISH) {
			*why = "chỉ cấp quản lý mới được trả lại, phê duyệt, "
			       "đánh giá ngoài hay công bố";
			return false;
		}
		if (a == ACT_SUBMIT && r != ROLE_SCHOOL_HEAD) {
			*why = "chỉ hiệu trưởng (giám đốc) mới được nộp";
			return false;
		}
		return true;
	}
	if (a == ACT_SAVE || a == ACT_SUBMIT) {
		*why = "chỉ nhà trường mới sửa và nộp bản tự đánh giá của mình";
		return false;
	}
	if (sc != SCOPE_BELOW) {
		*why = "không được tự xem xét bản của chính đơn vị mình";
		return false;
	}
	return true;
}
