from typing import Literal

MultiElementsRequestDuration = Literal["10", "5"]

MULTI_ELEMENTS_REQUEST_DURATION_VALUES: set[MultiElementsRequestDuration] = {
    "10",
    "5",
}


def check_multi_elements_request_duration(value: str) -> MultiElementsRequestDuration:
    if value in MULTI_ELEMENTS_REQUEST_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_ELEMENTS_REQUEST_DURATION_VALUES!r}"
    )
