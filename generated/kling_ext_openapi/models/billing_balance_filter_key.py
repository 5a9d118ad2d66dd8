from typing import Literal

BillingBalanceFilterKey = Literal["api_key_name"]

BILLING_BALANCE_FILTER_KEY_VALUES: set[BillingBalanceFilterKey] = {
    "api_key_name",
}


def check_billing_balance_filter_key(value: str) -> BillingBalanceFilterKey:
    if value in BILLING_BALANCE_FILTER_KEY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_BALANCE_FILTER_KEY_VALUES!r}"
    )
