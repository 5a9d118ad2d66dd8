from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LipSyncFace")


@_attrs_define
class LipSyncFace:
    """The face to animate and the audio it speaks. Times are in milliseconds: the audio is cut to
    `sound_start_time`–`sound_end_time` (at least 2 s, within the audio) and inserted into the
    video at `sound_insert_time`, overlapping the face's time on screen by at least 2 s.

    """

    face_id: str
    """ A face of the identify-face answer (`face_data[].face_id`). """
    sound_start_time: int
    """ Where the cut of the audio starts, in ms from the audio's start. """
    sound_end_time: int
    """ Where the cut of the audio ends, in ms from the audio's start; not after its end. """
    sound_insert_time: int
    """ Where the cut audio starts in the video, in ms from the video's start. """
    audio_id: str | Unset = UNSET
    """ An audio made by text-to-speech within the last 30 days, 2–60 s long. Excludes `sound_file`. """
    sound_file: str | Unset = UNSET
    """ An audio file: a publicly reachable URL, or the raw Base64 of the file without a `data:`
    prefix. .mp3/.wav/.m4a/.aac, at most 5 MB; how long it may last depends on the endpoint.
     """
    sound_volume: float | Unset = 1.0
    """ Volume of the inserted audio, 0–2 (higher is louder). Default 1. """
    original_audio_volume: float | Unset = 1.0
    """ Volume of the video's own sound, 0–2 (no effect on a silent video). Default 1. """

    def to_dict(self) -> dict[str, Any]:
        face_id = self.face_id

        sound_start_time = self.sound_start_time

        sound_end_time = self.sound_end_time

        sound_insert_time = self.sound_insert_time

        audio_id = self.audio_id

        sound_file: str | Unset
        if isinstance(self.sound_file, Unset):
            sound_file = UNSET
        else:
            sound_file = self.sound_file

        sound_volume = self.sound_volume

        original_audio_volume = self.original_audio_volume

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "face_id": face_id,
                "sound_start_time": sound_start_time,
                "sound_end_time": sound_end_time,
                "sound_insert_time": sound_insert_time,
            }
        )
        if audio_id is not UNSET:
            field_dict["audio_id"] = audio_id
        if sound_file is not UNSET:
            field_dict["sound_file"] = sound_file
        if sound_volume is not UNSET:
            field_dict["sound_volume"] = sound_volume
        if original_audio_volume is not UNSET:
            field_dict["original_audio_volume"] = original_audio_volume

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        face_id = d.pop("face_id")

        sound_start_time = d.pop("sound_start_time")

        sound_end_time = d.pop("sound_end_time")

        sound_insert_time = d.pop("sound_insert_time")

        audio_id = d.pop("audio_id", UNSET)

        def _parse_sound_file(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        sound_file = _parse_sound_file(d.pop("sound_file", UNSET))

        sound_volume = d.pop("sound_volume", UNSET)

        original_audio_volume = d.pop("original_audio_volume", UNSET)

        lip_sync_face = cls(
            face_id=face_id,
            sound_start_time=sound_start_time,
            sound_end_time=sound_end_time,
            sound_insert_time=sound_insert_time,
            audio_id=audio_id,
            sound_file=sound_file,
            sound_volume=sound_volume,
            original_audio_volume=original_audio_volume,
        )

        return lip_sync_face
