from typing import Literal

Text2VideoRequestModelName = Literal[
    "kling-v1",
    "kling-v1-6",
    "kling-v2-1-master",
    "kling-v2-5-turbo",
    "kling-v2-6",
    "kling-v2-master",
    "kling-v3",
]

TEXT_2_VIDEO_REQUEST_MODEL_NAME_VALUES: set[Text2VideoRequestModelName] = {
    "kling-v1",
    "kling-v1-6",
    "kling-v2-1-master",
    "kling-v2-5-turbo",
    "kling-v2-6",
    "kling-v2-master",
    "kling-v3",
}


def check_text_2_video_request_model_name(value: str) -> Text2VideoRequestModelName:
    if value in TEXT_2_VIDEO_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TEXT_2_VIDEO_REQUEST_MODEL_NAME_VALUES!r}"
    )
