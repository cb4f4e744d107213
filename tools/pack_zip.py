#!/usr/bin/env python3
"""Packs a directory into a zip that depends only on the files' contents and names.

    pack_zip.py DIR OUT.zip

Store uploads and AMO's reviewers compare bytes, so the same inputs must give the same zip:
entries are sorted by path, every entry carries the same timestamp (1980-01-01, the earliest a
zip can hold) and the same permissions (0644 files, no directory entries), and nothing of the
machine (owner, umask, mtime, extra fields) goes in. Deflate output comes from the system
zlib, so the bytes are stable for a given zlib; the build prints each zip's sha256.
"""

import os
import sys
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def files_under(root):
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in files:
            path = os.path.join(folder, name)
            found.append(os.path.relpath(path, root).replace(os.sep, "/"))
    return sorted(found)


def pack(root, out):
    tmp = out + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in files_under(root):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permission bits below are read
            info.external_attr = 0o100644 << 16
            with open(os.path.join(root, name), "rb") as source:
                archive.writestr(info, source.read(), compresslevel=9)
    os.replace(tmp, out)


if __name__ == "__main__":
    if len(sys.argv) != 3 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: pack_zip.py DIR OUT.zip")
    pack(sys.argv[1], sys.argv[2])
