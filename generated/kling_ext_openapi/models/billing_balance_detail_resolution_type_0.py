from typing import Literal

BillingBalanceDetailResolutionType0 = Literal["1080p", "4k", "720p"]

BILLING_BALANCE_DETAIL_RESOLUTION_TYPE_0_VALUES: set[
    BillingBalanceDetailResolutionType0
] = {
    "1080p",
    "4k",
    "720p",
}


def check_billing_balance_detail_resolution_type_0(
    value: str,
) -> BillingBalanceDetailResolutionType0:
    if value in BILLING_BALANCE_DETAIL_RESOLUTION_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_BALANCE_DETAIL_RESOLUTION_TYPE_0_VALUES!r}"
    )
