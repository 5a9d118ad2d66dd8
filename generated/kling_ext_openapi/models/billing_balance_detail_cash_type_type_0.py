from typing import Literal

BillingBalanceDetailCashTypeType0 = Literal["balance", "test_balance"]

BILLING_BALANCE_DETAIL_CASH_TYPE_TYPE_0_VALUES: set[
    BillingBalanceDetailCashTypeType0
] = {
    "balance",
    "test_balance",
}


def check_billing_balance_detail_cash_type_type_0(
    value: str,
) -> BillingBalanceDetailCashTypeType0:
    if value in BILLING_BALANCE_DETAIL_CASH_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_BALANCE_DETAIL_CASH_TYPE_TYPE_0_VALUES!r}"
    )
