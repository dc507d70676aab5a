/* The one permission function (policy.h); its whole matrix is written out
 * in tests/unit/fixtures/policy_matrix.txt. */
#include "policy.h"

#include <stddef.h>
#include <string.h>

/* The submission actions convert by value (pol_action_of). */
_Static_assert((int)PA_SAVE == (int)ACT_SAVE &&
		       (int)PA_PUBLISH == (int)ACT_PUBLISH &&
		       (int)PA_VIEW == (int)ACT_VIEW,
	       "enum pol_action must start with enum sub_action");

static const char NO_SUCH_ACTION[] = "thao tác này không áp dụng cho đối "
				     "tượng này";
static const char OBSERVER_ONLY[] = "tài khoản theo dõi chỉ được xem, không "
				    "được thay đổi gì";
static const char OUT_OF_SCOPE[] = "đơn vị này không thuộc phạm vi quản lý "
				   "của tài khoản";

static bool
is_console(const struct pol_query *q)
{
	return strcmp(q->actor_path, "/") == 0;
}

static enum scope
target_scope(const struct pol_query *q)
{
	return q->target_path ? scope_of(q->actor_path, q->target_path)
			      : SCOPE_OUTSIDE;
}

static bool
refuse(const char **why, const char *reason)
{
	*why = reason;
	return false;
}

static bool
is_school_role(enum role r)
{
	return r == ROLE_SCHOOL_EDITOR || r == ROLE_SCHOOL_HEAD;
}

/* Schools act on their own unit only (only the head submits); reviewers
 * and admins on units strictly below theirs; observers only look. */
static bool
submission_who(enum role r, enum scope sc, enum pol_action a, const char **why)
{
	if (sc == SCOPE_OUTSIDE)
		return refuse(why, OUT_OF_SCOPE);
	if (a == PA_VIEW)
		return true;
	if (r == ROLE_OBSERVER)
		return refuse(why, OBSERVER_ONLY);
	if (is_school_role(r)) {
		if (sc != SCOPE_OWN || (a != PA_SAVE && a != PA_SUBMIT))
			return refuse(why,
				      "chỉ cấp quản lý mới được trả lại, "
				      "phê duyệt, đánh giá ngoài hay công bố");
		if (a == PA_SUBMIT && r != ROLE_SCHOOL_HEAD)
			return refuse(why, "chỉ hiệu trưởng (giám đốc) mới "
					   "được nộp");
		return true;
	}
	if (a == PA_SAVE || a == PA_SUBMIT)
		return refuse(why, "chỉ nhà trường mới sửa và nộp bản tự đánh "
				   "giá của mình");
	if (sc != SCOPE_OWN)
		return true;
	return refuse(why, "không được tự xem xét bản của chính đơn vị mình");
}

/* Who, then (when the state is known) whether the step exists from it. */
static bool
submission(const struct pol_query *q, const char **why)
{
	if (q->action > PA_VIEW)
		return refuse(why, NO_SUCH_ACTION);
	if (!submission_who(q->role, target_scope(q), q->action, why))
		return false;
	enum sub_state next;
	if (q->state == POL_ANY_STATE || q->action == PA_VIEW)
		return true;
	return wf_next((enum sub_state)q->state, (enum sub_action)q->action,
		       &next, why);
}

/* Offices remind the units of their subtree (no target: "some unit",
 * asked before one is named); reminding writes and mails, so an observer
 * does not. */
static bool
unit_remind(const struct pol_query *q, const char **why)
{
	if (is_school_role(q->role))
		return refuse(why, "chỉ cán bộ Phòng, Sở gửi thư nhắc");
	if (q->role == ROLE_OBSERVER)
		return refuse(why, OBSERVER_ONLY);
	return q->target_path == NULL || target_scope(q) != SCOPE_OUTSIDE ||
	       refuse(why, OUT_OF_SCOPE);
}

/* Admins change units strictly below theirs and add units under their
 * own too; only the operator adds a root. */
static bool
unit(const struct pol_query *q, const char **why)
{
	if (q->action == PA_REMIND)
		return unit_remind(q, why);
	enum scope sc = target_scope(q);
	if (q->action == PA_VIEW)
		return q->target_path == NULL || sc != SCOPE_OUTSIDE ||
		       refuse(why, OUT_OF_SCOPE);
	if (q->action != PA_CREATE && q->action != PA_CHANGE)
		return refuse(why, NO_SUCH_ACTION);
	if (q->role != ROLE_ADMIN)
		return refuse(why, "chỉ tài khoản quản trị mới được thay đổi "
				   "cây đơn vị");
	if (q->target_path == NULL)
		return q->action == PA_CREATE && is_console(q)
			       ? true
			       : refuse(why, "chỉ người quản trị máy chủ mới "
					     "tạo được đơn vị gốc");
	if (sc == SCOPE_BELOW || (sc == SCOPE_OWN && q->action == PA_CREATE))
		return true;
	return refuse(why, OUT_OF_SCOPE);
}

static const char *
account_scope_reason(enum pol_action a)
{
	if (a == PA_CREATE)
		return "tài khoản quản trị chỉ tạo hoặc gán được tài khoản cho "
		       "các đơn vị thuộc phạm vi của mình";
	return "tài khoản này không thuộc phạm vi quản lý của tài khoản";
}

/* Admins manage accounts of units in their subtree; an admin of their
 * own unit is managed by the level above. No target: "some account",
 * asked before one is named. */
static bool
account(const struct pol_query *q, const char **why)
{
	if (q->action != PA_VIEW && q->action != PA_CREATE &&
	    q->action != PA_CHANGE)
		return refuse(why, NO_SUCH_ACTION);
	if (q->role != ROLE_ADMIN)
		return refuse(why, "chỉ tài khoản quản trị mới quản lý được "
				   "tài khoản");
	if (q->target_path == NULL)
		return true;
	enum scope sc = target_scope(q);
	if (sc == SCOPE_OUTSIDE ||
	    (sc == SCOPE_OWN && q->kind == PK_ADMIN_ACCOUNT &&
	     q->action != PA_VIEW))
		return refuse(why, account_scope_reason(q->action));
	return true;
}

/* Admins of the owner unit or above create and edit campaigns. */
static bool
campaign(const struct pol_query *q, const char **why)
{
	bool create = q->action == PA_CREATE;
	if (!create && q->action != PA_CHANGE)
		return refuse(why, NO_SUCH_ACTION);
	if (q->role != ROLE_ADMIN)
		return refuse(why, create ? "chỉ tài khoản quản trị mới tạo "
					    "được đợt đánh giá"
					  : "chỉ quản trị của đơn vị chủ trì "
					    "(hoặc cấp trên) mới sửa được đợt "
					    "đánh giá");
	if (q->target_path == NULL || target_scope(q) != SCOPE_OUTSIDE)
		return true;
	return refuse(why, create ? "chỉ quản trị của đơn vị chủ trì (hoặc "
				    "cấp trên) mới tạo được đợt đánh giá"
				  : "chỉ quản trị của đơn vị chủ trì (hoặc cấp "
				    "trên) mới sửa được đợt đánh giá");
}

/* Whoever may view a unit's submissions may read its evidence. */
static bool
evidence(const struct pol_query *q, const char **why)
{
	if (q->action != PA_VIEW)
		return refuse(why, NO_SUCH_ACTION);
	return target_scope(q) != SCOPE_OUTSIDE || refuse(why, OUT_OF_SCOPE);
}

/* The unit that writes a document edits its fields: school staff a
 * school's, reviewers and admins an office's; the operator any. An
 * observer reads every document of its subtree and edits none. A
 * school's account has no office report: its own unit is a school, and
 * every office is above it. */
static bool
report(const struct pol_query *q, const char **why)
{
	if (q->action != PA_VIEW && q->action != PA_CHANGE)
		return refuse(why, NO_SUCH_ACTION);
	if (is_console(q))
		return true;
	if (q->kind == PK_OFFICE_REPORT && is_school_role(q->role))
		return refuse(why, "tài khoản của trường không xem hoặc sửa "
				   "câu trả lời, báo cáo của cơ quan quản lý");
	enum scope sc = target_scope(q);
	if (sc == SCOPE_OUTSIDE)
		return refuse(why, "đơn vị không thuộc phạm vi của tài khoản");
	if (q->action == PA_VIEW)
		return true;
	if (q->role == ROLE_OBSERVER)
		return refuse(why, OBSERVER_ONLY);
	if (sc == SCOPE_OWN &&
	    is_school_role(q->role) == (q->kind == PK_SCHOOL_REPORT))
		return true;
	return refuse(why, "chỉ đơn vị lập báo cáo mới được sửa nội dung báo "
			   "cáo");
}

static bool
admin_view(const struct pol_query *q, const char **why)
{
	if (q->action != PA_VIEW)
		return refuse(why, NO_SUCH_ACTION);
	if (q->role == ROLE_ADMIN)
		return true;
	return refuse(why, q->kind == PK_AUDIT
				   ? "chỉ tài khoản quản trị mới xem được "
				     "nhật ký thao tác"
				   : "chỉ tài khoản quản trị mới xem được "
				     "trang này");
}

/* The desk is the offices': every role above a school, observers
 * included, since it only shows. A school is shown its own submission
 * instead. */
static bool
desk(const struct pol_query *q, const char **why)
{
	if (q->action != PA_VIEW)
		return refuse(why, NO_SUCH_ACTION);
	if (is_school_role(q->role))
		return refuse(why, "hàng đợi và tìm đơn vị là việc của cán bộ "
				   "cơ quan quản lý");
	return q->target_path == NULL || target_scope(q) != SCOPE_OUTSIDE ||
	       refuse(why, OUT_OF_SCOPE);
}

bool
policy_allows(const struct pol_query *q, const char **why)
{
	switch (q->kind) {
	case PK_SUBMISSION: return submission(q, why);
	case PK_UNIT: return unit(q, why);
	case PK_ACCOUNT:
	case PK_ADMIN_ACCOUNT: return account(q, why);
	case PK_CAMPAIGN: return campaign(q, why);
	case PK_EVIDENCE: return evidence(q, why);
	case PK_SCHOOL_REPORT:
	case PK_OFFICE_REPORT: return report(q, why);
	case PK_AUDIT:
	case PK_ADMIN_AREA: return admin_view(q, why);
	case PK_DESK: return desk(q, why);
	}
	return refuse(why, NO_SUCH_ACTION);
}

enum pol_action
pol_action_of(enum sub_action a)
{
	return (enum pol_action)a;
}

const char *
pol_kind_code(enum pol_kind k)
{
	static const char *const n[PK_COUNT] = {
		"submission", "unit",	    "account",	     "admin_account",
		"campaign",   "evidence",   "school_report", "office_report",
		"audit",      "admin_area", "desk",
	};
	return n[k];
}

const char *
pol_action_code(enum pol_action a)
{
	static const char *const n[PA_COUNT] = {
		"save",	   "submit", "return", "approve", "external",
		"publish", "view",   "create", "change",  "remind",
	};
	return n[a];
}
