#!/bin/sh
# make bench (web): requests per second of `truongso serve` against nginx
# on the same machine in the same run: the same stylesheet bytes from
# each, and truongso's dynamic dashboard (session lookup, SQL, HTML)
# against nginx sending that page as a static file. wrk, loopback only,
# 5 s per run, 2 threads, 64 connections (peers.md method).
set -eu
cd "$(dirname "$0")/../.."
W=$(mktemp -d)
trap 'kill $TS $NG 2>/dev/null; rm -rf "$W"' EXIT
TS= NG=
build/truongso --db "$W/db" demo >/dev/null
build/truongso --db "$W/db" serve --port 0 --connections 64 --per-address 64 >"$W/ts.log" 2>&1 &
TS=$!
sleep 1
P1=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$W/ts.log")
# nginx cannot be given port 0: take one the kernel just handed out.
P2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((P1 + 1)))
curl -s -c "$W/jar" -o /dev/null -d 'login=cv.so&password=truongso-demo' "http://127.0.0.1:$P1/login"
COOKIE=$(awk '/ts_session/ { print $7 }' "$W/jar")
mkdir -p "$W/www"
curl -s -o "$W/www/app.css" "http://127.0.0.1:$P1/static/app.css"
curl -s -b "$W/jar" -o "$W/www/dashboard.html" "http://127.0.0.1:$P1/campaigns/1"
cat >"$W/nginx.conf" <<CONF
worker_processes 2; pid $W/nginx.pid; error_log $W/error.log; daemon off;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$P2; root $W/www; } }
CONF
nginx -c "$W/nginx.conf" -p "$W" &
NG=$!
sleep 1
rps() { wrk -t2 -c64 -d5s "$@" 2>/dev/null | awk '/Requests\/sec/ { print $2 }'; }
a=$(rps "http://127.0.0.1:$P1/static/app.css")
b=$(rps "http://127.0.0.1:$P2/app.css")
c=$(rps -H "Cookie: ts_session=$COOKIE" "http://127.0.0.1:$P1/campaigns/1")
d=$(rps "http://127.0.0.1:$P2/dashboard.html")
size=$(wc -c <"$W/www/dashboard.html")
echo "stylesheet ($(wc -c <"$W/www/app.css") B): truongso $a req/s, nginx $b req/s"
echo "dashboard ($size B, Sở view of 108 schools): truongso dynamic $c req/s, nginx static copy $d req/s"
awk -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {
	printf "ratios: static %.2f of nginx; dynamic page %.2f of nginx static\n", a / b, c / d }'
