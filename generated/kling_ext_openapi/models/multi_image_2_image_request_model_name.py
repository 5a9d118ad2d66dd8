from typing import Literal

MultiImage2ImageRequestModelName = Literal["kling-v2-1"]

MULTI_IMAGE_2_IMAGE_REQUEST_MODEL_NAME_VALUES: set[MultiImage2ImageRequestModelName] = {
    "kling-v2-1",
}


def check_multi_image_2_image_request_model_name(
    value: str,
) -> MultiImage2ImageRequestModelName:
    if value in MULTI_IMAGE_2_IMAGE_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_IMAGE_2_IMAGE_REQUEST_MODEL_NAME_VALUES!r}"
    )
