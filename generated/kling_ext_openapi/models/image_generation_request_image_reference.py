from typing import Literal

ImageGenerationRequestImageReference = Literal["face", "subject"]

IMAGE_GENERATION_REQUEST_IMAGE_REFERENCE_VALUES: set[
    ImageGenerationRequestImageReference
] = {
    "face",
    "subject",
}


def check_image_generation_request_image_reference(
    value: str,
) -> ImageGenerationRequestImageReference:
    if value in IMAGE_GENERATION_REQUEST_IMAGE_REFERENCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GENERATION_REQUEST_IMAGE_REFERENCE_VALUES!r}"
    )
