from typing import Literal

KnownTaskStatus = Literal["failed", "processing", "submitted", "succeed"]

KNOWN_TASK_STATUS_VALUES: set[KnownTaskStatus] = {
    "failed",
    "processing",
    "submitted",
    "succeed",
}


def check_known_task_status(value: str) -> KnownTaskStatus:
    if value in KNOWN_TASK_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KNOWN_TASK_STATUS_VALUES!r}"
    )
