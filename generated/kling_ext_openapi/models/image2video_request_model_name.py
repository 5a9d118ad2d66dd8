from typing import Literal

Image2VideoRequestModelName = Literal[
    "kling-v1",
    "kling-v1-5",
    "kling-v1-6",
    "kling-v2-1",
    "kling-v2-1-master",
    "kling-v2-5-turbo",
    "kling-v2-6",
    "kling-v2-master",
    "kling-v3",
]

IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES: set[Image2VideoRequestModelName] = {
    "kling-v1",
    "kling-v1-5",
    "kling-v1-6",
    "kling-v2-1",
    "kling-v2-1-master",
    "kling-v2-5-turbo",
    "kling-v2-6",
    "kling-v2-master",
    "kling-v3",
}


def check_image_2_video_request_model_name(value: str) -> Image2VideoRequestModelName:
    if value in IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {IMAGE_2_VIDEO_REQUEST_MODEL_NAME_VALUES!r}"
    )
