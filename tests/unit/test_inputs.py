"""Tests for kling_ext._inputs: image encoding and validation, URL-only fields."""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import pytest

from kling_ext._exceptions import ValidationError
from kling_ext._inputs import ImageLimits, check_url, encode_image, image_dimensions

LIMITS = ImageLimits()


def make_png(width: int, height: int) -> bytes:
    """Build a valid grey PNG of the given size."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def make_jpeg(width: int, height: int, *, sof: int = 0xC0, exif: int = 0) -> bytes:
    """Build a JPEG header (SOI, APP0, optional APP1 padding, DHT, SOFn, EOI): enough to parse."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    app1 = b"\xff\xe1" + struct.pack(">H", exif + 2) + b"\x00" * exif if exif else b""
    dht = b"\xff\xc4" + struct.pack(">H", 2 + 17) + b"\x00" * 17  # must be skipped, not read
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    sof_segment = bytes([0xFF, sof]) + struct.pack(">H", 2 + len(frame)) + frame
    return b"\xff\xd8" + app0 + app1 + dht + sof_segment + b"\xff\xd9"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- image_dimensions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (make_png(300, 400), ("png", 300, 400)),
        (make_jpeg(640, 360), ("jpeg", 640, 360)),
        (make_jpeg(1920, 1080, sof=0xC2), ("jpeg", 1920, 1080)),
        (make_jpeg(500, 500, exif=5000), ("jpeg", 500, 500)),
        (b"\xff\xd8\xff\xff\xff\xe0\x00\x02" + make_jpeg(320, 320)[2:], ("jpeg", 320, 320)),
    ],
    ids=["png", "jpeg-sof0", "jpeg-progressive", "jpeg-big-app1", "jpeg-fill-bytes"],
)
def test_image_dimensions(data: bytes, expected: tuple[str, int, int]) -> None:
    assert image_dimensions(data) == expected
    assert image_dimensions(memoryview(data)) == expected


@pytest.mark.parametrize(
    "data",
    [
        make_jpeg(640, 360)[:30],
        make_png(300, 300)[:20],
        b"\xff\xd8\xff\xd9",
        b"GIF89a",
        b"",
    ],
    ids=["jpeg-truncated", "png-truncated", "jpeg-no-frame", "gif", "empty"],
)
def test_image_dimensions_rejects(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"JPEG|PNG"):
        image_dimensions(data)


# --- encode_image: the accepted forms -----------------------------------------------------------


def test_url_passes_through_unchecked() -> None:
    for url in ("https://example.com/a.gif", "http://example.com/x", "HTTPS://EXAMPLE.COM/Y"):
        assert encode_image(url, field="image", limits=LIMITS) == url


def test_bytes_are_encoded_without_prefix_or_newlines() -> None:
    png = make_png(300, 300)
    encoded = encode_image(png, field="image", limits=LIMITS)
    assert encoded == base64.b64encode(png).decode("ascii")
    assert "\n" not in encoded
    assert not encoded.startswith("data:")


@pytest.mark.parametrize("extra", [0, 1, 2, 25], ids=["x3", "x3+1", "x3+2", "longer"])
def test_bytes_encoded_in_slices_match_b64encode(
    monkeypatch: pytest.MonkeyPatch, extra: int
) -> None:
    monkeypatch.setattr("kling_ext._inputs.BASE64_CHUNK_CHARS", 16)  # 12-byte slices
    jpeg = make_jpeg(400, 400) + b"\x01" * extra
    assert encode_image(jpeg, field="image", limits=LIMITS) == b64(jpeg)


def test_bytearray_and_memoryview_are_accepted() -> None:
    png = make_png(300, 300)
    # Outside the declared ImageInput, but bytes-like objects are encoded the same way.
    assert encode_image(bytearray(png), field="image", limits=LIMITS) == b64(png)  # type: ignore[arg-type]
    assert encode_image(memoryview(png), field="image", limits=LIMITS) == b64(png)  # type: ignore[arg-type]


def test_data_uri_prefix_is_stripped() -> None:
    jpeg = make_jpeg(400, 300)
    uri = f"data:image/jpeg;base64,{b64(jpeg)}"
    assert encode_image(uri, field="image", limits=LIMITS) == b64(jpeg)


def test_data_uri_that_is_not_base64_is_rejected() -> None:
    with pytest.raises(ValidationError, match="not Base64-encoded"):
        encode_image("data:image/png,%89PNG", field="image", limits=LIMITS)


def test_path_is_read(tmp_path: Path) -> None:
    png = make_png(400, 300)
    file = tmp_path / "cat.png"
    file.write_bytes(png)
    assert encode_image(file, field="image", limits=LIMITS) == b64(png)


def test_a_str_naming_an_existing_file_is_never_read(tmp_path: Path) -> None:
    # An application passing untrusted text must not be made to upload a local file.
    file = tmp_path / "cat.jpg"
    file.write_bytes(make_jpeg(400, 300))
    with pytest.raises(ValidationError) as info:
        encode_image(str(file), field="image", limits=LIMITS)
    assert "pass pathlib.Path" in str(info.value)
    assert b64(make_jpeg(400, 300)) not in str(info.value)


def test_missing_file_names_field_and_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.png"
    with pytest.raises(ValidationError) as info:
        encode_image(missing, field="image_tail", limits=LIMITS)
    assert info.value.field == "image_tail"
    assert str(missing) in str(info.value)
    assert "does not exist" in str(info.value)


def test_a_nul_in_a_path_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="not a valid file name"):
        encode_image(Path("cat\x00.png"), field="image", limits=LIMITS)


def test_a_folder_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a folder, not an image file"):
        encode_image(tmp_path, field="image", limits=LIMITS)


def test_raw_base64_is_sent_as_given_minus_whitespace() -> None:
    text = b64(make_png(300, 300))
    assert encode_image(text, field="image", limits=LIMITS) is text
    wrapped = "\n".join(text[i : i + 76] for i in range(0, len(text), 76)) + "\n"
    assert encode_image(f"  {wrapped}", field="image", limits=LIMITS) == text


def test_raw_base64_spanning_several_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kling_ext._inputs.BASE64_CHUNK_CHARS", 16)
    text = b64(make_jpeg(400, 400, exif=300))  # the frame header lies beyond the first chunks
    assert encode_image(text, field="image", limits=LIMITS) == text


def test_padding_in_a_middle_chunk_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kling_ext._inputs.BASE64_CHUNK_CHARS", 8)
    text = b64(make_png(300, 300))
    with pytest.raises(ValidationError, match="padding"):
        encode_image(text[:4] + "AA==" + text[8:], field="image", limits=LIMITS)


@pytest.mark.parametrize(
    "text",
    ["not base64!", "abcde", "iVBO$RwK", "cat.png", "-_-_"],
    ids=["punctuation", "length", "symbol", "missing-file", "urlsafe"],
)
def test_invalid_base64_is_rejected(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        encode_image(text, field="image", limits=LIMITS)
    message = str(info.value)
    assert message.startswith("image: ")
    assert "neither an http(s) URL nor valid Base64" in message


def test_empty_string_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        encode_image("  \n", field="image", limits=LIMITS)


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"expected str, bytes or os\.PathLike"):
        encode_image(42, field="image", limits=LIMITS)  # type: ignore[arg-type]


# --- encode_image: the limits -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"GIF89a" + b"\x00" * 20, "a GIF image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 8, "a WebP image"),
        (b"\x00\x01\x02\x03" * 4, "unrecognised data starting 00 01 02 03 00 01 02 03"),
    ],
    ids=["gif", "webp", "unknown"],
)
def test_unsupported_format_lists_allowed(data: bytes, found: str) -> None:
    with pytest.raises(ValidationError) as info:
        encode_image(data, field="image", limits=LIMITS)
    assert (
        str(info.value) == f"image: {found} is not a supported image format; allowed: JPEG or PNG"
    )
    assert isinstance(info.value, ValueError)


def test_gif_as_base64_is_rejected_too() -> None:
    with pytest.raises(ValidationError, match="a GIF image is not a supported image format"):
        encode_image(b64(b"GIF89a" + b"\x00" * 20), field="image", limits=LIMITS)


def test_format_outside_custom_limits() -> None:
    with pytest.raises(ValidationError, match="JPEG is not accepted here; allowed: PNG"):
        encode_image(
            make_jpeg(400, 400), field="image", limits=ImageLimits(formats=frozenset({"png"}))
        )
    jpg_only = ImageLimits(formats=frozenset({"jpg"}))
    assert encode_image(make_jpeg(400, 400), field="image", limits=jpg_only)


def test_too_big(tmp_path: Path) -> None:
    png = make_png(300, 300)
    small = ImageLimits(max_bytes=len(png) - 1)
    for value in (png, b64(png)):
        with pytest.raises(ValidationError, match="is too large; allowed: at most"):
            encode_image(value, field="image", limits=small)
    file = tmp_path / "big.png"
    file.write_bytes(png)
    with pytest.raises(ValidationError, match=f"{len(png):,} bytes"):
        encode_image(file, field="image", limits=small)
    assert encode_image(png, field="image", limits=ImageLimits(max_bytes=len(png)))


def test_too_small_message() -> None:
    with pytest.raises(ValidationError) as info:
        encode_image(make_png(200, 900), field="image", limits=LIMITS)
    assert str(info.value) == (
        "image: 200x900 px is too small; "
        "allowed: each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1"
    )
    assert info.value.field == "image"


def test_too_large_sides() -> None:
    limits = ImageLimits(max_side=1000)
    with pytest.raises(ValidationError, match=r"1200x900 px is too large; .*between 300 and 1000"):
        encode_image(make_jpeg(1200, 900), field="image", limits=limits)


@pytest.mark.parametrize(
    ("width", "height", "shape"),
    [(1000, 300, "3.33:1"), (300, 900, "1:3")],
    ids=["wide", "tall"],
)
def test_bad_aspect(width: int, height: int, shape: str) -> None:
    with pytest.raises(ValidationError, match=f"has aspect ratio {shape}, which is too elongated"):
        encode_image(make_jpeg(width, height), field="image", limits=LIMITS)


def test_aspect_at_the_limit_is_accepted() -> None:
    assert encode_image(make_jpeg(750, 300), field="image", limits=LIMITS)
    assert encode_image(make_jpeg(300, 750), field="image", limits=LIMITS)


@pytest.mark.parametrize(
    "data",
    [make_jpeg(640, 360)[:40], b"\xff\xd8\xff\xe0\x00\x01", make_png(300, 300)[:20]],
    ids=["jpeg-truncated", "jpeg-bad-length", "png-truncated"],
)
def test_truncated_header(data: bytes) -> None:
    for value in (data, b64(data)):
        with pytest.raises(ValidationError, match="could not read the image dimensions"):
            encode_image(value, field="image", limits=LIMITS)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"formats": frozenset({"gif"})},
        {"formats": frozenset()},
        {"max_bytes": 0},
        {"min_side": 0},
        {"min_side": 300, "max_side": 200},
        {"max_aspect": 0.5},
    ],
    ids=["gif", "no-formats", "max-bytes", "min-side", "max-below-min", "aspect"],
)
def test_limits_validate(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the attrs validators raise plain ValueError
        ImageLimits(**kwargs)  # type: ignore[arg-type]


# --- check_url ----------------------------------------------------------------------------------


def test_check_url_accepts_public_urls() -> None:
    url = "https://cdn.example.com/dance.mp4?sig=1"
    assert check_url(url, field="video_url") is url
    assert check_url("HTTP://example.com/a.mov", field="video_url")


@pytest.mark.parametrize(
    "value",
    ["./dance.mp4", "/home/me/dance.mp4", "C:\\videos\\dance.mp4", "file:///tmp/a.mp4", "dance"],
)
def test_check_url_explains_local_paths(value: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_url(value, field="video_url")
    message = str(info.value)
    assert message.startswith("video_url: ")
    assert "the API fetches the video itself" in message
    assert "public http(s) URL" in message


@pytest.mark.parametrize("value", ["ftp://example.com/a.mp4", "https://", "http:///a.mp4"])
def test_check_url_rejects_other_urls(value: str) -> None:
    with pytest.raises(ValidationError, match="the API fetches the video itself"):
        check_url(value, field="video_url")


def test_check_url_given_a_path_object() -> None:
    with pytest.raises(ValidationError, match="looks like a local file"):
        check_url(Path("dance.mp4"), field="video_url")  # type: ignore[arg-type]


class _Trickle(io.RawIOBase):
    """A binary file object that gives at most `step` bytes per read (a pipe, a socket)."""

    def __init__(self, data: bytes, step: int) -> None:
        self._data, self._step, self._at = data, step, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = self._step if size < 0 else min(size, self._step)
        piece = self._data[self._at : self._at + size]
        self._at += len(piece)
        return piece


@pytest.mark.parametrize("step", [1, 7, 4096])
def test_a_file_object_giving_odd_pieces_is_encoded_whole(step: int) -> None:
    jpeg = make_jpeg(400, 400, exif=300) + b"\x02" * 11
    assert encode_image(_Trickle(jpeg, step), field="image", limits=LIMITS) == b64(jpeg)  # type: ignore[arg-type]


def test_a_file_of_the_wrong_kind_is_refused_after_its_first_piece() -> None:
    endless = _Trickle(b"GIF89a" + b"\x00" * (LIMITS.max_bytes * 2), 65_536)
    with pytest.raises(ValidationError, match="a GIF image is not a supported image format"):
        encode_image(endless, field="image", limits=LIMITS)  # type: ignore[arg-type]
    assert endless._at <= 65_536  # one piece read, not the whole file


def test_a_file_object_over_the_limit_is_refused_unread_past_it() -> None:
    big = _Trickle(make_png(300, 300) + b"\x00" * LIMITS.max_bytes, 1 << 20)
    with pytest.raises(ValidationError, match="holds more than 10,485,760 bytes"):
        encode_image(big, field="image", limits=LIMITS)  # type: ignore[arg-type]
    assert big._at == LIMITS.max_bytes + 1


def test_a_text_file_object_is_refused() -> None:
    with pytest.raises(ValidationError, match="gives str, not bytes"):
        encode_image(io.StringIO("iVBORw0KGgo"), field="image", limits=LIMITS)  # type: ignore[arg-type]
