#!/usr/bin/env bash
# Installs the Debian packages LensBench needs (idempotent): OCR, Hangul fonts, Chromium for
# report tests, jemalloc for PyTorch training.
set -euo pipefail
PKGS=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-kor fonts-nanum chromium libjemalloc2 python3-venv)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root: apt-get install ${missing[*]})" >&2
    exit 3
  fi
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
