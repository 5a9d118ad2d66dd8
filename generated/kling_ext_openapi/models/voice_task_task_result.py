from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_voice import ResultVoice


T = TypeVar("T", bound="VoiceTaskTaskResult")


@_attrs_define
class VoiceTaskTaskResult:
    voices: list[ResultVoice] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        voices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.voices, Unset):
            voices = []
            for voices_item_data in self.voices:
                voices_item = voices_item_data.to_dict()
                voices.append(voices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if voices is not UNSET:
            field_dict["voices"] = voices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_voice import ResultVoice

        d = dict(src_dict)
        _voices = d.pop("voices", UNSET)
        voices: list[ResultVoice] | Unset = UNSET
        if _voices is not UNSET:
            voices = []
            for voices_item_data in _voices:
                voices_item = ResultVoice.from_dict(voices_item_data)

                voices.append(voices_item)

        voice_task_task_result = cls(
            voices=voices,
        )

        voice_task_task_result.additional_properties = d
        return voice_task_task_result

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
