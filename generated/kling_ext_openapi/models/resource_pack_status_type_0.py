from typing import Literal

ResourcePackStatusType0 = Literal["expired", "online", "runOut", "toBeOnline"]

RESOURCE_PACK_STATUS_TYPE_0_VALUES: set[ResourcePackStatusType0] = {
    "expired",
    "online",
    "runOut",
    "toBeOnline",
}


def check_resource_pack_status_type_0(value: str) -> ResourcePackStatusType0:
    if value in RESOURCE_PACK_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESOURCE_PACK_STATUS_TYPE_0_VALUES!r}"
    )
