from typing import Literal

MotionControlRequestModelName = Literal["kling-v2-6", "kling-v3"]

MOTION_CONTROL_REQUEST_MODEL_NAME_VALUES: set[MotionControlRequestModelName] = {
    "kling-v2-6",
    "kling-v3",
}


def check_motion_control_request_model_name(
    value: str,
) -> MotionControlRequestModelName:
    if value in MOTION_CONTROL_REQUEST_MODEL_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MOTION_CONTROL_REQUEST_MODEL_NAME_VALUES!r}"
    )
