#!/usr/bin/env python3
"""Grows a `truongso demo` database into a national data set of N schools
(issue 17, item 10): seeded, so the same N and seed give the same database.

    build/truongso --db N.db demo
    tools/gen-nation.py N.db 53000 [SEED]    # or 106000, or any size
    build/truongso --db N.db db migrate      # fills what the app derives

Shape (../shared/domain/vietnam-admin.md): a Bộ GD&ĐT over the 34 Sở of
the provinces since 1/7/2025, about 3,300 commune offices (UBND xã /
phường, one per ~16 schools) under them, and the schools below those,
with the national mix of cấp học (mầm non 15,495, tiểu học 12,669, THCS
10,796, THPT 2,902, GDTX 638 in CSDL ngành, October 2023; plus a few
liên cấp TH&THCS and THCS&THPT schools). Provinces differ in size (Hà Nội
and Thành phố Hồ Chí Minh about four times a small province).

The Bộ owns two national campaigns, copies of the demo Sở's QĐ 4725
(phổ thông, GDTX) and mầm non campaigns. Each school has a head and an IT
officer (the demo password), each office a reviewer (cv.<code>), and
takes part in the national campaign of its cấp học; its submission, if
any, is a copy of a random demo school's submission in the matching demo
campaign (state, answers, external scores, snapshots, revisions), so
states and answers keep the demo's realistic distribution (some schools
have not started). Rows go in with set-based SQL in one transaction:
53,000 schools take seconds. The demo Sở and its campaigns stay as they
are, beside the Bộ.
"""
import importlib.util
import os
import random
import sqlite3
import sys

CITIES = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]
PROVINCES = [
    "Cao Bằng", "Điện Biên", "Lai Châu", "Sơn La", "Lạng Sơn", "Quảng Ninh",
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Tuyên Quang", "Lào Cai",
    "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
    "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau",
    "An Giang"]
# Relative size of a province's school system: the two largest cities
# about four times a small mountain province.
BIG = {"Hà Nội": 4.0, "Hồ Chí Minh": 4.0, "Thanh Hóa": 2.2, "Nghệ An": 2.2,
       "Hải Phòng": 1.6, "Đồng Nai": 1.6, "An Giang": 1.6, "Gia Lai": 1.5,
       "Đắk Lắk": 1.4, "Phú Thọ": 1.5, "Bắc Ninh": 1.3, "Hưng Yên": 1.3,
       "Ninh Bình": 1.3, "Lai Châu": 0.5, "Điện Biên": 0.6, "Cao Bằng": 0.6}
# (kind, name prefix, cấp học bits: MN 1, TH 2, THCS 4, THPT 8, GDTX 16,
#  weight = schools in CSDL ngành, October 2023; liên cấp estimated)
MIX = [("truong", "Trường Mầm non", 1, 15495),
       ("truong", "Trường Tiểu học", 2, 12669),
       ("truong", "Trường THCS", 4, 10796),
       ("truong", "Trường THPT", 8, 2902),
       ("trung_tam", "Trung tâm GDNN-GDTX", 16, 638),
       ("truong", "Trường TH&THCS", 6, 1800),
       ("truong", "Trường THCS&THPT", 12, 450)]
NAMES = ["Lê Lợi", "Nguyễn Trãi", "Trần Phú", "Lê Quý Đôn", "Chu Văn An",
         "Ngô Quyền", "Nguyễn Du", "Lý Thường Kiệt", "Trần Hưng Đạo",
         "Quang Trung", "Hai Bà Trưng", "Nguyễn Bỉnh Khiêm", "Tô Hiệu",
         "Lê Hồng Phong", "Võ Thị Sáu", "Kim Đồng", "Phan Bội Châu",
         "Đinh Tiên Hoàng", "Nguyễn Huệ", "Bạch Đằng", "Lương Thế Vinh",
         "Hoa Sen", "Hoa Mai", "Sơn Ca", "Họa Mi", "Vàng Anh", "Bình Minh",
         "Hướng Dương", "Ánh Dương", "Hoa Phượng", "Thỏ Ngọc", "Đoàn Kết",
         "Tân Tiến", "Hòa Bình", "Thống Nhất", "Độc Lập"]
PLACES = ["An Phú", "Bình Minh", "Tân Lập", "Hòa Bình", "Thống Nhất",
          "Phú Mỹ", "Tân Thành", "Quang Trung", "Hưng Đạo", "Đông Hòa",
          "Tây Sơn", "Nam Sơn", "Bắc Sơn", "Trung Sơn", "Vĩnh Phúc"]
OFFICES = 3321  # xã, phường, đặc khu: about 16 schools each at 53,000
NOW = "2026-03-01T00:00:00Z"


def _province_tool():
    """tools/gen-province.py, for its fold (the app's name_key)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "gen-province.py")
    sys.dont_write_bytecode = True  # no __pycache__ in tools/
    spec = importlib.util.spec_from_file_location("gen_province", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


fold = _province_tool().fold


class Gen:
    """Collects rows with ids given here, written by executemany."""

    def __init__(self, cur, rnd, pw):
        self.cur, self.rnd, self.pw = cur, rnd, pw
        self.next_id = cur.execute(
            "SELECT max(id) FROM org_unit").fetchone()[0] + 1
        self.units, self.users, self.joins = [], [], []

    def unit(self, parent, ppath, kind, code, name, levels):
        uid = self.next_id
        self.next_id += 1
        path = "%s%d/" % (ppath, uid)
        self.units.append((uid, parent, kind, code, name, fold(name), levels,
                           path, NOW))
        return uid, path

    def user(self, uid, login, name, role):
        self.users.append((uid, login, name, role, self.pw, NOW))


def campaigns(cur, bo_id):
    """The Bộ's copies of the demo Sở's campaigns; [(id, levels, sources)]
    with sources the demo campaign's [(unit id, submission id or None)]."""
    out = []
    demo = cur.execute("SELECT c.id, c.school_levels FROM campaign c JOIN "
                       "org_unit o ON o.id = c.owner_unit_id WHERE o.kind = "
                       "'so' AND c.kind = 'cds' ORDER BY c.id").fetchall()
    for cid, levels in demo:
        cur.execute("INSERT INTO campaign(owner_unit_id, rubric_id, "
                    "rubric_version, school_year, title, legal_basis, "
                    "school_levels, opens_at, due_at, review_due_at, "
                    "created_at, created_by, kind) SELECT ?, rubric_id, "
                    "rubric_version, school_year, title || ' (toàn quốc)', "
                    "'Kế hoạch của Bộ GD&ĐT (dữ liệu mẫu toàn quốc)', "
                    "school_levels, opens_at, due_at, review_due_at, "
                    "created_at, 'qt.bo', kind FROM campaign WHERE id = ?",
                    (bo_id, cid))
        src = cur.execute(
            "SELECT cu.unit_id, s.id FROM campaign_unit cu LEFT JOIN "
            "submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
            "cu.unit_id WHERE cu.campaign_id = ? ORDER BY cu.unit_id",
            (cid,)).fetchall()
        out.append((cur.lastrowid, levels, src))
    return out


def province_sizes(rnd, want):
    names = [("thành phố", n) for n in CITIES] + [("tỉnh", n)
                                                  for n in PROVINCES]
    w = [BIG.get(n, 1.0) * rnd.uniform(0.85, 1.15) for _, n in names]
    total = sum(w)
    sizes = [int(want * x / total) for x in w]
    for i in range(want - sum(sizes)):  # the rounding's remainder
        sizes[i % len(sizes)] += 1
    return list(zip(names, sizes))


def province(g, bo, k, title, size, camps, want):
    (bo_id, bo_path), (kind_word, pname) = bo, title
    scode = "VN%02d" % (k + 1)
    sid, spath = g.unit(bo_id, bo_path, "so", scode,
                        "Sở Giáo dục và Đào tạo %s %s" % (kind_word, pname), 0)
    g.user(sid, "cv." + scode.lower(), "Chuyên viên Sở GD&ĐT " + pname,
           "reviewer")
    g.user(sid, "qt." + scode.lower(), "Quản trị Sở GD&ĐT " + pname, "admin")
    # The nation keeps its 3,321 communes when it has more schools; a
    # small set gets one office per 16 schools.
    offices = max(1, round(size * min(OFFICES, want / 16) / want))
    weights = [m[3] for m in MIX]
    for o in range(offices):
        ocode = "%sX%03d" % (scode, o + 1)
        word = "phường" if g.rnd.random() < 0.3 else "xã"
        oname = "UBND %s %s %d" % (word, PLACES[o % len(PLACES)], o + 1)
        oid, opath = g.unit(sid, spath, "xa", ocode, oname, 0)
        g.user(oid, "cv." + ocode.lower(), "Chuyên viên " + oname, "reviewer")
        n = size // offices + (1 if o < size % offices else 0)
        for s in range(n):
            kind, prefix, levels, _ = g.rnd.choices(MIX, weights)[0]
            code = "%sT%02d" % (ocode, s + 1)
            name = "%s %s" % (prefix, NAMES[g.rnd.randrange(len(NAMES))])
            uid, upath = g.unit(oid, opath, kind, code, name, levels)
            g.user(uid, "ht." + code.lower(), "Hiệu trưởng " + name,
                   "school_head")
            g.user(uid, "cntt." + code.lower(),
                   "Cán bộ phụ trách CNTT " + name, "school_editor")
            for cid, clevels, src in camps:
                if levels & clevels:
                    g.joins.append((cid, uid, upath, levels,
                                    g.rnd.choice(src)[1]))


def write(cur, g):
    cur.executemany("INSERT INTO org_unit(id, parent_id, kind, code, name, "
                    "name_key, school_levels, path, active_from, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2020-09-01', ?)",
                    g.units)
    cur.executemany("INSERT INTO app_user(org_unit_id, login, full_name, "
                    "role, pw_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    g.users)
    cur.execute("CREATE TEMP TABLE gen_join(campaign_id INTEGER, unit_id "
                "INTEGER, src INTEGER)")
    cur.executemany("INSERT INTO campaign_unit(campaign_id, unit_id, path, "
                    "school_levels) VALUES (?, ?, ?, ?)",
                    [j[:4] for j in g.joins])
    cur.executemany("INSERT INTO gen_join VALUES (?, ?, ?)",
                    [(j[0], j[1], j[4]) for j in g.joins if j[4]])
    cur.execute("INSERT INTO submission(campaign_id, unit_id, state, "
                "version, revision, answers, external, first_submitted_at, "
                "late, updated_at, updated_by) SELECT j.campaign_id, "
                "j.unit_id, s.state, s.version, s.revision, s.answers, "
                "s.external, s.first_submitted_at, s.late, s.updated_at, "
                "s.updated_by FROM gen_join j JOIN submission s ON s.id = "
                "j.src ORDER BY j.campaign_id, j.unit_id")
    # The new submission of (campaign, unit) next to its source's id.
    cur.execute("CREATE TEMP TABLE gen_map AS SELECT n.id AS sid, j.src AS "
                "src FROM gen_join j JOIN submission n ON n.campaign_id = "
                "j.campaign_id AND n.unit_id = j.unit_id")
    cur.execute("INSERT INTO snapshot(submission_id, version, answers, "
                "score, submitted_by, submitted_at, late) SELECT m.sid, "
                "p.version, p.answers, p.score, p.submitted_by, "
                "p.submitted_at, p.late FROM gen_map m JOIN snapshot p ON "
                "p.submission_id = m.src ORDER BY m.sid, p.version")
    cur.execute("INSERT INTO submission_revision(submission_id, revision, "
                "action, answers, external, state, author, at) SELECT "
                "m.sid, r.revision, r.action, r.answers, r.external, "
                "r.state, r.author, r.at FROM gen_map m JOIN "
                "submission_revision r ON r.submission_id = m.src ORDER BY "
                "m.sid, r.revision")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen-nation.py DB SCHOOLS [SEED]")
    db, want = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 17)
    con = sqlite3.connect(db)
    con.isolation_level = None
    cur = con.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("BEGIN IMMEDIATE")
    if cur.execute("SELECT 1 FROM org_unit WHERE kind = 'bo'").fetchone():
        sys.exit("%s: already has a Bộ; start from a new demo" % db)
    pw = cur.execute("SELECT pw_hash FROM app_user LIMIT 1").fetchone()[0]
    g = Gen(cur, rnd, pw)
    bo = g.unit(None, "/", "bo", "BGDDT", "Bộ Giáo dục và Đào tạo", 0)
    g.user(bo[0], "cv.bo", "Chuyên viên Bộ GD&ĐT", "reviewer")
    g.user(bo[0], "qt.bo", "Quản trị Bộ GD&ĐT", "admin")
    cur.executemany("INSERT INTO org_unit(id, parent_id, kind, code, name, "
                    "name_key, school_levels, path, active_from, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2020-09-01', ?)",
                    g.units)  # the Bộ first: the campaigns refer to it
    g.units = []
    camps = campaigns(cur, bo[0])
    for k, (title, size) in enumerate(province_sizes(rnd, want)):
        province(g, bo, k, title, size, camps, want)
    write(cur, g)
    cur.execute("COMMIT")
    n = cur.execute("SELECT count(*) FROM org_unit WHERE path LIKE ? AND "
                    "kind IN ('truong', 'trung_tam')",
                    (bo[1] + "%",)).fetchone()[0]
    offices = cur.execute("SELECT count(*) FROM org_unit WHERE kind = 'xa' "
                          "AND path LIKE ?", (bo[1] + "%",)).fetchone()[0]
    print("%s: Bộ with 34 Sở, %d commune offices, %d schools; national "
          "campaigns %s" % (db, offices, n,
                            ", ".join(str(c[0]) for c in camps)))


if __name__ == "__main__":
    main()
