#!/bin/sh
# Mẫu: dựng bản sao streaming trên máy db2 từ máy chính db1 (docs/deploy.md).
# Chạy bằng tài khoản postgres trên db2, khi PostgreSQL ở db2 đang dừng và
# thư mục dữ liệu trống. -R ghi primary_conninfo và standby.signal, nên khi
# khởi động, máy này là bản sao chỉ đọc (hot standby) nhận WAL liên tục.
# Đã thử bằng tests/pg/replica.sh (cùng các bước, trên một cụm tạm).
set -eu
DATA=/var/lib/postgresql/15/main
pg_basebackup -h db1.example.internal -U replicator -D "$DATA" \
	-R -X stream --checkpoint=fast --slot=db2 --create-slot --progress
pg_ctlcluster 15 main start
# Kiểm tra: trả về t (đang là bản sao).
psql -Atc 'SELECT pg_is_in_recovery()'
# Tài khoản chỉ đọc cho TRUONGSO_DB_READ, tạo ở máy CHÍNH (bản sao tự có):
#   CREATE ROLE truongso_ro LOGIN PASSWORD '...';
#   GRANT USAGE ON SCHEMA public TO truongso_ro;
#   GRANT SELECT ON ALL TABLES IN SCHEMA public TO truongso_ro;
#   ALTER DEFAULT PRIVILEGES FOR ROLE truongso IN SCHEMA public
#     GRANT SELECT ON TABLES TO truongso_ro;
