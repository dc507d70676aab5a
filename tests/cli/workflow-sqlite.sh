# Sourced by tests/cli/workflow.sh (its helpers, $WORK, $DB): the parts
# about SQLite itself, run on SQLite only. PostgreSQL has its own:
# migrations from empty (workflow.sh), backups by pg_dump (docs/deploy.md),
# readers that never wait (tests/pg/race.sh).

# sqlite_migrations: files of older schemas made by hand (migration 1
# only, schema 11 with rows), one of a newer truongso, a file that is not
# a database, a mistyped path.
sqlite_migrations() {
	# Only migration 1, applied by hand, with some data in it.
	reset_db v1
	sqlite3 "$DB" <src/db/sql/0001_init.sql
	sqlite3 "$DB" "INSERT INTO schema_migration VALUES (1, 'init', '2025-01-01T00:00:00Z');
	INSERT INTO org_unit(id, parent_id, kind, code, name, name_key, school_levels, path, active_from, created_at)
	 VALUES (1, NULL, 'so', 'S9', 'Sở Giáo dục và Đào tạo Cũ', 'so giao duc va dao tao cu', 0, '/1/', '2025-01-01', '2025-01-01T00:00:00Z');
	INSERT INTO audit(at, actor, action, object, detail) VALUES ('2025-01-01T00:00:00Z', 'operator', 'org.add', 'S9', NULL);"
	check migrate-v1-status 0 out "Phiên bản lược đồ: 1 (chương trình hỗ trợ đến $LAST)" ts db status
	if [ "$LAST" -gt 1 ]; then
		contains migrate-v1-pending out "chưa áp dụng"
	fi
	contains migrate-v1-applied out "  0001 init"
	check migrate-v1-to-latest 0 out "Lược đồ đã ở phiên bản mới nhất ($LAST)." ts db migrate
	check migrate-v1-status-after 0 out "Phiên bản lược đồ: $LAST" ts db status
	check migrate-v1-data-kept 0 out "S9  Sở Giáo dục và Đào tạo Cũ" ts org tree
	check_fail migrate-v1-audit-now-append-only err "append-only" sqlite3 "$DB" "DELETE FROM audit"
	same migrate-v1-integrity "$(sql "PRAGMA integrity_check")" ok

	# A database of schema 11 (before the tree's history and the observer role)
	# with accounts, a session and a reset code pointing at them: migration 12
	# rebuilds app_user and keeps every row and every reference.
	reset_db v11
	for f in src/db/sql/00*.sql; do
		b=$(basename "$f" .sql) v=$(basename "$f" | cut -c1-4)
		[ "$v" -le 0011 ] || continue
		sqlite3 "$DB" <"$f"
		sqlite3 "$DB" "INSERT INTO schema_migration VALUES ($(expr "$v" + 0), '${b#*_}', '2025-01-01T00:00:00Z')"
	done
	sqlite3 "$DB" "INSERT INTO org_unit(id, parent_id, kind, code, name, name_key, school_levels, path, active_from, created_at) VALUES
	 (1, NULL, 'so', 'S9', 'Sở Giáo dục và Đào tạo Cũ', 'so giao duc va dao tao cu', 0, '/1/', '2020-09-01', '2025-01-01T00:00:00Z'),
	 (2, 1, 'phong', 'P9', 'Phòng Giáo dục và Đào tạo Cũ', 'phong giao duc va dao tao cu', 0, '/1/2/', '2021-01-01', '2025-01-01T00:00:00Z');
	INSERT INTO app_user(id, org_unit_id, login, full_name, role, pw_hash, disabled, created_at) VALUES
	 (7, 1, 'qt.s9', 'Quản trị', 'admin', 'x', 0, '2025-01-01T00:00:00Z'),
	 (8, 2, 'cv.p9', 'Chuyên viên', 'reviewer', 'x', 1, '2025-01-01T00:00:00Z');
	INSERT INTO session VALUES ('h1', 8, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');
	INSERT INTO password_reset VALUES (7, 'c1', '2025-01-02T00:00:00Z', 'operator');"
	check migrate-v11-to-latest 0 out "Lược đồ đã ở phiên bản mới nhất ($LAST)." ts db migrate
	same migrate-v11-users-kept "$(sql "SELECT group_concat(id || ':' || login || ':' || role || ':' || disabled, ' ') FROM (SELECT * FROM app_user ORDER BY id)")" \
		"7:qt.s9:admin:0 8:cv.p9:reviewer:1"
	same migrate-v11-references-kept "$(sql "SELECT (SELECT user_id FROM session) || ',' || (SELECT user_id FROM password_reset)")" "8,7"
	same migrate-v11-foreign-keys "$(sql "PRAGMA foreign_key_check")" ""
	same migrate-v11-history "$(sql "SELECT group_concat(unit_id || ':' || coalesce(parent_id, '-') || ':' || valid_from, ' ') FROM (SELECT * FROM org_parent ORDER BY unit_id, valid_from)")" \
		"1:-:2020-09-01 2:1:2021-01-01"
	check migrate-v11-observer 0 out "Đã tạo tài khoản xem.s9" adduser --login xem.s9 --name "Theo dõi" --unit S9 --role observer
	same migrate-v11-integrity "$(sql "PRAGMA integrity_check")" ok

	# A database from a newer truongso.
	reset_db future
	setup "future: migrate" ts db migrate
	sqlite3 "$DB" "INSERT INTO schema_migration VALUES (99, 'tu_tuong_lai', '2030-01-01T00:00:00Z')"
	check migrate-future-refused 2 err "mới hơn chương trình này ($LAST): hãy cập nhật truongso" ts db migrate
	contains migrate-future-version err "phiên bản lược đồ 99"
	check migrate-future-any-command 2 err "mới hơn chương trình này" ts org tree
	check migrate-future-status 0 out "Phiên bản lược đồ: 99 (chương trình hỗ trợ đến $LAST)" ts db status
	same migrate-future-untouched "$(sql "SELECT count(*) || '/' || max(version) FROM schema_migration")" \
		"$((NMIG + 1))/99"
	printf 'không phải cơ sở dữ liệu SQLite, chỉ là một tệp văn bản đủ dài để không bị coi là rỗng ..............\n' >"$WORK/garbage.db"
	check migrate-not-a-database 1 err "garbage.db: không mở được cơ sở dữ liệu: tệp không phải là cơ sở dữ liệu SQLite" "$T" --db "$WORK/garbage.db" db migrate

	# A mistyped --db never creates an empty database: only demo, db migrate
	# and --create do; every other command (serve too) names the path and how
	# to create it.
	reset_db missing
	for cmd in "campaign list" "org tree" "serve --port 0" "db status" "backup $WORK/missing-copy.db" \
		"submission show 1 T1" "audit"; do
		# shellcheck disable=SC2086
		# (timeout: a regression would start a server that never stops)
		check "missing-db-refused: $cmd" 2 err "missing.db: không có cơ sở dữ liệu này; tạo mới bằng: truongso --db $DB db migrate" \
			timeout 60 "$T" --db "$DB" $cmd
		if [ -e "$DB" ] || [ -e "$WORK/missing-copy.db" ]; then
			bad "missing-db-not-created: $cmd"
			rm -f "$DB" "$DB-wal" "$DB-shm" "$WORK/missing-copy.db"
		else
			ok "missing-db-not-created: $cmd"
		fi
	done
	check missing-db-as-user 2 err "không có cơ sở dữ liệu này" as cv.s1 campaign list
	check missing-db-create-flag 0 out "Tổng cộng: 0 đơn vị." "$T" --create --db "$DB" org tree
	same missing-db-created "$(sql "SELECT count(*) > 0 FROM schema_migration")" 1
	reset_db missing
	check missing-db-migrate-creates 0 out "Lược đồ đã ở phiên bản mới nhất" ts db migrate
}

# bsql STATEMENT: one value from the backup file ("ERR" if that failed).
bsql() { sqlite3 "$WORK/backup.db" "$1" 2>/dev/null || echo ERR; }

# sqlite_backup: `backup` of the demo database: a consistent, usable copy.
sqlite_backup() {
	sql_use "$WORK/demo.db" # the demo of part 1
	check backup 0 out "kiểm tra toàn vẹn: tốt" ts backup "$WORK/backup.db"
	same backup-integrity "$(bsql "PRAGMA integrity_check")" ok
	same backup-submissions "$(bsql "SELECT count(*) FROM submission")" \
		"$(sql "SELECT count(*) FROM submission")"
	# The demo's CĐS submissions (its statistics campaigns have their own).
	CDS_SUBS="SELECT count(*) FROM submission s JOIN campaign c ON c.id = s.campaign_id WHERE c.kind = 'cds'"
	same backup-submissions-demo "$(bsql "$CDS_SUBS")" 546
	same backup-snapshots "$(bsql "SELECT count(*) FROM snapshot")" \
		"$(sql "SELECT count(*) FROM snapshot")"
	same backup-audit "$(bsql "SELECT count(*) FROM audit")" \
		"$(sql "SELECT count(*) FROM audit")"
	check backup-usable 0 out "| Tổng cộng" "$T" --db "$WORK/backup.db" campaign status 1
	same backup-usable-108 "$(status_cell "Số đơn vị" "Tổng cộng")" 108
	check backup-overwrite 0 out "kiểm tra toàn vẹn: tốt" ts backup "$WORK/backup.db"
	same backup-overwrite-submissions "$(bsql "$CDS_SUBS")" 546
	check backup-bad-path 1 err "không tạo được tệp sao lưu" ts backup "$WORK/khong-co/thu-muc/backup.db"
}

# sqlite_dry_run_no_lock: on the import database of workflow.sh part 8.
sqlite_dry_run_no_lock() {
	# A dry run takes no write lock: it checks while another connection holds
	# one (before, it wrote and rolled back, so it waited out the busy timeout
	# and failed). The holder is a sqlite3 shell fed through a FIFO; it says
	# "locked" once BEGIN IMMEDIATE has returned.
	mkfifo "$WORK/lock.in"
	sqlite3 "$DB" <"$WORK/lock.in" >"$WORK/lock.out" 2>&1 &
	LOCKER=$!
	exec 7>"$WORK/lock.in"
	printf 'BEGIN IMMEDIATE;\n.print locked\n' >&7
	for _ in $(seq 100); do grep -q locked "$WORK/lock.out" && break; sleep 0.1; done
	same import-lock-held "$(cat "$WORK/lock.out")" locked
	check import-dry-run-no-write-lock 0 out "Kiểm tra (chưa ghi gì): 8 dòng: 0 đơn vị mới, 1 cập nhật, 7 không đổi." \
		ts org import "$C/org-good.csv" --dry-run
	printf 'ROLLBACK;\n.quit\n' >&7
	exec 7>&-
	wait "$LOCKER"
}
