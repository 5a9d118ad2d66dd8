from typing import Literal

ShotType = Literal["customize", "intelligence"]

SHOT_TYPE_VALUES: set[ShotType] = {
    "customize",
    "intelligence",
}


def check_shot_type(value: str) -> ShotType:
    if value in SHOT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOT_TYPE_VALUES!r}")
