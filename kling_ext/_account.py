"""The account's resource packs, read from the `account-costs` call (`GET /account/costs`).

Pure: `resource_packs_query` makes the call's arguments, `read_packs` reads its answer; the clients'
`resource_packs()` sends it. The remaining quantities lag: the docs say the figure is updated
with a delay of up to 12 hours, so a pack may read non-empty while creates already fail with
1102 (pack used up). `kling batch` keeps stopping at the first 1101/1102 whatever it reads.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._exceptions import ValidationError
from ._task import CallResult, _text, parse_timestamp

ACCOUNT_COSTS = "account-costs"
"""The spec's name of the call that lists the packs."""

DEFAULT_WINDOW_DAYS = 365
"""How far back `resource_packs()` looks for packs bought, when not told."""


@attrs.frozen(kw_only=True)
class ResourcePack:
    """One resource pack of the account, as `GET /account/costs` describes it.

    `remaining` lags by up to 12 hours (the docs' caveat): it is an upper bound of what is
    left, never a promise that a create will be accepted.
    """

    name: str | None = None
    id: str | None = None
    type: str | None = None
    """`decreasing_total` or `constant_period` (another text if the API adds one)."""
    total: float | None = None
    remaining: float | None = None
    status: str | None = None
    """`toBeOnline`, `online`, `expired` or `runOut`."""
    purchased_at: datetime | None = None
    effective_at: datetime | None = None
    expires_at: datetime | None = None

    @property
    def usable(self) -> bool:
        """In effect with something left (as far as the lagging figure tells)."""
        return self.status == "online" and (self.remaining or 0) > 0


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def read_packs(result: CallResult) -> list[ResourcePack]:
    """The packs an `account-costs` answer lists, read leniently (a missing field is None)."""
    data = result.data if isinstance(result.data, Mapping) else {}
    items = data.get("resource_pack_subscribe_infos")
    return [
        ResourcePack(
            name=_text(item.get("resource_pack_name")),
            id=_text(item.get("resource_pack_id")),
            type=_text(item.get("resource_pack_type")),
            total=_number(item.get("total_quantity")),
            remaining=_number(item.get("remaining_quantity")),
            status=_text(item.get("status")),
            purchased_at=parse_timestamp(item.get("purchase_time")),
            effective_at=parse_timestamp(item.get("effective_time")),
            expires_at=parse_timestamp(item.get("invalid_time")),
        )
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, Mapping)
    ]


def _millis(moment: datetime | float, field: str) -> int:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValidationError(field, "is a naive datetime", "an aware datetime (tzinfo set)")
        return int(moment.timestamp() * 1000)
    if isinstance(moment, bool) or not isinstance(moment, int | float):
        raise ValidationError(field, f"{moment!r} is not allowed", "a datetime or Unix seconds")
    return int(moment * 1000)


def resource_packs_query(
    since: datetime | float | None, until: datetime | float | None, name: str | None
) -> dict[str, Any]:
    """The `account-costs` arguments for packs bought between `since` and `until` (datetimes
    or Unix seconds; by default the last `DEFAULT_WINDOW_DAYS` days)."""
    end = _millis(time.time() if until is None else until, "until")
    start = end - DEFAULT_WINDOW_DAYS * 86_400_000 if since is None else _millis(since, "since")
    query: dict[str, Any] = {"start_time": max(start, 0), "end_time": end}
    if name is not None:
        query["resource_pack_name"] = name
    return query
