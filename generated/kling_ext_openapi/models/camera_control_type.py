from typing import Literal

CameraControlType = Literal[
    "down_back", "forward_up", "left_turn_forward", "right_turn_forward", "simple"
]

CAMERA_CONTROL_TYPE_VALUES: set[CameraControlType] = {
    "down_back",
    "forward_up",
    "left_turn_forward",
    "right_turn_forward",
    "simple",
}


def check_camera_control_type(value: str) -> CameraControlType:
    if value in CAMERA_CONTROL_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CAMERA_CONTROL_TYPE_VALUES!r}"
    )
