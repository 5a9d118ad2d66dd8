from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.lip_sync_input_audio_type import (
    LipSyncInputAudioType,
    check_lip_sync_input_audio_type,
)
from ..models.lip_sync_input_mode import LipSyncInputMode, check_lip_sync_input_mode
from ..models.lip_sync_input_voice_language import (
    LipSyncInputVoiceLanguage,
    check_lip_sync_input_voice_language,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="LipSyncInput")


@_attrs_define
class LipSyncInput:
    """The video (exactly one of `video_id` and `video_url`) and what it says: a text and a
    preset voice (`mode` `text2video`), or an audio (`mode` `audio2video`).

    """

    mode: LipSyncInputMode
    """ `text2video`: speak `text` with a preset voice; `audio2video`: speak an audio. """
    video_id: str | Unset = UNSET
    """ The id of a video Kling generated within the last 30 days. Excludes `video_url`. """
    video_url: str | Unset = UNSET
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """
    text: str | Unset = UNSET
    """ What to say (`text2video`), at most 120 characters. """
    voice_id: str | Unset = UNSET
    """ A preset lip-sync voice (`text2video`), e.g. `oversea_male1`; Kling lists them on its voice page. """
    voice_language: LipSyncInputVoiceLanguage | Unset = "en"
    """ The voice's language (`text2video`). Default `en`. """
    voice_speed: float | Unset = 1.0
    """ Speech rate (`text2video`), 0.8–2.0. Default 1.0. """
    audio_type: LipSyncInputAudioType | Unset = UNSET
    """ `audio2video`: the audio comes as `audio_file` (`file`) or `audio_url` (`url`). """
    audio_file: str | Unset = UNSET
    audio_url: str | Unset = UNSET
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """

    def to_dict(self) -> dict[str, Any]:
        mode: str = self.mode

        video_id = self.video_id

        video_url = self.video_url

        text = self.text

        voice_id = self.voice_id

        voice_language: str | Unset = UNSET
        if not isinstance(self.voice_language, Unset):
            voice_language = self.voice_language

        voice_speed = self.voice_speed

        audio_type: str | Unset = UNSET
        if not isinstance(self.audio_type, Unset):
            audio_type = self.audio_type

        audio_file = self.audio_file

        audio_url = self.audio_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
            }
        )
        if video_id is not UNSET:
            field_dict["video_id"] = video_id
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if text is not UNSET:
            field_dict["text"] = text
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if voice_language is not UNSET:
            field_dict["voice_language"] = voice_language
        if voice_speed is not UNSET:
            field_dict["voice_speed"] = voice_speed
        if audio_type is not UNSET:
            field_dict["audio_type"] = audio_type
        if audio_file is not UNSET:
            field_dict["audio_file"] = audio_file
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mode = check_lip_sync_input_mode(d.pop("mode"))

        video_id = d.pop("video_id", UNSET)

        video_url = d.pop("video_url", UNSET)

        text = d.pop("text", UNSET)

        voice_id = d.pop("voice_id", UNSET)

        _voice_language = d.pop("voice_language", UNSET)
        voice_language: LipSyncInputVoiceLanguage | Unset
        if isinstance(_voice_language, Unset):
            voice_language = UNSET
        else:
            voice_language = check_lip_sync_input_voice_language(_voice_language)

        voice_speed = d.pop("voice_speed", UNSET)

        _audio_type = d.pop("audio_type", UNSET)
        audio_type: LipSyncInputAudioType | Unset
        if isinstance(_audio_type, Unset):
            audio_type = UNSET
        else:
            audio_type = check_lip_sync_input_audio_type(_audio_type)

        audio_file = d.pop("audio_file", UNSET)

        audio_url = d.pop("audio_url", UNSET)

        lip_sync_input = cls(
            mode=mode,
            video_id=video_id,
            video_url=video_url,
            text=text,
            voice_id=voice_id,
            voice_language=voice_language,
            voice_speed=voice_speed,
            audio_type=audio_type,
            audio_file=audio_file,
            audio_url=audio_url,
        )

        return lip_sync_input
