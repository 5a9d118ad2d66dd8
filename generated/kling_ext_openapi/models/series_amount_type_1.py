from typing import Literal

SeriesAmountType1 = Literal["auto"]

SERIES_AMOUNT_TYPE_1_VALUES: set[SeriesAmountType1] = {
    "auto",
}


def check_series_amount_type_1(value: str) -> SeriesAmountType1:
    if value in SERIES_AMOUNT_TYPE_1_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {SERIES_AMOUNT_TYPE_1_VALUES!r}"
    )
