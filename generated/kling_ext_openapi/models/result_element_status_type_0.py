from typing import Literal

ResultElementStatusType0 = Literal["deleted", "succeed"]

RESULT_ELEMENT_STATUS_TYPE_0_VALUES: set[ResultElementStatusType0] = {
    "deleted",
    "succeed",
}


def check_result_element_status_type_0(value: str) -> ResultElementStatusType0:
    if value in RESULT_ELEMENT_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESULT_ELEMENT_STATUS_TYPE_0_VALUES!r}"
    )
