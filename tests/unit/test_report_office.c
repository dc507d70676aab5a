/* The report builders that had no app-layer test (issue 13 item 6):
 * the office documents (Phụ lục 3 by levels and by grades, the listing,
 * the chase list, the guidance letter, Phụ lục 2 and 6) and the school's
 * decisions and meeting record, built from the demo database through
 * report_build and read as text lines (ut_doc_text.h). Each number is
 * checked against the database or against another document built from
 * the same rows, so a builder that counts differently fails here.
 * Set UT_DUMP=1 to print each document's lines. */
#include "ut.h"
#include "ut_app_db.h"
#include "ut_doc_text.h"

#include <jansson.h>
#include <stdarg.h>

static struct ut_app_db fx;

#define build(code, cid, unit, out) ut_doc_build_op(&fx, code, cid, unit, out)

/* One number from the database. */
static int64_t
count(const char *sql, int64_t cid)
{
	struct db_stmt *st = db_prep(fx.app.db, sql);
	assert_non_null(st);
	db_bind_int(st, 1, cid);
	int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
	db_done(st);
	return n;
}

/* Participants under UBND phường Dương Kinh (31DK) in state list. */
#define SQL_UNDER_DK                                                           \
	"SELECT count(*) FROM campaign_unit cu JOIN org_unit o ON o.id = "     \
	"cu.unit_id LEFT JOIN submission s ON s.campaign_id = cu.campaign_id " \
	"AND s.unit_id = cu.unit_id WHERE cu.campaign_id = ? AND o.code "      \
	"LIKE '31DK0%' AND coalesce(s.state, 'none') IN "

/* How many lines of b contain text. */
static int
lines_with(const struct buf *b, const char *text)
{
	int n = 0;
	for (const char *p = buf_str(b); (p = strstr(p, text)) != NULL;
	     p += strlen(text))
		n++;
	return n;
}

static void __attribute__((format(printf, 2, 3)))
has_textf(const struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char want[256];
	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	has_text(b, want);
}

/* report_levels.c and report_listing.c count the same approved results:
 * Phụ lục 3's "của N CSGD" is the database's count and the listing's
 * approved and published rows. */
static void
test_levels_and_listing_agree(void **state)
{
	(void)state;
	struct buf pl3, list;
	buf_init(&pl3, 0);
	buf_init(&list, 0);
	int64_t approved = count(SQL_UNDER_DK "('approved', 'published')", 1);
	int64_t all = count(SQL_UNDER_DK
			    "('none', 'draft', 'submitted', 'returned', "
			    "'approved', 'published')",
			    1);
	assert_true(approved > 0 && approved < all);
	assert_int_equal(build("phu-luc-3", 1, "31DK", &pl3), TS_OK);
	assert_int_equal(build("danh-sach", 1, "31DK", &list), TS_OK);
	has_textf(&pl3, "kết quả đã được phê duyệt của %lld CSGD",
		  (long long)approved);
	assert_int_equal(lines_with(&list, "| Đã phê duyệt |") +
				 lines_with(&list, "| Đã công bố |"),
			 approved);
	has_textf(&list, "| Tổng cộng: %lld đơn vị |", (long long)all);
	/* Natural order by code, the group headings of both groups. */
	in_order(&list, "| 31DK011 |", "| 31DK030 |");
	has_text(&pl3, "| 1 | Chuyển đổi số trong dạy, học |");
	has_text(&pl3, "| 2 | Chuyển đổi số trong quản trị cơ sở giáo dục |");
	buf_release(&pl3);
	buf_release(&list);
}

/* The score JSON of every approved result under 31DK in campaign ?. */
#define SQL_SCORES                                                             \
	"SELECT sn.score FROM campaign_unit cu JOIN org_unit o ON o.id = "     \
	"cu.unit_id JOIN submission s ON s.campaign_id = cu.campaign_id AND "  \
	"s.unit_id = cu.unit_id JOIN snapshot sn ON sn.submission_id = s.id "  \
	"AND sn.version = s.version WHERE cu.campaign_id = ? AND o.code LIKE " \
	"'31DK0%' AND s.state IN ('approved', 'published')"

/* Does one group's advice list item: a failed gate, or a suggestion
 * while there is a next level to reach? */
static bool
advice_lists(json_t *advice, const char *item)
{
	size_t i;
	json_t *v;
	json_array_foreach(json_object_get(advice, "gates"), i, v)
	{
		if (strcmp(json_string_value(v), item) == 0)
			return true;
	}
	if (json_is_null(json_object_get(advice, "next_level")))
		return false;
	json_array_foreach(json_object_get(advice, "suggestions"), i, v)
	{
		if (strcmp(json_string_value(json_object_get(v, "item")),
			   item) == 0)
			return true;
	}
	return false;
}

/* How many of those results' advice lists item, counted here from the
 * stored score JSON, apart from plan_gaps.c. */
static int64_t
lacking(int64_t cid, const char *item)
{
	struct db_stmt *st = db_prep(fx.app.db, SQL_SCORES);
	assert_non_null(st);
	db_bind_int(st, 1, cid);
	int64_t n = 0;
	while (db_step(st) == DB_ROW) {
		json_t *root = json_loads(db_col_text(st, 0), 0, NULL);
		bool lists = false;
		size_t i;
		json_t *g;
		assert_non_null(root);
		json_array_foreach(json_object_get(root, "groups"), i, g)
		{
			lists = lists ||
				advice_lists(json_object_get(g, "advice"),
					     item);
		}
		n += lists;
		json_decref(root);
	}
	db_done(st);
	return n;
}

/* report_gaps.c: Phụ lục 3 lists the items most of the office's schools
 * still lack, each with its count and share of the approved results, the
 * counts as the stored advice gives them; the graded round (no next
 * level to reach) has no such list. */
static void
test_levels_common_gaps(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	int64_t approved = count(SQL_UNDER_DK "('approved', 'published')", 1);
	int64_t n13a = lacking(1, "1.3a"), n13c = lacking(1, "1.3c");
	assert_true(n13a > 0 && n13a < approved);
	assert_int_equal(build("phu-luc-3", 1, "31DK", &b), TS_OK);
	has_line(&b, "| TT | Nội dung | Số trường còn thiếu | Tỷ lệ % |");
	char share[32];
	int64_t h = (n13a * 100000 / approved + 5) / 10; /* 1/100 % */
	snprintf(share, sizeof(share), "%lld,%02lld%%", (long long)(h / 100),
		 (long long)(h % 100));
	has_textf(&b,
		  "| 1 | 1.3a. Có triển khai phần mềm dạy học trực tuyến "
		  "trực tiếp (có bản quyền) | %lld | %s |",
		  (long long)n13a, share);
	/* 1.3c lacks in fewer schools than the ten listed: not listed. */
	assert_true(n13c < n13a);
	lacks(&b, "| 1.3c.");
	buf_reset(&b);
	assert_int_equal(build("phu-luc-3", 3, "31DK", &b), TS_OK);
	lacks(&b, "Số trường còn thiếu");
	buf_release(&b);
}

/* report_chase.c: exactly the units not submitted (not started, draft,
 * returned), each with its head's name (a person's, never the account's
 * login or a label), counted in the total row; numbered "DS". */
static void
test_chase_lists_the_unsubmitted(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	int64_t due = count(SQL_UNDER_DK "('none', 'draft', 'returned')", 1);
	assert_true(due > 0);
	assert_int_equal(build("chua-nop", 1, "31DK", &b), TS_OK);
	assert_int_equal(lines_with(&b, "\n| ") - 2, due); /* head, total */
	has_textf(&b, "| Tổng cộng: %lld đơn vị |", (long long)due);
	has_text(&b, "/DS-");
	lacks(&b, "| Đã nộp |");
	lacks(&b, "| Đã phê duyệt |");
	lacks(&b, "Trực thuộc");
	lacks(&b, "| Hiệu trưởng Trường");
	lacks(&b, "| ht.31dk");
	buf_release(&b);
}

/* The Sở's chase list is grouped as the listing is: its own units
 * first, then one group per commune office, each closed by "Cộng",
 * codes in natural order within a group, and a grand total. */
static void
test_chase_grouped_by_sub_unit(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("chua-nop", 1, "31", &b), TS_OK);
	has_text(&b, "| I | Đơn vị trực thuộc Sở Giáo dục và Đào tạo");
	in_order(&b, "| I | Đơn vị trực thuộc", "| 31GDTX3 |");
	in_order(&b, "| 31GDTX3 |", "| 31006 |");
	in_order(&b, "| 31006 |", "| 31019 |");
	in_order(&b, "| 31019 |", "| Cộng: ");
	in_order(&b, "| Cộng: ", "| UBND phường Dương Kinh |");
	in_order(&b, "| UBND phường Dương Kinh |", "| 31DK018 |");
	in_order(&b, "| 31DK018 |", "| 31DK020 |");
	in_order(&b, "| 31DK025 |", "| Tổng cộng: ");
	lacks(&b, "Trực thuộc |");
	buf_release(&b);
}

/* A ward of the 2022-2023 round had no participant (its schools were
 * the Phòng's): neither listing is made for it, where both printed a
 * signed list of "Tổng cộng: 0 đơn vị", the chase list under "Tất cả
 * các đơn vị đã nộp". The Sở's own listings still are. */
static void
test_listings_need_participants(void **state)
{
	(void)state;
	int64_t cid = count("SELECT min(id) FROM campaign WHERE school_year "
			    "= '2022-2023' AND kind <> 'thong-ke' AND id > ?",
			    0);
	assert_true(cid > 0);
	assert_int_equal(count("SELECT count(*) FROM campaign_unit cu JOIN "
			       "org_unit o ON o.id = cu.unit_id WHERE "
			       "cu.campaign_id = ? AND o.code LIKE '31DK0%'",
			       cid),
			 20); /* under the Phòng, not the ward */
	const char *kinds[] = { "danh-sach", "chua-nop" };
	for (size_t i = 0; i < 2; i++) {
		struct buf b;
		buf_init(&b, 0);
		assert_int_equal(build(kinds[i], cid, "31DK", &b), TS_EINVAL);
		lacks(&b, "Tổng cộng");
		buf_release(&b);
		buf_init(&b, 0);
		assert_int_equal(build(kinds[i], cid, "31", &b), TS_OK);
		buf_release(&b);
	}
}

/* The Phòng closed on 30/6/2025 has no participant in the 2025-2026
 * statistics round: its Phụ lục 2 is refused, where it printed tables
 * of TT and Nội dung with no figure column. The ward that took its
 * schools over still makes one, with figures. */
static void
test_stats_need_participants(void **state)
{
	(void)state;
	int64_t cid = count("SELECT id FROM campaign WHERE kind = 'thong-ke' "
			    "AND school_year = '2025-2026' AND id > ?",
			    0);
	assert_true(cid > 0);
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("phu-luc-2", cid, "31PGD-DK", &b), TS_EINVAL);
	lacks(&b, "| TT | Nội dung |");
	buf_release(&b);
	buf_init(&b, 0);
	assert_int_equal(build("phu-luc-2", cid, "31DK", &b), TS_OK);
	has_text(&b, "| TT | Nội dung | TH | THCS | Tổng |");
	buf_release(&b);
}

/* The demo's offices sign in a person's name (demo_signers.c): the
 * Sở's, a Phòng's and a ward's documents printed "…………" under every
 * signature. Cleared, the name is the dotted line again, as for a real
 * unit that has not typed it. */
static void
test_offices_sign_by_name(void **state)
{
	(void)state;
	int64_t s = count("SELECT id FROM campaign WHERE kind = 'thong-ke' "
			  "AND school_year = '2025-2026' AND id > ?",
			  0);
	static const struct {
		const char *kind;
		int64_t cid; /* 0: the statistics round */
		const char *unit, *name;
	} docs[] = {
		{ "phu-luc-3", 1, "31", "Phạm Quốc Khánh" },
		{ "danh-sach", 1, "31DK", "Lê Văn Hiếu" },
		{ "chua-nop", 1, "31DK", "Lê Văn Hiếu" },
		{ "cong-van", 1, "31HB", "Đỗ Mạnh Cường" },
		{ "phu-luc-3", 4, "31PGD-DK", "Nguyễn Thị Thu Hằng" },
		{ "phu-luc-2", 0, "31DK", "Lê Văn Hiếu" },
		{ "phu-luc-6", 0, "31", "Phạm Quốc Khánh" },
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		struct buf b;
		buf_init(&b, 0);
		assert_int_equal(build(docs[i].kind,
				       docs[i].cid ? docs[i].cid : s,
				       docs[i].unit, &b),
				 TS_OK);
		has_text(&b, docs[i].name);
		buf_release(&b);
	}
	struct actor op;
	struct diags d;
	diags_init(&d);
	actor_operator(&op);
	const char *name[] = { "nguoi_ky" }, *none[] = { "" },
		   *back[] = { "Lê Văn Hiếu" };
	assert_int_equal(
		docfield_save(&fx.app, &op, 1, "31DK", name, none, 1, &d),
		TS_OK);
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("danh-sach", 1, "31DK", &b), TS_OK);
	lacks(&b, "Lê Văn Hiếu");
	has_text(&b, "[ký] CHỦ TỊCH||\n"); /* no name: the writers' dots */
	buf_release(&b);
	assert_int_equal(
		docfield_save(&fx.app, &op, 1, "31DK", name, back, 1, &d),
		TS_OK);
	diags_release(&d);
}

/* A deputy signs for the head (NĐ 30): "Chức vụ người ký" takes the
 * authority line and the title, typed on two lines (a CRLF from the
 * web form, or "\n" as a shell passes it), printed as two lines over
 * the name; three lines or a line too long to sign under are refused
 * naming the field, and nothing is stored. The demo's Sở letter is
 * signed so. */
static void
test_deputy_signs(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("cong-van", 1, "31", &b), TS_OK);
	has_text(&b, "[thẩm quyền] KT. GIÁM ĐỐC\n"
		     "[ký] PHÓ GIÁM ĐỐC||Trịnh Thị Kim Oanh\n");
	buf_release(&b);
	struct actor op;
	struct diags d;
	diags_init(&d);
	actor_operator(&op);
	const char *name[] = { "chuc_vu_ky" };
	const char *bad[][1] = {
		{ "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTHƯỜNG TRỰC" },
		{ "KT. GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO THÀNH PHỐ HẢI PHÒNG" },
	};
	const char *why[] = { "nhập tối đa hai dòng", "mỗi dòng tối đa 48" };
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(docfield_save(&fx.app, &op, 1, "31", name,
					       bad[i], 1, &d),
				 TS_EINVAL);
		assert_int_equal(d.n, 1);
		assert_string_equal(d.v[0].where, "Chức vụ người ký");
		assert_non_null(strstr(d.v[0].msg, why[i]));
		diags_release(&d);
		diags_init(&d);
	}
	const char *typed[][1] = { { " kt. giám đốc \r\n\r\nphó giám đốc " },
				   { "KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC" } };
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(docfield_save(&fx.app, &op, 1, "31", name,
					       typed[i], 1, &d),
				 TS_OK);
		buf_init(&b, 0);
		assert_int_equal(build("phu-luc-3", 1, "31", &b), TS_OK);
		has_text(&b, "[thẩm quyền] KT. GIÁM ĐỐC\n"
			     "[ký] PHÓ GIÁM ĐỐC||Phạm Quốc Khánh\n");
		buf_release(&b);
	}
	const char *none[] = { "" };
	assert_int_equal(
		docfield_save(&fx.app, &op, 1, "31", name, none, 1, &d), TS_OK);
	diags_release(&d);
}

/* report_guidance.c: the graded round's letter words its bands as seed
 * 001 does (the cntt sheet's own words: rb_band_words), best first. */
static void
test_guidance_letter(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	assert_int_equal(build("cong-van", 3, "31DK", &b), TS_OK);
	has_line(&b, "- Xuất sắc: từ 90 - 100 điểm;");
	has_line(&b, "- Tốt: từ 80 - 89 điểm;");
	has_line(&b, "- Trung bình: từ 50 - 69 điểm;");
	has_line(&b, "- Yếu: dưới 50 điểm.");
	lacks(&b, "đến dưới");
	in_order(&b, "- Xuất sắc:", "- Yếu:");
	has_text(&b, "trước hết ngày 10/06/2026");
	buf_release(&b);
}

/* The database calls of one build, in order (db_fault_trace). */
struct calls {
	const char **sql;
	size_t n, cap;
};

static void
trace_call(const char *sql, void *arg)
{
	struct calls *c = arg;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		c->sql = realloc(c->sql, c->cap * sizeof(*c->sql));
		assert_non_null(c->sql);
	}
	c->sql[c->n++] = sql ? sql : "";
}

/* Whether call i is the first of its statement after the statement
 * before it: the same pair again is the same code in a loop (one per
 * school), failing it again would test nothing new. */
static bool
worth_failing(const struct calls *c, size_t i)
{
	const char *prev = i ? c->sql[i - 1] : "";
	for (size_t k = 0; k < i; k++)
		if (strcmp(c->sql[k], c->sql[i]) == 0 &&
		    strcmp(k ? c->sql[k - 1] : "", prev) == 0)
			return false;
	return true;
}

static enum ts_err
build_failing(const char *code, int64_t cid, const char *unit, long n,
	      bool *fired)
{
	struct buf b;
	buf_init(&b, 0);
	db_fault_at(n);
	enum ts_err e = build(code, cid, unit, &b);
	*fired = db_fault_fired();
	db_fault_at(0);
	buf_release(&b);
	return e;
}

/* One document: its calls listed from a clean build, then each call
 * worth failing failed in turn; the build must then fail. */
static void
doc_fails_on_db_errors(const char *code, int64_t cid, const char *unit)
{
	struct calls c = { 0 };
	struct buf b;
	buf_init(&b, 0);
	/* once before: what it caches is in place for every run below */
	assert_int_equal(build(code, cid, unit, &b), TS_OK);
	db_fault_trace(trace_call, &c);
	assert_int_equal(build(code, cid, unit, &b), TS_OK);
	db_fault_trace(NULL, NULL);
	buf_release(&b);
	assert_true(c.n > 2);
	for (size_t i = 0; i < c.n; i++) {
		bool fired = false;
		if (!worth_failing(&c, i) ||
		    build_failing(code, cid, unit, (long)i + 1, &fired) !=
			    TS_OK ||
		    !fired)
			continue;
		fail_msg("%s (round %lld, %s): the database failed at call "
			 "%zu (%s), yet the document was built",
			 code, (long long)cid, unit, i + 1, c.sql[i]);
	}
	free(c.sql);
}

/* A failed database call while a document is built is reported as a
 * database error: the clerk never gets a document whose counts or
 * wording quietly fell back (the guidance letter once worded "who
 * reviews" as if only the owner did when its query failed; Phụ lục 3
 * left out its sections, the listing its rows, a header the name of
 * the body above). */
static void
test_docs_report_db_failures(void **state)
{
	(void)state;
	static const struct {
		const char *code;
		int64_t cid;
		const char *unit;
	} docs[] = {
		{ "cong-van", 3, "31DK" },
		{ "cong-van", 2, "31" },
		{ "phu-luc-3", 1, "31DK" },
		{ "phu-luc-3", 2, "31" },
		{ "phu-luc-3", 3, "31DK" },
		{ "danh-sach", 1, "31DK" },
		{ "chua-nop", 1, "31DK" },
		{ "phu-luc-2", 8, "31" },
		{ "phu-luc-6", 8, "31" },
		{ "tu-danh-gia", 1, "31GDTX1" },
		{ "tu-kiem-tra", 2, "31DK001" },
		{ "cntt", 3, "31DK023" },
		{ "bien-ban", 1, "31DK011" },
		{ "qd-ban-chi-dao", 1, "31DK011" },
		{ "qd-phe-duyet", 1, "31DK011" },
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
		doc_fails_on_db_errors(docs[i].code, docs[i].cid, docs[i].unit);
}

/* report_grades.c: the graded summary counts every approved result once
 * in its Tổng số row, whatever the cấp học. */
static void
test_grades_total(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 0);
	int64_t approved = count(SQL_UNDER_DK "('approved', 'published')", 3);
	assert_int_equal(build("phu-luc-3", 3, "31DK", &b), TS_OK);
	has_textf(&b, "kết quả đã được phê duyệt của %lld CSGD",
		  (long long)approved);
	/* | | Tổng số | xs | % | tot | % | kha | % | tb | % | yeu | % | */
	const char *row = strstr(buf_str(&b), "|  | Tổng số |");
	assert_non_null(row);
	long long sum = 0, v;
	const char *p = row + strlen("|  | Tổng số |");
	for (int i = 0; i < 5; i++) {
		assert_int_equal(sscanf(p, " %lld |", &v), 1);
		sum += v;
		p = strchr(strchr(p, '|') + 1, '|') + 1; /* past the share */
	}
	assert_int_equal(sum, approved);
	buf_release(&b);
}

/* report_decision.c and report_approval.c: the meeting record and the
 * approval decision print the school's own scores, the same as the
 * listing's self-assessment columns; the committee decision leaves its
 * member rows blank until they are typed. */
static void
test_school_papers(void **state)
{
	(void)state;
	struct buf list, rec, dec, com;
	buf_init(&list, 0);
	buf_init(&rec, 0);
	buf_init(&dec, 0);
	buf_init(&com, 0);
	assert_int_equal(build("danh-sach", 1, "31DK", &list), TS_OK);
	assert_int_equal(build("bien-ban", 1, "31DK011", &rec), TS_OK);
	assert_int_equal(build("qd-phe-duyet", 1, "31DK011", &dec), TS_OK);
	assert_int_equal(build("qd-ban-chi-dao", 1, "31DK011", &com), TS_OK);
	int g1, m1, g2, m2;
	const char *row = strstr(buf_str(&list), "| 31DK011 |");
	assert_non_null(row);
	assert_int_equal(sscanf(row,
				"| 31DK011 | %*[^|]| %*[^|]| %*[^|]|  | %d | "
				"%d |  |  | %d | %d |",
				&g1, &m1, &g2, &m2),
			 4);
	char want[160];
	snprintf(want, sizeof(want),
		 "“Chuyển đổi số trong dạy, học”: %d/100 điểm - đạt Mức "
		 "độ %d",
		 g1, m1);
	has_text(&rec, want);
	has_text(&dec, want);
	snprintf(want, sizeof(want),
		 "“Chuyển đổi số trong quản trị cơ sở giáo dục”: %d/100 "
		 "điểm - đạt Mức độ %d",
		 g2, m2);
	has_text(&rec, want);
	has_text(&dec, want);
	has_line(&dec, "[nhận] - UBND phường Dương Kinh (b/c);");
	assert_int_equal(lines_with(&com, "| ………… | ………… | ………… |"), 3);
	buf_release(&list);
	buf_release(&rec);
	buf_release(&dec);
	buf_release(&com);
}

/* The last cell of the first line with label, trimmed, into out (the
 * text as printed: "2.613 (93,25%)", Vietnamese thousands dots). */
static void
last_cell(const struct buf *b, const char *label, char *out, size_t n)
{
	const char *p = strstr(buf_str(b), label);
	assert_non_null(p);
	const char *end = strchr(p, '\n');
	assert_non_null(end);
	const char *e = end - 1; /* the line ends "| 2.613 (93,25%) |" */
	assert_true(*e == '|');
	const char *s = e - 1;
	while (s > p && *s != '|')
		s--;
	s++;
	while (*s == ' ')
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	size_t len = (size_t)(e - s);
	assert_true(len > 0 && len < n);
	memcpy(out, s, len);
	out[len] = '\0';
}

/* report_stats.c: Phụ lục 2's totals by bậc học and Phụ lục 6's
 * province figures are the same sums of the same approved rows. */
static void
test_stats_documents_agree(void **state)
{
	(void)state;
	struct buf pl2, pl6;
	buf_init(&pl2, 0);
	buf_init(&pl6, 0);
	assert_int_equal(build("phu-luc-2", 8, "31", &pl2), TS_OK);
	assert_int_equal(build("phu-luc-6", 8, "31", &pl6), TS_OK);
	/* Phụ lục 2's "Tổng" column and the last (this round's) column of
	 * Phụ lục 6's section III, line by line. */
	static const char *const lines[] = {
		"Tổng số giáo viên có máy tính |",
		"Tổng số học sinh có máy tính |",
		"Tổng số học sinh có đường truyền Internet |",
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		char in2[64], in6[64];
		last_cell(&pl2, lines[i], in2, sizeof(in2));
		last_cell(&pl6, lines[i], in6, sizeof(in6));
		assert_true(in2[0] >= '1' && in2[0] <= '9');
		assert_string_equal(in2, in6);
	}
	int64_t reported = count(
		"SELECT count(*) FROM submission WHERE campaign_id = ? AND "
		"state IN ('approved', 'published')",
		8);
	has_textf(&pl2, "Tổng %lld/", (long long)reported);
	buf_release(&pl2);
	buf_release(&pl6);
}

/* An office's document is the office's: a school's head gets a
 * refusal, not the document (the policy's office_report view). */
static void
test_school_cannot_build_office_docs(void **state)
{
	(void)state;
	struct actor head;
	struct diags d;
	struct buf b;
	diags_init(&d);
	buf_init(&b, 0);
	assert_int_equal(actor_load(&fx.app, "ht.31dk011", &head, &d), TS_OK);
	enum ts_err e = ut_doc_build(&fx.app, &head, "phu-luc-3", 1, "31DK",
				     &b);
	assert_true(e == TS_EFORBIDDEN || e == TS_ENOTFOUND);
	lacks(&b, "Kết quả đánh giá");
	diags_release(&d);
	buf_release(&b);
}

UT_APP_DB_GROUP(fx, "ut-office", UT_DEMO)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_and_listing_agree),
		cmocka_unit_test(test_levels_common_gaps),
		cmocka_unit_test(test_chase_lists_the_unsubmitted),
		cmocka_unit_test(test_chase_grouped_by_sub_unit),
		cmocka_unit_test(test_listings_need_participants),
		cmocka_unit_test(test_stats_need_participants),
		cmocka_unit_test(test_offices_sign_by_name),
		cmocka_unit_test(test_deputy_signs),
		cmocka_unit_test(test_guidance_letter),
		cmocka_unit_test(test_grades_total),
		cmocka_unit_test(test_school_papers),
		cmocka_unit_test(test_stats_documents_agree),
		cmocka_unit_test(test_school_cannot_build_office_docs),
		cmocka_unit_test(test_docs_report_db_failures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
