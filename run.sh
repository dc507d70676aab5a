#!/bin/sh
# The first command on a bare Debian 12: `sh run.sh` (as root, or a user
# with sudo). A minimal Debian has sh and apt-get but not make or gcc, so
# this installs them and the libraries (scripts/deps build), then does
# what `make run` does. Arguments go to make: sh run.sh LISTEN=0.0.0.0
set -eu
cd "$(dirname "$0")"
sh scripts/deps build
exec make --no-print-directory run "$@"
