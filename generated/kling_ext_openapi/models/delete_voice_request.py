from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DeleteVoiceRequest")


@_attrs_define
class DeleteVoiceRequest:
    """Which custom voice to delete."""

    voice_id: str
    """ The custom voice's id (preset voices cannot be deleted). """

    def to_dict(self) -> dict[str, Any]:
        voice_id = self.voice_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "voice_id": voice_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        voice_id = d.pop("voice_id")

        delete_voice_request = cls(
            voice_id=voice_id,
        )

        return delete_voice_request
