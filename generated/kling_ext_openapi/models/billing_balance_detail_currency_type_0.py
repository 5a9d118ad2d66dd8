from typing import Literal

BillingBalanceDetailCurrencyType0 = Literal["CNY", "USD"]

BILLING_BALANCE_DETAIL_CURRENCY_TYPE_0_VALUES: set[
    BillingBalanceDetailCurrencyType0
] = {
    "CNY",
    "USD",
}


def check_billing_balance_detail_currency_type_0(
    value: str,
) -> BillingBalanceDetailCurrencyType0:
    if value in BILLING_BALANCE_DETAIL_CURRENCY_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_BALANCE_DETAIL_CURRENCY_TYPE_0_VALUES!r}"
    )
