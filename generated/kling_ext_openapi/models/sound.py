from typing import Literal

Sound = Literal["off", "on"]

SOUND_VALUES: set[Sound] = {
    "off",
    "on",
}


def check_sound(value: str) -> Sound:
    if value in SOUND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SOUND_VALUES!r}")
