from typing import Literal

ImageGenerationRequestModelName = Literal["kling-v2-1", "kling-v3"]

IMAGE_GENERATION_REQUEST_MODEL_NAME_VALUES: set[ImageGenerationRequestModelName] = {
    "kling-v2-1",
    "kling-v3",
}


def check_image_generation_request_model_name(
    value: str,
) -> ImageGenerationRequestModelName:
    if value in IMAGE_GENERATION_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_GENERATION_REQUEST_MODEL_NAME_VALUES!r}"
    )
