from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_balance_envelope_data_result import (
        BillingBalanceEnvelopeDataResult,
    )


T = TypeVar("T", bound="BillingBalanceEnvelopeData")


@_attrs_define
class BillingBalanceEnvelopeData:
    result: BillingBalanceEnvelopeDataResult | Unset = UNSET
    next_cursor: str | Unset = UNSET
    """ Pass as `cursor` for the next page. """
    has_more: bool | Unset = UNSET
    """ Whether more pages follow. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        next_cursor = self.next_cursor

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if has_more is not UNSET:
            field_dict["has_more"] = has_more

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_balance_envelope_data_result import (
            BillingBalanceEnvelopeDataResult,
        )

        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: BillingBalanceEnvelopeDataResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = BillingBalanceEnvelopeDataResult.from_dict(_result)

        next_cursor = d.pop("next_cursor", UNSET)

        has_more = d.pop("has_more", UNSET)

        billing_balance_envelope_data = cls(
            result=result,
            next_cursor=next_cursor,
            has_more=has_more,
        )

        billing_balance_envelope_data.additional_properties = d
        return billing_balance_envelope_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
