from typing import Literal

OmniImageRequestResultType = Literal["series", "single"]

OMNI_IMAGE_REQUEST_RESULT_TYPE_VALUES: set[OmniImageRequestResultType] = {
    "series",
    "single",
}


def check_omni_image_request_result_type(value: str) -> OmniImageRequestResultType:
    if value in OMNI_IMAGE_REQUEST_RESULT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_IMAGE_REQUEST_RESULT_TYPE_VALUES!r}"
    )
