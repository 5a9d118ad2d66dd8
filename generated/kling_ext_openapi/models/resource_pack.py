from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resource_pack_resource_pack_type_type_0 import (
    ResourcePackResourcePackTypeType0,
    check_resource_pack_resource_pack_type_type_0,
)
from ..models.resource_pack_status_type_0 import (
    ResourcePackStatusType0,
    check_resource_pack_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcePack")


@_attrs_define
class ResourcePack:
    """One resource pack of the account."""

    resource_pack_name: str | Unset = UNSET
    """ The pack's name, e.g. "Video Generation - 10,000 entries". """
    resource_pack_id: str | Unset = UNSET
    resource_pack_type: ResourcePackResourcePackTypeType0 | str | Unset = UNSET
    """ `decreasing_total` (a total that decreases) or `constant_period` (a constant amount per period). """
    total_quantity: float | Unset = UNSET
    """ What the pack held. """
    remaining_quantity: float | Unset = UNSET
    """ What remains. The docs warn that this figure lags by up to 12 hours. """
    purchase_time: int | Unset = UNSET
    """ Unix time in milliseconds (official API) or seconds (some gateways). """
    effective_time: int | Unset = UNSET
    """ Unix time in milliseconds (official API) or seconds (some gateways). """
    invalid_time: int | Unset = UNSET
    """ Unix time in milliseconds (official API) or seconds (some gateways). """
    status: ResourcePackStatusType0 | str | Unset = UNSET
    """ `toBeOnline` (not yet in effect), `online` (in effect), `expired` or `runOut` (used up). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource_pack_name = self.resource_pack_name

        resource_pack_id = self.resource_pack_id

        resource_pack_type: str | Unset
        if isinstance(self.resource_pack_type, Unset):
            resource_pack_type = UNSET
        elif isinstance(self.resource_pack_type, str):
            resource_pack_type = self.resource_pack_type
        else:
            resource_pack_type = self.resource_pack_type

        total_quantity = self.total_quantity

        remaining_quantity = self.remaining_quantity

        purchase_time = self.purchase_time

        effective_time = self.effective_time

        invalid_time = self.invalid_time

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if resource_pack_name is not UNSET:
            field_dict["resource_pack_name"] = resource_pack_name
        if resource_pack_id is not UNSET:
            field_dict["resource_pack_id"] = resource_pack_id
        if resource_pack_type is not UNSET:
            field_dict["resource_pack_type"] = resource_pack_type
        if total_quantity is not UNSET:
            field_dict["total_quantity"] = total_quantity
        if remaining_quantity is not UNSET:
            field_dict["remaining_quantity"] = remaining_quantity
        if purchase_time is not UNSET:
            field_dict["purchase_time"] = purchase_time
        if effective_time is not UNSET:
            field_dict["effective_time"] = effective_time
        if invalid_time is not UNSET:
            field_dict["invalid_time"] = invalid_time
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resource_pack_name = d.pop("resource_pack_name", UNSET)

        resource_pack_id = d.pop("resource_pack_id", UNSET)

        def _parse_resource_pack_type(
            data: object,
        ) -> ResourcePackResourcePackTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resource_pack_type_type_0 = (
                    check_resource_pack_resource_pack_type_type_0(data)
                )

                return resource_pack_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResourcePackResourcePackTypeType0 | str | Unset, data)

        resource_pack_type = _parse_resource_pack_type(
            d.pop("resource_pack_type", UNSET)
        )

        total_quantity = d.pop("total_quantity", UNSET)

        remaining_quantity = d.pop("remaining_quantity", UNSET)

        purchase_time = d.pop("purchase_time", UNSET)

        effective_time = d.pop("effective_time", UNSET)

        invalid_time = d.pop("invalid_time", UNSET)

        def _parse_status(data: object) -> ResourcePackStatusType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_resource_pack_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResourcePackStatusType0 | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        resource_pack = cls(
            resource_pack_name=resource_pack_name,
            resource_pack_id=resource_pack_id,
            resource_pack_type=resource_pack_type,
            total_quantity=total_quantity,
            remaining_quantity=remaining_quantity,
            purchase_time=purchase_time,
            effective_time=effective_time,
            invalid_time=invalid_time,
            status=status,
        )

        resource_pack.additional_properties = d
        return resource_pack

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
