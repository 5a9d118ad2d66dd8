from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultAudio")


@_attrs_define
class ResultAudio:
    """One generated audio track, offered as MP3 and WAV (`url_mp3`, `url_wav`), or as one `url` (text-to-speech)."""

    id: str | Unset = UNSET
    """ The audio's globally unique id. """
    url_mp3: str | Unset = UNSET
    """ The MP3 file (kept for 30 days). """
    url_wav: str | Unset = UNSET
    """ The WAV file (kept for 30 days). """
    duration_mp3: float | str | Unset = UNSET
    """ Length of the MP3 in seconds. """
    duration_wav: float | str | Unset = UNSET
    """ Length of the WAV in seconds. """
    url: str | Unset = UNSET
    """ The file, where the answer gives one URL only (text-to-speech: MP3). """
    duration: float | str | Unset = UNSET
    """ Length in seconds, with `url`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url_mp3 = self.url_mp3

        url_wav = self.url_wav

        duration_mp3: float | str | Unset
        if isinstance(self.duration_mp3, Unset):
            duration_mp3 = UNSET
        else:
            duration_mp3 = self.duration_mp3

        duration_wav: float | str | Unset
        if isinstance(self.duration_wav, Unset):
            duration_wav = UNSET
        else:
            duration_wav = self.duration_wav

        url = self.url

        duration: float | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url_mp3 is not UNSET:
            field_dict["url_mp3"] = url_mp3
        if url_wav is not UNSET:
            field_dict["url_wav"] = url_wav
        if duration_mp3 is not UNSET:
            field_dict["duration_mp3"] = duration_mp3
        if duration_wav is not UNSET:
            field_dict["duration_wav"] = duration_wav
        if url is not UNSET:
            field_dict["url"] = url
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url_mp3 = d.pop("url_mp3", UNSET)

        url_wav = d.pop("url_wav", UNSET)

        def _parse_duration_mp3(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration_mp3 = _parse_duration_mp3(d.pop("duration_mp3", UNSET))

        def _parse_duration_wav(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration_wav = _parse_duration_wav(d.pop("duration_wav", UNSET))

        url = d.pop("url", UNSET)

        def _parse_duration(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        result_audio = cls(
            id=id,
            url_mp3=url_mp3,
            url_wav=url_wav,
            duration_mp3=duration_mp3,
            duration_wav=duration_wav,
            url=url,
            duration=duration,
        )

        result_audio.additional_properties = d
        return result_audio

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
