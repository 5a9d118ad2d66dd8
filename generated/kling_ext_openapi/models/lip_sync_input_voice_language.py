from typing import Literal

LipSyncInputVoiceLanguage = Literal["en", "zh"]

LIP_SYNC_INPUT_VOICE_LANGUAGE_VALUES: set[LipSyncInputVoiceLanguage] = {
    "en",
    "zh",
}


def check_lip_sync_input_voice_language(value: str) -> LipSyncInputVoiceLanguage:
    if value in LIP_SYNC_INPUT_VOICE_LANGUAGE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIP_SYNC_INPUT_VOICE_LANGUAGE_VALUES!r}"
    )
