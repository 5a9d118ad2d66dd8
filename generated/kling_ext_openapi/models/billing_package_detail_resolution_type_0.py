from typing import Literal

BillingPackageDetailResolutionType0 = Literal["1080p", "4k", "720p"]

BILLING_PACKAGE_DETAIL_RESOLUTION_TYPE_0_VALUES: set[
    BillingPackageDetailResolutionType0
] = {
    "1080p",
    "4k",
    "720p",
}


def check_billing_package_detail_resolution_type_0(
    value: str,
) -> BillingPackageDetailResolutionType0:
    if value in BILLING_PACKAGE_DETAIL_RESOLUTION_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_PACKAGE_DETAIL_RESOLUTION_TYPE_0_VALUES!r}"
    )
