from typing import Literal

TextToSpeechRequestVoiceLanguage = Literal["en", "zh"]

TEXT_TO_SPEECH_REQUEST_VOICE_LANGUAGE_VALUES: set[TextToSpeechRequestVoiceLanguage] = {
    "en",
    "zh",
}


def check_text_to_speech_request_voice_language(
    value: str,
) -> TextToSpeechRequestVoiceLanguage:
    if value in TEXT_TO_SPEECH_REQUEST_VOICE_LANGUAGE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {TEXT_TO_SPEECH_REQUEST_VOICE_LANGUAGE_VALUES!r}"
    )
