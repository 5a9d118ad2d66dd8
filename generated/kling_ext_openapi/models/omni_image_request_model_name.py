from typing import Literal

OmniImageRequestModelName = Literal["kling-image-o1", "kling-v3-omni"]

OMNI_IMAGE_REQUEST_MODEL_NAME_VALUES: set[OmniImageRequestModelName] = {
    "kling-image-o1",
    "kling-v3-omni",
}


def check_omni_image_request_model_name(value: str) -> OmniImageRequestModelName:
    if value in OMNI_IMAGE_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_IMAGE_REQUEST_MODEL_NAME_VALUES!r}"
    )
