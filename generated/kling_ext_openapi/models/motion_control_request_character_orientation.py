from typing import Literal

MotionControlRequestCharacterOrientation = Literal["image", "video"]

MOTION_CONTROL_REQUEST_CHARACTER_ORIENTATION_VALUES: set[
    MotionControlRequestCharacterOrientation
] = {
    "image",
    "video",
}


def check_motion_control_request_character_orientation(
    value: str,
) -> MotionControlRequestCharacterOrientation:
    if value in MOTION_CONTROL_REQUEST_CHARACTER_ORIENTATION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MOTION_CONTROL_REQUEST_CHARACTER_ORIENTATION_VALUES!r}"
    )
