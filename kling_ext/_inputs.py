"""Media inputs: turn what a caller hands us into what a Kling image field accepts.

Kling image fields take a public URL or raw Base64 without a ``data:`` prefix, and reject JPEG/PNG
files outside its size, side and aspect limits (the spec's ImageInput). Checking them here turns a
vague HTTP 400 after an upload into an error that names the field, what was found and what is
allowed. Everything is pure apart from reading a file the caller hands over.

A ``str`` is never a path: only a ``pathlib.Path`` (any ``os.PathLike``), bytes or a binary file
object are read, so an application passing untrusted text cannot be made to upload a local file
(openai-python's rule). Only regular files are read, never more than the size limit allows.

Images can be large (10 MB), so the code avoids whole-buffer copies: headers are parsed from a
memoryview, a file is Base64-encoded piece by piece as it is read (`_image_source`), the Base64
the client makes stays bytes (`_body.VerbatimText`), and Base64 text is checked slice by slice.
"""

from __future__ import annotations

import base64
import binascii
import os
import struct
import urllib.parse
from typing import IO, TypeAlias

import attrs

from kling_ext._body import VerbatimText
from kling_ext._constants import BASE64_CHUNK_CHARS, ERROR_VALUE_PREVIEW_CHARS
from kling_ext._exceptions import ValidationError

__all__ = [
    "ImageInput",
    "ImageLimits",
    "check_url",
    "encode_image",
    "image_base64",
    "image_dimensions",
]

ImageInput: TypeAlias = str | bytes | os.PathLike[str] | IO[bytes]
"""An image as a caller may give it: a URL, data URI or raw Base64 text (a ``str``), the file's
bytes, a ``pathlib.Path``, or a file object opened in binary mode."""

SUPPORTED_FORMATS = frozenset({"jpeg", "png"})
"""Formats whose dimensions :func:`image_dimensions` can read."""

_FORMAT_ALIASES = {"jpg": "jpeg"}
_JPEG_MAGIC = b"\xff\xd8\xff"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# SOF0-SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
_JPEG_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers without a length field: TEM, RST0-RST7 and SOI.
_JPEG_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xD8), 0xD8})
SOURCES = (
    "a public http(s) URL or raw Base64 (no data: prefix) as str; "
    "a pathlib.Path, bytes or a binary file object for a local image"
)


def _normalize_format(name: str) -> str:
    lowered = name.lower()
    return _FORMAT_ALIASES.get(lowered, lowered)


def _check_formats(
    instance: ImageLimits, attribute: attrs.Attribute[frozenset[str]], value: frozenset[str]
) -> None:
    unknown = {_normalize_format(f) for f in value} - SUPPORTED_FORMATS
    if not value or unknown:
        msg = f"formats must be a non-empty subset of {sorted(SUPPORTED_FORMATS)}, got {value!r}"
        raise ValueError(msg)


def _check_max_side(
    instance: ImageLimits, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and value < instance.min_side:
        msg = f"max_side ({value}) must be at least min_side ({instance.min_side})"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ImageLimits:
    """What an image field accepts; the defaults are the documented limits (the spec's ImageInput).

    The caller fills these from the OpenAPI spec's ``x-kling-media`` extension, so one endpoint
    can tighten them (motion control, for example, caps sides at 65536 px).

    Attributes:
        formats: Accepted formats, from ``{"jpeg", "png"}`` (``"jpg"`` means ``"jpeg"``).
        max_bytes: Largest accepted file size in bytes.
        min_side: Smallest accepted width and height in pixels.
        max_side: Largest accepted width and height in pixels, or None for no limit.
        max_aspect: Largest accepted ratio of the long side to the short side.
    """

    formats: frozenset[str] = attrs.field(default=SUPPORTED_FORMATS, validator=_check_formats)
    max_bytes: int = attrs.field(default=10 * 1024 * 1024, validator=attrs.validators.gt(0))
    min_side: int = attrs.field(default=300, validator=attrs.validators.ge(1))
    max_side: int | None = attrs.field(default=None, validator=_check_max_side)
    max_aspect: float = attrs.field(default=2.5, validator=attrs.validators.ge(1.0))

    def allowed_formats(self) -> str:
        """Describe the accepted formats for an error message.

        Returns:
            For example ``"JPEG or PNG"``.
        """
        names = sorted({_normalize_format(f).upper() for f in self.formats})
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"

    def allowed_dimensions(self) -> str:
        """Describe the accepted width, height and aspect ratio for an error message.

        Returns:
            For example ``"each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1"``.
        """
        if self.max_side is None:
            sides = f"each side at least {self.min_side} px"
        else:
            sides = f"each side between {self.min_side} and {self.max_side} px"
        ratio = f"{self.max_aspect:g}"
        return f"{sides}, aspect ratio between 1:{ratio} and {ratio}:1"


class _UnknownFormatError(ValueError):
    """The leading bytes match neither JPEG nor PNG."""


class _TruncatedHeaderError(ValueError):
    """The data ends before the header that holds the dimensions."""


class _CorruptHeaderError(ValueError):
    """The header is malformed."""


def image_dimensions(data: bytes | bytearray | memoryview) -> tuple[str, int, int]:
    """Read an image's format and size from its header, without decoding pixels.

    Args:
        data: The image file's bytes; only the header is read and nothing is copied.

    Returns:
        ``(format, width, height)`` where format is ``"jpeg"`` or ``"png"``.

    Raises:
        ValueError: If the data is not JPEG or PNG, or its header is truncated or corrupt.
    """
    # Released on exit so a caller's bytearray can still grow afterwards.
    with memoryview(data) as raw, raw.cast("B") as view:
        if view[:3] == _JPEG_MAGIC:
            width, height = _jpeg_size(view)
            return "jpeg", width, height
        if view[:8] == _PNG_MAGIC:
            width, height = _png_size(view)
            return "png", width, height
        msg = f"not a JPEG or PNG image ({_describe_format(bytes(view[:16]))})"
    raise _UnknownFormatError(msg)


def _png_size(view: memoryview) -> tuple[int, int]:
    # The PNG spec requires IHDR to be the first chunk: length 13, then width and height.
    if len(view) < 24:
        msg = "PNG header is truncated"
        raise _TruncatedHeaderError(msg)
    if bytes(view[12:16]) != b"IHDR":
        msg = "PNG does not start with an IHDR chunk"
        raise _CorruptHeaderError(msg)
    width, height = struct.unpack_from(">II", view, 16)
    if not width or not height:
        msg = "PNG header has a zero dimension"
        raise _CorruptHeaderError(msg)
    return int(width), int(height)


def _jpeg_size(view: memoryview) -> tuple[int, int]:
    truncated = _TruncatedHeaderError("JPEG ends before its frame header")
    pos, end = 2, len(view)
    while True:
        if pos >= end:
            raise truncated
        if view[pos] != 0xFF:
            msg = f"JPEG marker expected at byte {pos}"
            raise _CorruptHeaderError(msg)
        # Any number of 0xFF fill bytes may precede a marker code.
        while pos < end and view[pos] == 0xFF:
            pos += 1
        if pos >= end:
            raise truncated
        marker = view[pos]
        pos += 1
        if marker in _JPEG_STANDALONE_MARKERS:
            continue
        if marker in (0x00, 0xD9, 0xDA):
            msg = f"JPEG reaches marker {marker:02X} before a frame header"
            raise _CorruptHeaderError(msg)
        if pos + 2 > end:
            raise truncated
        (length,) = struct.unpack_from(">H", view, pos)
        if length < 2:
            msg = f"JPEG segment at byte {pos} has length {length}"
            raise _CorruptHeaderError(msg)
        if marker in _JPEG_SOF_MARKERS:
            # Segment layout: length (2), sample precision (1), height (2), width (2).
            if pos + 7 > end:
                raise truncated
            height, width = struct.unpack_from(">HH", view, pos + 3)
            if not width or not height:
                msg = "JPEG frame header has a zero dimension"
                raise _CorruptHeaderError(msg)
            return int(width), int(height)
        pos += length


def _describe_format(head: bytes) -> str:
    known = (
        (head[:4] == b"GIF8", "a GIF image"),
        (head[:4] == b"RIFF" and head[8:12] == b"WEBP", "a WebP image"),
        (head[:2] == b"BM", "a BMP image"),
        (head[:4] in (b"II*\x00", b"MM\x00*"), "a TIFF image"),
        (head[4:12] in (b"ftypavif", b"ftypavis"), "an AVIF image"),
        (head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"), "a HEIC image"),
        (head[4:8] == b"ftyp", "an MP4/MOV container"),
    )
    for matched, description in known:
        if matched:
            return description
    if not head:
        return "no data"
    return f"unrecognised data starting {head[:8].hex(' ')}"


def encode_image(value: ImageInput, *, field: str, limits: ImageLimits) -> str:
    """Turn an image given in any supported form into what a Kling image field accepts.

    As `image_base64`, always as a `str`.
    """
    return str(image_base64(value, field=field, limits=limits))


def image_base64(value: ImageInput, *, field: str, limits: ImageLimits) -> str | VerbatimText:
    """Turn an image given in any supported form into what a Kling image field accepts.

    A http(s) URL is passed through unchanged, since the API fetches it itself. A data URI loses
    its prefix, which the API rejects. Any other ``str`` is raw Base64, sent as given minus
    white space: a ``str`` is never read as a file. A path (``os.PathLike``) or a binary file
    object is read; bytes are Base64-encoded. Everything but a URL is checked against ``limits``.

    Args:
        value: The image as a URL, data URI or raw Base64 text, bytes, a path or a file object.
        field: The request field being filled, named in errors (for example ``"image"``).
        limits: What the field accepts.

    Returns:
        The URL unchanged, or standard Base64 text without prefix or newlines: the caller's
        `str` when given Base64 text, else a `VerbatimText` (the Base64 this made, as bytes).

    Raises:
        ValidationError: If a file cannot be read (or is not a regular file), text is not valid
            Base64, or the image breaks a limit; the message says what was found and what is
            allowed.
        TypeError: If ``value`` is of none of the accepted types.
    """
    if isinstance(value, str):
        lowered = value[:8].lower()
        if lowered.startswith(("http://", "https://")):
            return value
        if lowered.startswith("data:"):
            return _strip_data_uri(value, field=field, limits=limits)
        return _check_base64_text(value, field=field, limits=limits, source=_preview(value))
    if isinstance(value, bytes | bytearray | memoryview):
        _check_image_bytes(value, field=field, limits=limits)
        return b64_text(value)
    if isinstance(value, os.PathLike) or callable(getattr(value, "read", None)):
        # Imported here: _image_source builds on this module's checks.
        from ._image_source import encode_file, encode_stream

        if isinstance(value, os.PathLike):
            return encode_file(value, field=field, limits=limits)
        return encode_stream(value, field=field, limits=limits)
    msg = (
        f"{field}: expected str, bytes or os.PathLike (a pathlib.Path) or a binary file object, "
        f"got {type(value).__name__}"
    )
    raise TypeError(msg)


def _preview(text: str) -> str:
    if len(text) > ERROR_VALUE_PREVIEW_CHARS:
        text = text[:ERROR_VALUE_PREVIEW_CHARS] + "..."
    return repr(text)


def _strip_data_uri(value: str, *, field: str, limits: ImageLimits) -> str:
    comma = value.find(",")
    header = value[5:comma] if comma >= 0 else ""
    if comma < 0 or not header.lower().endswith(";base64"):
        raise ValidationError(
            field,
            f"data URI {_preview(value[:40])} is not Base64-encoded",
            "raw Base64 of the image; a data: prefix is stripped only from ;base64 URIs",
        )
    return _check_base64_text(value[comma + 1 :], field=field, limits=limits, source="data URI")


def b64_text(data: bytes | bytearray | memoryview) -> VerbatimText:
    """The Base64 of `data`, encoded in slices so the peak is the text plus one slice.

    `base64.b64encode(data).decode()` holds the encoded bytes and a `str` copy of them at once
    (and CPython's encoder first allocates twice the input size); the text stays bytes here.
    """
    with memoryview(data) as raw, raw.cast("B") as view:
        out = bytearray(4 * ((len(view) + 2) // 3))
        step = BASE64_CHUNK_CHARS // 4 * 3
        for start in range(0, len(view), step):
            at = start // 3 * 4
            piece = binascii.b2a_base64(view[start : start + step], newline=False)
            out[at : at + len(piece)] = piece
    return VerbatimText(out)


def _check_base64_text(text: str, *, field: str, limits: ImageLimits, source: str) -> str:
    # str.split() returns the original object when there is no whitespace, so no copy then.
    compact = "".join(text.split())
    if not compact:
        raise ValidationError(field, f"{source} is empty", SOURCES)

    def invalid(reason: str) -> ValidationError:
        what = (
            f"{source} is not valid Base64"
            if source == "data URI"
            else f"{source} is neither an http(s) URL nor valid Base64 (a str is never read as "
            "a file: pass pathlib.Path(...) to send a local one)"
        )
        return ValidationError(field, f"{what} ({reason})", SOURCES)

    length = len(compact)
    if length % 4:
        raise invalid(f"{length} characters is not a multiple of 4")
    padding = compact.count("=", length - 2)
    check_size(length // 4 * 3 - padding, field=field, limits=limits)

    # Decoding slice by slice keeps only one slice's bytes alive; the header is gathered from
    # the first slices until the dimensions can be read.
    head = bytearray()
    found: tuple[str, int, int] | None = None
    for start in range(0, length, BASE64_CHUNK_CHARS):
        chunk = compact[start : start + BASE64_CHUNK_CHARS]
        last = start + BASE64_CHUNK_CHARS >= length
        if not last and "=" in chunk:
            raise invalid("'=' padding before the end")
        try:
            decoded = base64.b64decode(chunk, validate=True)
        except ValueError as exc:
            raise invalid(str(exc)) from None
        if found is None:
            head += decoded
            found = probe(head, complete=last, field=field, limits=limits)
            if found is not None:
                head.clear()  # the header is read; keep no growing copy of the image
    if found is None:  # pragma: no cover - _probe raises when complete
        raise invalid("no image data")
    check_image(found, field=field, limits=limits)
    return compact


def probe(
    head: bytearray, *, complete: bool, field: str, limits: ImageLimits
) -> tuple[str, int, int] | None:
    try:
        return image_dimensions(head)
    except _TruncatedHeaderError:
        if complete:
            raise _dimension_error(field, limits) from None
        return None
    except _UnknownFormatError:
        if not complete and len(head) < len(_PNG_MAGIC):
            return None  # too few bytes yet to tell a format (a file object giving tiny pieces)
        raise _format_error(head, field, limits) from None
    except _CorruptHeaderError:
        raise _dimension_error(field, limits) from None


def _check_image_bytes(
    data: bytes | bytearray | memoryview, *, field: str, limits: ImageLimits
) -> None:
    check_size(memoryview(data).nbytes, field=field, limits=limits)
    try:
        found = image_dimensions(data)
    except _UnknownFormatError:
        raise _format_error(data, field, limits) from None
    except ValueError:
        raise _dimension_error(field, limits) from None
    check_image(found, field=field, limits=limits)


def _format_error(
    data: bytes | bytearray | memoryview, field: str, limits: ImageLimits
) -> ValidationError:
    found = _describe_format(bytes(data[:16]))
    return ValidationError(
        field, f"{found} is not a supported image format", limits.allowed_formats()
    )


def _dimension_error(field: str, limits: ImageLimits) -> ValidationError:
    return ValidationError(
        field,
        "could not read the image dimensions (the header is truncated or corrupt)",
        f"a complete {limits.allowed_formats()} file",
    )


def check_size(size: int, *, field: str, limits: ImageLimits) -> None:
    if size > limits.max_bytes:
        raise ValidationError(
            field,
            f"{size:,} bytes ({size / 2**20:.1f} MiB) is too large",
            f"at most {limits.max_bytes:,} bytes ({limits.max_bytes / 2**20:g} MiB)",
        )


def check_image(found: tuple[str, int, int], *, field: str, limits: ImageLimits) -> None:
    image_format, width, height = found
    if image_format not in {_normalize_format(f) for f in limits.formats}:
        raise ValidationError(
            field, f"{image_format.upper()} is not accepted here", limits.allowed_formats()
        )
    short, long = sorted((width, height))
    size = f"{width}x{height} px"
    problem = None
    if short < limits.min_side:
        problem = f"{size} is too small"
    elif limits.max_side is not None and long > limits.max_side:
        problem = f"{size} is too large"
    elif long > limits.max_aspect * short:
        ratio = f"{long / short:.2f}".rstrip("0").rstrip(".")
        shape = f"{ratio}:1" if width >= height else f"1:{ratio}"
        problem = f"{size} has aspect ratio {shape}, which is too elongated"
    if problem is not None:
        raise ValidationError(field, problem, limits.allowed_dimensions())


def check_url(value: str, *, field: str) -> str:
    """Check that a field which only takes a URL got a public http(s) URL.

    Used for fields such as motion control's ``video_url``, which accept neither Base64 nor
    uploads: the API downloads the video itself.

    Args:
        value: What the caller passed.
        field: The request field being filled, named in errors.

    Returns:
        ``value`` unchanged.

    Raises:
        ValidationError: If ``value`` is not an http(s) URL with a host, such as a local path.
    """
    allowed = "a public http:// or https:// URL"
    if isinstance(value, str):
        try:
            parts = urllib.parse.urlsplit(value)
        except ValueError:
            parts = None
        if parts is not None and parts.scheme.lower() in ("http", "https") and parts.hostname:
            return value
        shown = _preview(value)
        # A one-letter scheme is a Windows drive (C:\...), not a URL.
        local = parts is None or len(parts.scheme) <= 1 or parts.scheme.lower() == "file"
    else:
        shown, local = repr(os.fspath(value)), True
    if local:
        message = (
            f"{shown} looks like a local file, but the API fetches the video itself and cannot "
            "read your disk; upload it and pass its public http(s) URL"
        )
    else:
        message = f"{shown} is not an http(s) URL with a host; the API fetches the video itself"
    raise ValidationError(field, message, allowed)
