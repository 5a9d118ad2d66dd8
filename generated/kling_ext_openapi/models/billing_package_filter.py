from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.billing_package_filter_key import (
    BillingPackageFilterKey,
    check_billing_package_filter_key,
)

T = TypeVar("T", bound="BillingPackageFilter")


@_attrs_define
class BillingPackageFilter:
    key: BillingPackageFilterKey
    """ The dimension: `api_key_name` (the API key's name), `product_type` (the pack's type:
    `video`, `image` or `try-on`), `package_name` or `package_id`.
     """
    values: list[str]
    """ The values to match; any of them matches (OR). """

    def to_dict(self) -> dict[str, Any]:
        key: str = self.key

        values = self.values

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = check_billing_package_filter_key(d.pop("key"))

        values = cast(list[str], d.pop("values"))

        billing_package_filter = cls(
            key=key,
            values=values,
        )

        return billing_package_filter
