"""Local images: what a person typed (text to send, or a file), and reading an image file.

The library never reads a `str` as a file, since a short Base64 string and a file name cannot
always be told apart. The front ends that take what a person typed decide here, all alike: what
exists on disk is a file; a URL, a data URI or long Base64 text is sent as text; anything that
can only be a file name but names no file is a missing file, not bad Base64.

The library reads the files it is handed (a `pathlib.Path` or a binary file object) here, with
the checks of `_inputs` applied as the bytes arrive; `AsyncKling` calls this in a worker thread.
"""

from __future__ import annotations

import binascii
import errno
import os
import re
import stat
from pathlib import Path
from typing import IO

from ._body import VerbatimText
from ._constants import IMAGE_READ_BYTES
from ._exceptions import ValidationError
from ._inputs import SOURCES, ImageLimits, check_image, check_size, probe

__all__ = ["encode_file", "encode_stream", "image_source"]

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


# --- Reading an image the library was handed as a path or a binary file object --------------
# Read in pieces of whole 3-byte groups, each Base64-encoded as it arrives: the file's bytes
# are never all held next to their Base64 text.
READ_BYTES = IMAGE_READ_BYTES
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO without it blocks until a writer
_O_BINARY = getattr(os, "O_BINARY", 0)
_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def encode_file(path: os.PathLike[str], *, field: str, limits: ImageLimits) -> VerbatimText:
    """Read a regular image file and return its Base64, checked against `limits`.

    Raises:
        ValidationError: the file is missing, unreadable, not a regular file, too large, or not
            an image the field accepts.
    """
    shown = repr(os.fsdecode(path))
    try:
        mode = os.stat(path).st_mode
        # Checked before opening: opening a device or a FIFO can block or have effects.
        _check_regular(mode, field=field, shown=shown)
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_BINARY)
    except ValidationError:
        raise
    except FileNotFoundError:
        raise ValidationError(field, f"file {shown} does not exist", SOURCES) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ValidationError(field, f"cannot read file {shown}: {reason}", SOURCES) from None
    except ValueError:  # a NUL in the name
        raise ValidationError(field, f"{shown} is not a valid file name", SOURCES) from None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(file.fileno())
            _check_regular(info.st_mode, field=field, shown=shown)  # swapped since the stat?
            # Refused before reading when the size is known; the bounded read covers the files
            # whose size stat does not tell (/proc), or that grow.
            check_size(info.st_size, field=field, limits=limits)
            return encode_stream(
                file, field=field, limits=limits, shown=f"file {shown}", size_hint=info.st_size
            )
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ValidationError(field, f"cannot read file {shown}: {reason}", SOURCES) from None


def encode_stream(
    file: IO[bytes],
    *,
    field: str,
    limits: ImageLimits,
    shown: str = "the file object",
    size_hint: int = 0,
) -> VerbatimText:
    """Read a binary file object to its end (at most one byte over the limit); return its Base64.

    The header is checked as soon as it has arrived, so a file of the wrong kind is refused
    after its first piece; each piece is Base64-encoded as it arrives, so the peak is the
    Base64 plus one piece, not the file's bytes next to their Base64.

    Args:
        file: Read with `read(n)` until it gives `b""`.
        field: The request field being filled, named in errors.
        limits: What the field accepts.
        shown: The file as errors name it.
        size_hint: The expected size (from `fstat`), so the Base64 is made in one buffer.

    Raises:
        ValidationError: the file gives more than `limits.max_bytes`, gives no bytes objects,
            or is not an image the field accepts.
    """
    # Filled in place; a file that grew since its stat appends, and one that shrank is cut.
    text = bytearray(4 * ((min(size_hint, limits.max_bytes) + 2) // 3))
    written = 0
    head = bytearray()
    found: tuple[str, int, int] | None = None
    carry = b""
    total = 0
    while total <= limits.max_bytes:
        piece = file.read(min(READ_BYTES, limits.max_bytes + 1 - total))
        if not piece:
            break
        if not isinstance(piece, bytes | bytearray | memoryview):
            raise ValidationError(
                field, f"{shown} gives {type(piece).__name__}, not bytes", "a file opened 'rb'"
            )
        piece = bytes(piece) if not isinstance(piece, bytes) else piece
        total += len(piece)
        if total > limits.max_bytes:
            break
        if found is None:
            head += piece
            found = probe(head, complete=False, field=field, limits=limits)
            if found is not None:
                head.clear()  # the header is read; keep no growing copy of the image
                check_image(found, field=field, limits=limits)
        if carry:
            piece = carry + piece
        cut = len(piece) - len(piece) % 3  # Base64 in whole 3-byte groups; the rest waits
        carry = piece[cut:]
        with memoryview(piece) as view:
            written = _put(text, written, binascii.b2a_base64(view[:cut], newline=False))
        del piece
    if total > limits.max_bytes:
        raise ValidationError(
            field,
            f"{shown} holds more than {limits.max_bytes:,} bytes",
            f"at most {limits.max_bytes:,} bytes ({limits.max_bytes / 2**20:g} MiB)",
        )
    if found is None:
        found = probe(head, complete=True, field=field, limits=limits)
        if found is not None:  # pragma: no branch - a complete header is read or refused
            check_image(found, field=field, limits=limits)
    written = _put(text, written, binascii.b2a_base64(carry, newline=False))
    del text[written:]
    return VerbatimText(text)


def _put(buffer: bytearray, at: int, data: bytes) -> int:
    """Write `data` into `buffer` at `at` (growing it if needed); return the end of it."""
    buffer[at : at + len(data)] = data
    return at + len(data)


def _check_regular(mode: int, *, field: str, shown: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
    raise ValidationError(field, f"{shown} is {kind}, not an image file", SOURCES)
