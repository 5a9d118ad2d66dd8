from typing import Literal

OmniVideoRequestModelName = Literal["kling-v3-omni", "kling-video-o1"]

OMNI_VIDEO_REQUEST_MODEL_NAME_VALUES: set[OmniVideoRequestModelName] = {
    "kling-v3-omni",
    "kling-video-o1",
}


def check_omni_video_request_model_name(value: str) -> OmniVideoRequestModelName:
    if value in OMNI_VIDEO_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_VIDEO_REQUEST_MODEL_NAME_VALUES!r}"
    )
