from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resource_pack import ResourcePack


T = TypeVar("T", bound="AccountCosts")


@_attrs_define
class AccountCosts:
    """The account's resource packs. (The docs nest a second `code`/`msg` pair here.)"""

    code: int | Unset = UNSET
    """ 0 on success. """
    msg: str | Unset = UNSET
    resource_pack_subscribe_infos: list[ResourcePack] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msg = self.msg

        resource_pack_subscribe_infos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resource_pack_subscribe_infos, Unset):
            resource_pack_subscribe_infos = []
            for (
                resource_pack_subscribe_infos_item_data
            ) in self.resource_pack_subscribe_infos:
                resource_pack_subscribe_infos_item = (
                    resource_pack_subscribe_infos_item_data.to_dict()
                )
                resource_pack_subscribe_infos.append(resource_pack_subscribe_infos_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if msg is not UNSET:
            field_dict["msg"] = msg
        if resource_pack_subscribe_infos is not UNSET:
            field_dict["resource_pack_subscribe_infos"] = resource_pack_subscribe_infos

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.resource_pack import ResourcePack

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        msg = d.pop("msg", UNSET)

        _resource_pack_subscribe_infos = d.pop("resource_pack_subscribe_infos", UNSET)
        resource_pack_subscribe_infos: list[ResourcePack] | Unset = UNSET
        if _resource_pack_subscribe_infos is not UNSET:
            resource_pack_subscribe_infos = []
            for (
                resource_pack_subscribe_infos_item_data
            ) in _resource_pack_subscribe_infos:
                resource_pack_subscribe_infos_item = ResourcePack.from_dict(
                    resource_pack_subscribe_infos_item_data
                )

                resource_pack_subscribe_infos.append(resource_pack_subscribe_infos_item)

        account_costs = cls(
            code=code,
            msg=msg,
            resource_pack_subscribe_infos=resource_pack_subscribe_infos,
        )

        account_costs.additional_properties = d
        return account_costs

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
