from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_balance_filter import BillingBalanceFilter


T = TypeVar("T", bound="BillingBalanceRequest")


@_attrs_define
class BillingBalanceRequest:
    """Which balance deductions to list: by task creation time (`start_time`, `end_time`), or
    the next page (`cursor`).

    """

    start_time: int | Unset = UNSET
    """ Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is
    given; ignored when it is. `start_time` must be earlier than `end_time`.
     """
    end_time: int | Unset = UNSET
    """ Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is
    given; ignored when it is. `start_time` must be earlier than `end_time`.
     """
    limit: int | Unset = UNSET
    """ How many tasks to return, at most 500 (the default). Ignored when `cursor` is given. """
    filters: list[BillingBalanceFilter] | Unset = UNSET
    """ Filters: values of one key are ORed, different keys are ANDed. Ignored when `cursor`
    is given.
     """
    cursor: str | Unset = UNSET
    """ The `next_cursor` of the previous answer, for the next page. When given (non-empty), it
    overrides every other field (`start_time`, `end_time`, `filters`, `limit`).
     """

    def to_dict(self) -> dict[str, Any]:
        start_time = self.start_time

        end_time = self.end_time

        limit = self.limit

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)

        cursor = self.cursor

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if limit is not UNSET:
            field_dict["limit"] = limit
        if filters is not UNSET:
            field_dict["filters"] = filters
        if cursor is not UNSET:
            field_dict["cursor"] = cursor

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_balance_filter import BillingBalanceFilter

        d = dict(src_dict)
        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        limit = d.pop("limit", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: list[BillingBalanceFilter] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = BillingBalanceFilter.from_dict(filters_item_data)

                filters.append(filters_item)

        cursor = d.pop("cursor", UNSET)

        billing_balance_request = cls(
            start_time=start_time,
            end_time=end_time,
            limit=limit,
            filters=filters,
            cursor=cursor,
        )

        return billing_balance_request
