#!/usr/bin/env bash
# Installs the Debian packages LensBench needs (idempotent): OCR (English + Korean), Hangul fonts,
# Chromium for report tests, jemalloc for PyTorch training, python3-venv for the store and model
# venv. Exit 0 when everything is there, 3 when something is missing and cannot be installed.
set -uo pipefail
PKGS=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-kor fonts-nanum chromium libjemalloc2 python3-venv)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "error: setup: missing Debian packages: ${missing[*]}; install them as root: apt-get install ${missing[*]}" >&2
  exit 3
fi
echo "setup: installing Debian packages: ${missing[*]}" >&2
if ! apt-get update -qq >/dev/null 2>&1 && ! apt-get update -qq; then
  echo "error: setup: apt-get update failed" >&2
  exit 3
fi
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
  echo "error: setup: apt-get install ${missing[*]} failed" >&2
  exit 3
fi
