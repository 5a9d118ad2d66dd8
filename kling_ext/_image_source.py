"""An image as a person types it (a CLI option, a jobs file line): text to send, or a local file.

The library never reads a `str` as a file, since a short Base64 string and a file name cannot
always be told apart. The front ends that take what a person typed decide here, all alike: what
exists on disk is a file; a URL, a data URI or long Base64 text is sent as text; anything that
can only be a file name but names no file is a missing file, not bad Base64.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

__all__ = ["image_source"]

_NOT_A_PATH = ("http://", "https://", "data:")
# Base64 of even the smallest accepted image (300x300 px) is far longer than any file name.
_MIN_BASE64_CHARS = 256
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]+")
# No file system takes a longer path: asking it about longer text only costs time.
_MAX_PATH_CHARS = 4096


def image_source(text: str, base: Path | None = None) -> str | Path:
    """`text` as the library should take it: a `Path` to read, or the text itself to send.

    Args:
        text: What was typed: a URL, a data URI, Base64 text or a file name (`~` allowed).
        base: The folder a relative file name is relative to; default the working directory.

    Returns:
        A `Path` for a file that exists (or for short text the library will report as a file
        that does not exist); otherwise `text` unchanged.

    Raises:
        FileNotFoundError: `text` can only be a file name (it has a `.`, which Base64 never
            has, and is no URL) and no such file exists.
    """
    if text[:8].lower().startswith(_NOT_A_PATH):
        return text
    path = None
    if len(text) <= _MAX_PATH_CHARS:
        path = Path(os.path.expanduser(text))
        if base is not None:
            path = base / path
        if os.path.lexists(path):  # False for a NUL byte or a name the file system refuses
            return path
    if "://" not in text and "." in text:
        raise FileNotFoundError(errno.ENOENT, "file not found", text)
    if path is None or (len(text) >= _MIN_BASE64_CHARS and _BASE64.fullmatch(text)):
        return text
    return path
