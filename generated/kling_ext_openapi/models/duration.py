from typing import Literal

Duration = Literal[
    "10", "11", "12", "13", "14", "15", "3", "4", "5", "6", "7", "8", "9"
]

DURATION_VALUES: set[Duration] = {
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
}


def check_duration(value: str) -> Duration:
    if value in DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DURATION_VALUES!r}")
