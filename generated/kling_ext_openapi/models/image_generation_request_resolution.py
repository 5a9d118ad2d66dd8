from typing import Literal

ImageGenerationRequestResolution = Literal["1k", "2k"]

IMAGE_GENERATION_REQUEST_RESOLUTION_VALUES: set[ImageGenerationRequestResolution] = {
    "1k",
    "2k",
}


def check_image_generation_request_resolution(
    value: str,
) -> ImageGenerationRequestResolution:
    if value in IMAGE_GENERATION_REQUEST_RESOLUTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GENERATION_REQUEST_RESOLUTION_VALUES!r}"
    )
