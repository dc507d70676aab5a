#!/usr/bin/env python3
"""Grows a `truongso demo` database into a province of N schools (issue 17,
item 10): seeded, so the same N and seed give the same database.

    build/truongso --db P.db demo
    tools/gen-province.py P.db 2000 [SEED]
    build/truongso --db P.db db migrate   # fills what the app derives

The Sở of the demo gets new Phòng GD&ĐT of about 60 schools each, with the
demo's mix of cấp học (mầm non, tiểu học, THCS, TH&THCS, THPT). Each new
school has a head and an IT officer (the demo password) and takes part in
the Sở's campaigns of its cấp học; its submission, if any, is a copy of a
random demo school's submission in the same campaign (state, answers,
external scores, snapshots and revisions), so the states and answers have
the demo's realistic distribution. Rows are written in SQL, in one
transaction: 8,000 schools take seconds, not the minutes of a thousand
Argon2id hashes and scorings through the app. Derived data (the stored
score summaries) is filled by `truongso db migrate`.
"""
import random
import sqlite3
import sys
import unicodedata

MIX = [  # (prefix, cấp học bits: MN 1, TH 2, THCS 4, THPT 8), weight
    ("Trường Mầm non", 1, 38), ("Trường Tiểu học", 2, 32),
    ("Trường THCS", 4, 22), ("Trường TH&THCS", 6, 3),
    ("Trường THPT", 8, 5),
]
NAMES = ["Lê Lợi", "Nguyễn Trãi", "Trần Phú", "Lê Quý Đôn", "Chu Văn An",
         "Ngô Quyền", "Nguyễn Du", "Lý Thường Kiệt", "Trần Hưng Đạo",
         "Quang Trung", "Hai Bà Trưng", "Nguyễn Bỉnh Khiêm", "Tô Hiệu",
         "Lê Hồng Phong", "Võ Thị Sáu", "Kim Đồng", "Phan Bội Châu",
         "Đinh Tiên Hoàng", "Nguyễn Huệ", "Bạch Đằng", "Lương Thế Vinh",
         "Hoa Sen", "Hoa Mai", "Sơn Ca", "Họa Mi", "Vàng Anh", "Bình Minh",
         "Hướng Dương", "Ánh Dương", "Hoa Phượng", "Thỏ Ngọc", "Đoàn Kết",
         "Tân Tiến", "Hòa Bình", "Thống Nhất", "Độc Lập"]
PLACES = ["An Dương", "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo", "Cát Hải",
          "Đồ Sơn", "Hải An", "Ngô Quyền", "Kiến An", "Bạch Long Vĩ"]


def fold(s):
    """The app's name_key (vn_fold_key): no marks, case-folded, đ → d."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s.casefold().replace("đ", "d"))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen-province.py DB SCHOOLS [SEED]")
    db, want = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 17)
    con = sqlite3.connect(db)
    con.isolation_level = None
    cur = con.cursor()
    cur.execute("BEGIN IMMEDIATE")
    so_id, so_path = cur.execute(
        "SELECT id, path FROM org_unit WHERE kind = 'so'").fetchone()
    have = cur.execute("SELECT count(*) FROM org_unit WHERE kind IN "
                       "('truong', 'trung_tam')").fetchone()[0]
    pw = cur.execute("SELECT pw_hash FROM app_user LIMIT 1").fetchone()[0]
    camps = cur.execute("SELECT c.id, c.school_levels FROM campaign c "
                        "WHERE c.owner_unit_id = ?", (so_id,)).fetchall()
    sources = {cid: cur.execute(
        "SELECT cu.unit_id, s.id FROM campaign_unit cu LEFT JOIN "
        "submission s ON s.campaign_id = cu.campaign_id AND s.unit_id = "
        "cu.unit_id WHERE cu.campaign_id = ? ORDER BY cu.unit_id",
        (cid,)).fetchall() for cid, _ in camps}
    now = "2026-03-01T00:00:00Z"
    added, office = 0, 0
    weights = [m[2] for m in MIX]
    while have + added < want:
        office += 1
        ocode = "31P%03d" % office
        oname = "Phòng Giáo dục và Đào tạo huyện %s %d" % (
            PLACES[office % len(PLACES)], office)
        oid = insert_unit(cur, so_id, so_path, "phong", ocode, oname, 0, now)
        opath = so_path + "%d/" % oid
        cur.execute("INSERT INTO app_user(org_unit_id, login, full_name, "
                    "role, pw_hash, created_at) VALUES (?, ?, ?, "
                    "'reviewer', ?, ?)", (oid, "cv.p%03d" % office,
                                          "Chuyên viên " + oname, pw, now))
        for k in range(min(60, want - have - added)):
            prefix, levels, _ = rnd.choices(MIX, weights)[0]
            code = "%s%03d" % (ocode, k + 1)
            name = "%s %s" % (prefix, NAMES[rnd.randrange(len(NAMES))])
            uid = insert_unit(cur, oid, opath, "truong", code, name, levels,
                              now)
            for role, pre, title in (("school_head", "ht.", "Hiệu trưởng "),
                                     ("school_editor", "cntt.",
                                      "Cán bộ phụ trách CNTT ")):
                cur.execute("INSERT INTO app_user(org_unit_id, login, "
                            "full_name, role, pw_hash, created_at) VALUES "
                            "(?, ?, ?, ?, ?, ?)", (uid, pre + code.lower(),
                                                   title + name, role, pw,
                                                   now))
            for cid, clevels in camps:
                if levels & clevels:
                    join(cur, cid, uid, opath + "%d/" % uid, levels,
                         rnd.choice(sources[cid]))
            added += 1
    cur.execute("COMMIT")
    print("%s: %d schools (%d added under %d new Phòng)" % (
        db, have + added, added, office))


def insert_unit(cur, parent, ppath, kind, code, name, levels, now):
    cur.execute("INSERT INTO org_unit(parent_id, kind, code, name, name_key, "
                "school_levels, path, active_from, created_at) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, '2020-09-01', ?)",
                (parent, kind, code, name, fold(name), levels,
                 "tmp:" + code, now))
    uid = cur.lastrowid
    cur.execute("UPDATE org_unit SET path = ? WHERE id = ?",
                (ppath + "%d/" % uid, uid))
    return uid


def join(cur, cid, uid, path, levels, source):
    """The unit takes part in campaign cid with a copy of source's
    submission (source = (unit id, submission id or None))."""
    cur.execute("INSERT INTO campaign_unit(campaign_id, unit_id, path, "
                "school_levels) VALUES (?, ?, ?, ?)", (cid, uid, path,
                                                       levels))
    if source[1] is None:
        return
    cur.execute("INSERT INTO submission(campaign_id, unit_id, state, version, "
                "revision, answers, external, first_submitted_at, late, "
                "updated_at, updated_by) SELECT campaign_id, ?, state, "
                "version, revision, answers, external, first_submitted_at, "
                "late, updated_at, updated_by FROM submission WHERE id = ?",
                (uid, source[1]))
    sid = cur.lastrowid
    cur.execute("INSERT INTO snapshot(submission_id, version, answers, score, "
                "submitted_by, submitted_at, late) SELECT ?, version, "
                "answers, score, submitted_by, submitted_at, late FROM "
                "snapshot WHERE submission_id = ?", (sid, source[1]))
    cur.execute("INSERT INTO submission_revision(submission_id, revision, "
                "action, answers, external, state, author, at) SELECT ?, "
                "revision, action, answers, external, state, author, at FROM "
                "submission_revision WHERE submission_id = ?",
                (sid, source[1]))


if __name__ == "__main__":
    main()
