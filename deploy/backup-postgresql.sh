#!/bin/sh
# Mẫu sao lưu PostgreSQL của cụm (docs/deploy.md), chạy mỗi đêm bằng cron hoặc
# systemd timer với tài khoản postgres trên máy chính (hoặc bản sao):
# 1. sao lưu nền pg_basebackup: cùng các đoạn WAL đã lưu trữ (archive_command,
#    deploy/postgresql-primary.conf) khôi phục được về bất kỳ thời điểm nào sau nó;
# 2. một bản pg_dump -Fc để thử khôi phục và giữ lâu (độc lập phiên bản);
# 3. thư mục minh chứng (không nằm trong cơ sở dữ liệu).
set -eu
DAY=$(date +%F)
DEST=/srv/pg-backup/$DAY
mkdir -p "$DEST"
pg_basebackup -D "$DEST/base" -Ft -z -X fetch --checkpoint=fast
pg_dump -Fc -f "$DEST/truongso.dump" truongso
# Thử đọc lại bản dump: danh sách đối tượng phải có bảng audit.
pg_restore -l "$DEST/truongso.dump" | grep -q 'TABLE public audit'
rsync -a /srv/truongso-evidence/ /srv/pg-backup/evidence/
# Giữ 14 ngày sao lưu nền; WAL cũ hơn sao lưu nền cũ nhất thì xóa được.
find /srv/pg-backup -maxdepth 1 -name '20*' -mtime +14 -exec rm -rf {} +
