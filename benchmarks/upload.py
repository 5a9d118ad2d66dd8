"""5. Upload encoding: a ~10 MB PNG into an image2video request body.

Subject: the way a user's ``client.image2video.create(image=Path(...))`` takes to the bytes on
the wire: ``prepare_body("image2video", {"image": Path(...), "prompt": "x"})`` (read, check,
Base64, validate the body), then ``Context.request`` and reading its body as httpx sends it.
Baseline (issue 18.4): the bare way, ``json.dumps({"image": base64.b64encode(open(path,
"rb").read()).decode(), "prompt": "x"}).encode()``. Reported: the time ratio (target <= 1x),
``prepare_body`` alone against ``b64encode`` alone, and the tracemalloc peak of each as a
multiple of the file size (target <= 2x: the Base64 itself is 1.33x).

The PNG is valid and incompressible: random RGB rows stored with zlib level 0, 1825x1825 px,
just under 10 MB (the documented limit is 10 MiB).
"""

from __future__ import annotations

import base64
import json
import os
import struct
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._common import API_KEY, BASE_URL, Result, Section, gc_quiet, median

MEMORY_TARGET = 2.0  # issue 18.4: peak <= 2x the file size
TIME_TARGET = 1.0  # issue 18.4: body from a Path no slower than b64encode + json.dumps
SIDE = 1825  # 3 * 1825**2 + 1825 filter bytes + framing = 9.997 MB, under 10 MiB
QUICK_SIDE = 400


def write_png(path: Path, side: int) -> int:
    """Write a ``side`` x ``side`` RGB PNG of random pixels stored uncompressed; return its size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    row = side * 3
    pixels = os.urandom(row * side)
    raw = b"".join(b"\x00" + pixels[y * row : (y + 1) * row] for y in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 0))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)
    return len(png)


def _peak(fn: Callable[[], Any]) -> int:
    """Bytes tracemalloc saw at the peak of ``fn()``, above what was allocated before."""
    with gc_quiet():
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            result = fn()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    del result
    return peak - before


def _seconds(fn: Callable[[], Any]) -> float:
    with gc_quiet():
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
    del result
    return elapsed


def run(quick: bool = False) -> Section:
    """Time and trace both; ``quick`` uses a small PNG and two repetitions."""
    from kling_ext import Kling
    from kling_ext._prepare import prepare_body

    with Kling(api_key=API_KEY, base_url=BASE_URL) as client:
        context = client._context  # builds requests; this benchmark sends nothing

    side, reps = (QUICK_SIDE, 2) if quick else (SIDE, 7)
    section = Section("upload")
    with tempfile.TemporaryDirectory(prefix="kling-bench-") as folder:
        path = Path(folder) / "image.png"
        size = write_png(path, side)

        def baseline() -> bytes:
            with open(path, "rb") as file:
                return base64.b64encode(file.read())

        def baseline_body() -> bytes:
            with open(path, "rb") as file:
                image = base64.b64encode(file.read()).decode("ascii")
            return json.dumps({"image": image, "prompt": "x"}).encode()

        def subject() -> dict[str, Any]:
            return prepare_body("image2video", {"image": path, "prompt": "x"})

        def subject_body() -> bytes:
            body = prepare_body("image2video", {"image": path, "prompt": "x"})
            request = context.request("POST", "/v1/videos/image2video", json_body=body)
            return b"".join(request.stream)  # what httpx writes

        def subject_serialised() -> int:
            body = prepare_body("image2video", {"image": path, "prompt": "x"})
            request = context.request("POST", "/v1/videos/image2video", json_body=body)
            return sum(len(chunk) for chunk in request.stream)  # what httpx writes, not kept

        if json.loads(subject_body())["image"] != baseline().decode("ascii"):
            raise RuntimeError("the sent Base64 differs from base64.b64encode")

        def interleaved(one: Callable[[], Any], other: Callable[[], Any]) -> tuple[float, ...]:
            """(median time of one, of other, median ratio one/other), alternating which first."""
            one_t, other_t, ratios = [], [], []
            for rep in range(reps):
                if rep % 2:
                    a, b = _seconds(one), _seconds(other)
                else:
                    b, a = _seconds(other), _seconds(one)
                one_t.append(a)
                other_t.append(b)
                ratios.append(a / b)
            return median(one_t), median(other_t), median(ratios)

        body_t, bare_t, body_ratio = interleaved(subject_serialised, baseline_body)
        prep_t, b64_t, prep_ratio = interleaved(subject, baseline)
        base_peak, subj_peak, full_peak = _peak(baseline), _peak(subject), _peak(subject_serialised)

    mb = 1e6
    section.results.append(
        Result(
            name="upload: Path to request body time vs b64encode + json.dumps",
            value=body_t * 1000,
            baseline=bare_t * 1000,
            ratio=body_ratio,
            target=f"<= {TIME_TARGET:g}x",
            met=body_ratio <= TIME_TARGET,
            unit="ms",
        )
    )
    section.results.append(
        Result(
            name="upload: prepare_body(image) time vs b64encode alone",
            value=prep_t * 1000,
            baseline=b64_t * 1000,
            ratio=prep_ratio,
            target=None,
            met=None,
            unit="ms",
        )
    )
    section.results.append(
        Result(
            name="upload: prepare_body(image) peak memory vs file size",
            value=subj_peak / mb,
            baseline=size / mb,
            ratio=subj_peak / size,
            target=f"<= {MEMORY_TARGET:g}x",
            met=subj_peak / size <= MEMORY_TARGET,
            unit="MB",
        )
    )
    section.results.append(
        Result(
            name="upload: b64encode(read()) peak memory vs file size",
            value=base_peak / mb,
            baseline=size / mb,
            ratio=base_peak / size,
            target=None,
            met=None,
            unit="MB",
        )
    )
    section.results.append(
        Result(
            name="upload: prepare_body + sent request body peak vs file size",
            value=full_peak / mb,
            baseline=size / mb,
            ratio=full_peak / size,
            target=f"<= {MEMORY_TARGET:g}x",
            met=full_peak / size <= MEMORY_TARGET,
            unit="MB",
        )
    )
    section.notes.append(
        f"upload: {side}x{side} random RGB PNG, {size:,} bytes; times are the median of {reps} "
        "interleaved runs; peaks are tracemalloc's (Python allocations only)."
    )
    return section
