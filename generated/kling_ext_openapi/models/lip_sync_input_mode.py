from typing import Literal

LipSyncInputMode = Literal["audio2video", "text2video"]

LIP_SYNC_INPUT_MODE_VALUES: set[LipSyncInputMode] = {
    "audio2video",
    "text2video",
}


def check_lip_sync_input_mode(value: str) -> LipSyncInputMode:
    if value in LIP_SYNC_INPUT_MODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIP_SYNC_INPUT_MODE_VALUES!r}"
    )
