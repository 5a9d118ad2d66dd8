from typing import Literal

ImageAspectRatio = Literal["16:9", "1:1", "21:9", "2:3", "3:2", "3:4", "4:3", "9:16"]

IMAGE_ASPECT_RATIO_VALUES: set[ImageAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_image_aspect_ratio(value: str) -> ImageAspectRatio:
    if value in IMAGE_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_ASPECT_RATIO_VALUES!r}"
    )
