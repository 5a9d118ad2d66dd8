from typing import Literal

ResourcePackResourcePackTypeType0 = Literal["constant_period", "decreasing_total"]

RESOURCE_PACK_RESOURCE_PACK_TYPE_TYPE_0_VALUES: set[
    ResourcePackResourcePackTypeType0
] = {
    "constant_period",
    "decreasing_total",
}


def check_resource_pack_resource_pack_type_type_0(
    value: str,
) -> ResourcePackResourcePackTypeType0:
    if value in RESOURCE_PACK_RESOURCE_PACK_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESOURCE_PACK_RESOURCE_PACK_TYPE_TYPE_0_VALUES!r}"
    )
