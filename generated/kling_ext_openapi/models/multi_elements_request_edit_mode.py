from typing import Literal

MultiElementsRequestEditMode = Literal["addition", "removal", "swap"]

MULTI_ELEMENTS_REQUEST_EDIT_MODE_VALUES: set[MultiElementsRequestEditMode] = {
    "addition",
    "removal",
    "swap",
}


def check_multi_elements_request_edit_mode(value: str) -> MultiElementsRequestEditMode:
    if value in MULTI_ELEMENTS_REQUEST_EDIT_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_ELEMENTS_REQUEST_EDIT_MODE_VALUES!r}"
    )
