from typing import Literal

OmniVideoReferType = Literal["base", "feature"]

OMNI_VIDEO_REFER_TYPE_VALUES: set[OmniVideoReferType] = {
    "base",
    "feature",
}


def check_omni_video_refer_type(value: str) -> OmniVideoReferType:
    if value in OMNI_VIDEO_REFER_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {OMNI_VIDEO_REFER_TYPE_VALUES!r}"
    )
