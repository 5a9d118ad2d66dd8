"""The bundled sample video, and a cheap check that bytes are an MP4 file.

The mock gateway answers finished tasks with ``_data/sample.mp4``: one second of a 160x90 test
pattern, H.264 / yuv420p with the ``moov`` box first (``+faststart``), about 7 KB, so downloads in
tests are real, playable videos without costing time or space. It was made with the ffmpeg
binary bundled in ``imageio-ffmpeg`` (not a dependency)::

    ffmpeg -f lavfi -i testsrc2=size=160x90:rate=24 -t 1 -an -c:v libx264 -pix_fmt yuv420p
        -preset veryslow -crf 35 -movflags +faststart -map_metadata -1 -fflags +bitexact
        -flags:v +bitexact sample.mp4
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import struct
import wave
import zlib

__all__ = [
    "looks_like_mp4",
    "sample_audio_bytes",
    "sample_image_bytes",
    "sample_media_type",
    "sample_video_bytes",
    "sniff_extension",
]


@functools.cache
def sample_video_bytes() -> bytes:
    """Return the bundled sample video.

    Returns:
        The bytes of ``kling_ext/_data/sample.mp4``, read once and cached.
    """
    return (importlib.resources.files("kling_ext") / "_data" / "sample.mp4").read_bytes()


def looks_like_mp4(data: bytes) -> bool:
    """Tell whether bytes look like a complete MP4/MOV file.

    Only the top-level box headers are read: the file must start with an ``ftyp`` box and contain
    a ``moov`` box (the index a player needs), which also rejects a download cut off before it.

    Args:
        data: The file's bytes.

    Returns:
        ``True`` if both boxes are present.
    """
    if data[4:8] != b"ftyp":
        return False
    pos, end = 0, len(data)
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        if kind == b"moov":
            return True
        if size == 1:
            # A 64-bit size follows the type, for boxes over 4 GiB (usually mdat).
            if pos + 16 > end:
                return False
            (size,) = struct.unpack_from(">Q", data, pos + 8)
        elif size == 0:
            return False  # the box runs to the end of the file, so no moov follows
        if size < 8:
            return False
        pos += size
    return False


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.cache
def sample_image_bytes(fmt: str = "png") -> bytes:
    """A tiny image the mock gateway serves for image tasks, made here, not stored.

    Args:
        fmt: ``png`` (16x16, a colour gradient) or ``jpeg`` (8x8 mid grey: a baseline JPEG
            whose one block has no coefficients, the smallest a decoder accepts).
    """
    if fmt == "png":
        rows = b"".join(
            b"\x00" + b"".join(bytes((x * 16, y * 16, 128)) for x in range(16)) for y in range(16)
        )
        header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)  # 8-bit RGB
        return (
            b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(rows, 9))
            + _png_chunk(b"IEND", b"")
        )
    one_code = bytes([1] + [0] * 15) + b"\x00"  # one Huffman code of 1 bit, for symbol 0
    return b"".join(
        [
            b"\xff\xd8",  # SOI
            b"\xff\xdb\x00\x43\x00" + b"\x01" * 64,  # DQT: table 0, all ones
            b"\xff\xc0\x00\x0b\x08\x00\x08\x00\x08\x01\x01\x11\x00",  # SOF0: 8x8, grey
            b"\xff\xc4\x00\x14\x00" + one_code,  # DHT: DC table 0
            b"\xff\xc4\x00\x14\x10" + one_code,  # DHT: AC table 0
            b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00",  # SOS
            b"\x3f",  # DC difference 0, then end of block; padded with ones
            b"\xff\xd9",  # EOI
        ]
    )


@functools.cache
def sample_audio_bytes(fmt: str = "mp3") -> bytes:
    """A short silent track the mock gateway serves for audio tasks, made here, not stored.

    Args:
        fmt: ``mp3`` (ten MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz mono: about a quarter
            of a second) or ``wav`` (a quarter of a second of 8 kHz 16-bit mono PCM).
    """
    if fmt == "mp3":
        frame = b"\xff\xfb\x90\xc0" + b"\x00" * (417 - 4)  # 144 * 128000 / 44100 bytes
        return frame * 10
    out = io.BytesIO()
    with wave.open(out, "wb") as track:
        track.setnchannels(1)
        track.setsampwidth(2)
        track.setframerate(8000)
        track.writeframes(b"\x00\x00" * 2000)
    return out.getvalue()


_MEDIA_TYPES = {
    "mp4": "video/mp4",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "mp3": "audio/mpeg",
    "wav": "audio/wav",
}


def sample_media_type(fmt: str) -> str:
    """The Content-Type of a sample format (``png`` → ``image/png``)."""
    return _MEDIA_TYPES[fmt]


def sniff_extension(data: bytes) -> str | None:
    """The file extension the first bytes show (``.mp4``, ``.png``, ``.jpg``, ``.webp``,
    ``.mp3``, ``.wav``), or None."""
    if data[4:8] == b"ftyp":
        return ".mp4"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return ".webp"
    if data.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return ".wav"
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return ".mp3"
    return None
