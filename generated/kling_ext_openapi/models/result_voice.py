from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResultVoice")


@_attrs_define
class ResultVoice:
    """A voice, as voice tasks, preset lists and elements give it."""

    voice_id: str | Unset = UNSET
    """ The voice's globally unique id. """
    voice_name: str | Unset = UNSET
    trial_url: str | Unset = UNSET
    """ A sample to listen to. """
    owned_by: str | Unset = UNSET
    """ `kling` for the official library; otherwise the creator's id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voice_id = self.voice_id

        voice_name = self.voice_name

        trial_url = self.trial_url

        owned_by = self.owned_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if voice_name is not UNSET:
            field_dict["voice_name"] = voice_name
        if trial_url is not UNSET:
            field_dict["trial_url"] = trial_url
        if owned_by is not UNSET:
            field_dict["owned_by"] = owned_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        voice_id = d.pop("voice_id", UNSET)

        voice_name = d.pop("voice_name", UNSET)

        trial_url = d.pop("trial_url", UNSET)

        owned_by = d.pop("owned_by", UNSET)

        result_voice = cls(
            voice_id=voice_id,
            voice_name=voice_name,
            trial_url=trial_url,
            owned_by=owned_by,
        )

        result_voice.additional_properties = d
        return result_voice

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
