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
import struct

__all__ = ["looks_like_mp4", "sample_video_bytes"]


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
