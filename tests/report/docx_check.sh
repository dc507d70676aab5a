#!/bin/sh
# The fixture DOCX read back by python-docx (an independent reader).
# Debian's python3 on purpose: python3-docx is a Debian package, and a
# python3 earlier in PATH (pyenv, venv) would not see it.
set -eu
cd "$(dirname "$0")/../.."
make --no-print-directory -f mk/build.mk VARIANT=release report-sample
mkdir -p build/report-samples
build/report_sample docx build/report-samples/fixture.docx
/usr/bin/python3 tests/report/docx_check.py build/report-samples/fixture.docx
