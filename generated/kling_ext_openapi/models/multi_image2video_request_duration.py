from typing import Literal

MultiImage2VideoRequestDuration = Literal["10", "5"]

MULTI_IMAGE_2_VIDEO_REQUEST_DURATION_VALUES: set[MultiImage2VideoRequestDuration] = {
    "10",
    "5",
}


def check_multi_image_2_video_request_duration(
    value: str,
) -> MultiImage2VideoRequestDuration:
    if value in MULTI_IMAGE_2_VIDEO_REQUEST_DURATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_IMAGE_2_VIDEO_REQUEST_DURATION_VALUES!r}"
    )
