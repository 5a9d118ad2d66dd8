from typing import Literal

CustomElementRequestReferenceType = Literal["image_refer", "video_refer"]

CUSTOM_ELEMENT_REQUEST_REFERENCE_TYPE_VALUES: set[CustomElementRequestReferenceType] = {
    "image_refer",
    "video_refer",
}


def check_custom_element_request_reference_type(
    value: str,
) -> CustomElementRequestReferenceType:
    if value in CUSTOM_ELEMENT_REQUEST_REFERENCE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CUSTOM_ELEMENT_REQUEST_REFERENCE_TYPE_VALUES!r}"
    )
