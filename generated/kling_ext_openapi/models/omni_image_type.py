from typing import Literal

OmniImageType = Literal["end_frame", "first_frame"]

OMNI_IMAGE_TYPE_VALUES: set[OmniImageType] = {
    "end_frame",
    "first_frame",
}


def check_omni_image_type(value: str) -> OmniImageType:
    if value in OMNI_IMAGE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_IMAGE_TYPE_VALUES!r}"
    )
