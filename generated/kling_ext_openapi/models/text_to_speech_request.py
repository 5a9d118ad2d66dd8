from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.text_to_speech_request_voice_language import (
    TextToSpeechRequestVoiceLanguage,
    check_text_to_speech_request_voice_language,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TextToSpeechRequest")


@_attrs_define
class TextToSpeechRequest:
    """A text-to-speech request (synchronous)."""

    text: str
    """ The text to speak. At most 1000 characters; the API also checks its content. """
    voice_id: str
    """ A voice id, e.g. `oversea_male1`; the official voice guide lists the voices with their
    ids and languages.
     """
    voice_language: TextToSpeechRequestVoiceLanguage = "zh"
    """ The voice's language, which must match the voice. The docs mark it required and give
    the default `zh`.
     """
    voice_speed: float | Unset = 1.0
    """ Speech rate, 0.8–2.0 with one decimal place. Default 1.0. (The docs say the API rounds a
    value outside the range into it; the spec refuses it, so the mistake is seen.)
     """

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        voice_id = self.voice_id

        voice_language: str = self.voice_language

        voice_speed = self.voice_speed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "voice_id": voice_id,
                "voice_language": voice_language,
            }
        )
        if voice_speed is not UNSET:
            field_dict["voice_speed"] = voice_speed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text")

        voice_id = d.pop("voice_id")

        voice_language = check_text_to_speech_request_voice_language(
            d.pop("voice_language")
        )

        voice_speed = d.pop("voice_speed", UNSET)

        text_to_speech_request = cls(
            text=text,
            voice_id=voice_id,
            voice_language=voice_language,
            voice_speed=voice_speed,
        )

        return text_to_speech_request
