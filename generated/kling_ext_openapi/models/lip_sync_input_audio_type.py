from typing import Literal

LipSyncInputAudioType = Literal["file", "url"]

LIP_SYNC_INPUT_AUDIO_TYPE_VALUES: set[LipSyncInputAudioType] = {
    "file",
    "url",
}


def check_lip_sync_input_audio_type(value: str) -> LipSyncInputAudioType:
    if value in LIP_SYNC_INPUT_AUDIO_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIP_SYNC_INPUT_AUDIO_TYPE_VALUES!r}"
    )
