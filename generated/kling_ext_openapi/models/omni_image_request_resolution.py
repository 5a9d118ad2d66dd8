from typing import Literal

OmniImageRequestResolution = Literal["1k", "2k", "4k"]

OMNI_IMAGE_REQUEST_RESOLUTION_VALUES: set[OmniImageRequestResolution] = {
    "1k",
    "2k",
    "4k",
}


def check_omni_image_request_resolution(value: str) -> OmniImageRequestResolution:
    if value in OMNI_IMAGE_REQUEST_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_IMAGE_REQUEST_RESOLUTION_VALUES!r}"
    )
