"""Which resource packs a batch needs, and whether the account has them: ``--check-balance``.

Pure: reads the packs ``resource_packs()`` returned, sends nothing. Kling's packs are of
three product types (video, image, virtual try-on, as its billing docs name them); the costs
answer gives no type, so a pack's type is read from its name ("Video Generation - ...").
A pack counts when it is usable (``online`` with units left). The remaining amount lags (up to
12 h, the docs say): a usable-looking pack may be used up, so the batch still stops creating at
the first 1101/1102; an empty-looking pack is taken at its word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kling_ext import ResourcePack
from kling_ext._spec import endpoint

__all__ = ["PACK_TYPES", "missing_packs", "pack_type", "pack_types_needed"]

PACK_TYPES: Mapping[str, tuple[str, ...]] = {
    "try-on": ("try-on", "try on", "tryon"),
    "image": ("image",),
    "video": ("video",),
}
"""Each product type, and the words of a pack's name that say it (tried in this order)."""


def pack_type(pack: ResourcePack) -> str | None:
    """The product type a pack's name says (``video``, ``image``, ``try-on``), else None."""
    name = (pack.name or "").lower()
    return next((kind for kind, words in PACK_TYPES.items() if any(w in name for w in words)), None)


def pack_types_needed(kinds: Iterable[str]) -> set[str]:
    """The product types the jobs of these endpoints draw on (an empty set: any pack).

    Virtual try-on draws on try-on packs, other image endpoints on image packs, video
    endpoints on video packs; audio endpoints have no type of their own.
    """
    needed: set[str] = set()
    for kind in kinds:
        ep = endpoint(kind)
        if "try-on" in ep.kind or "try_on" in ep.attr:
            needed.add("try-on")
        elif ep.output == "images":
            needed.add("image")
        elif ep.output == "videos":
            needed.add("video")
    return needed


def missing_packs(packs: Sequence[ResourcePack], needed: set[str]) -> list[str]:
    """What the account lacks for the batch, in words; empty when it may start.

    A type the batch needs lacks when no pack of that type is usable; when the account's packs
    name no type at all, any usable pack will do.
    """
    typed = {pack_type(pack) for pack in packs} - {None}
    if not needed or not typed:
        return [] if any(pack.usable for pack in packs) else ["no resource pack has units left"]
    found = {pack_type(pack) for pack in packs if pack.usable}
    return [f"no {kind} resource pack has units left" for kind in sorted(needed - found)]
