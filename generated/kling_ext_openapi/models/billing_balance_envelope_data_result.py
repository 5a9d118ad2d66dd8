from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_balance_detail import BillingBalanceDetail


T = TypeVar("T", bound="BillingBalanceEnvelopeDataResult")


@_attrs_define
class BillingBalanceEnvelopeDataResult:
    detail: list[BillingBalanceDetail] | Unset = UNSET
    count: int | Unset = UNSET
    """ How many items this answer holds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.detail, Unset):
            detail = []
            for detail_item_data in self.detail:
                detail_item = detail_item_data.to_dict()
                detail.append(detail_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if detail is not UNSET:
            field_dict["detail"] = detail
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_balance_detail import BillingBalanceDetail

        d = dict(src_dict)
        _detail = d.pop("detail", UNSET)
        detail: list[BillingBalanceDetail] | Unset = UNSET
        if _detail is not UNSET:
            detail = []
            for detail_item_data in _detail:
                detail_item = BillingBalanceDetail.from_dict(detail_item_data)

                detail.append(detail_item)

        count = d.pop("count", UNSET)

        billing_balance_envelope_data_result = cls(
            detail=detail,
            count=count,
        )

        billing_balance_envelope_data_result.additional_properties = d
        return billing_balance_envelope_data_result

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
