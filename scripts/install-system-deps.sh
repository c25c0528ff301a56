#!/usr/bin/env bash
# Installs the Debian packages oretrace needs when they are missing (Tesseract, its language data, Chromium).
set -euo pipefail

# chromium drives the review workspace's browser tests; the extra language packs read the external evaluation sets.
# tesserocr is built against the system's libtesseract (headers, a C++ compiler), so that it reads as the
# `tesseract` program does.
packages=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-osd tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-pol chromium
          libtesseract-dev libleptonica-dev g++ pkg-config)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "oretrace needs these Debian packages: ${missing[*]}" >&2
    echo "run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
