from typing import Literal

OmniImageRequestAspectRatio = Literal[
    "16:9", "1:1", "21:9", "2:3", "3:2", "3:4", "4:3", "9:16", "auto"
]

OMNI_IMAGE_REQUEST_ASPECT_RATIO_VALUES: set[OmniImageRequestAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_omni_image_request_aspect_ratio(value: str) -> OmniImageRequestAspectRatio:
    if value in OMNI_IMAGE_REQUEST_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_IMAGE_REQUEST_ASPECT_RATIO_VALUES!r}"
    )
