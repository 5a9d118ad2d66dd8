from typing import Literal

MultiImage2VideoRequestModelName = Literal["kling-v1-6"]

MULTI_IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES: set[MultiImage2VideoRequestModelName] = {
    "kling-v1-6",
}


def check_multi_image_2_video_request_model_name(
    value: str,
) -> MultiImage2VideoRequestModelName:
    if value in MULTI_IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES!r}"
    )
