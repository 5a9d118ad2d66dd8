from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomVoiceRequest")


@_attrs_define
class CustomVoiceRequest:
    """A custom-voice (voice clone) task."""

    voice_name: str
    """ The voice's name. At most 20 characters. """
    voice_url: str | Unset = UNSET
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """
    video_id: str | Unset = UNSET
    """ A video Kling generated, as the sample: a kling-v2-6 video made with `sound` on, or an
    Avatar or Lip-Sync video; 5–30 s of one clean human voice. An empty string means none.
     """
    callback_url: str | Unset = UNSET
    """ Where the server POSTs the task object whenever its status changes. An empty string means
    none (the gateway's examples send `""`).
     """
    external_task_id: str | Unset = UNSET
    """ The caller's own id for the task. Must be unique within the account; the task can then be
    queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that
    a create whose answer was lost can be found instead of paid for twice. An empty string
    means none.
     """

    def to_dict(self) -> dict[str, Any]:
        voice_name = self.voice_name

        voice_url = self.voice_url

        video_id = self.video_id

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "voice_name": voice_name,
            }
        )
        if voice_url is not UNSET:
            field_dict["voice_url"] = voice_url
        if video_id is not UNSET:
            field_dict["video_id"] = video_id
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        voice_name = d.pop("voice_name")

        voice_url = d.pop("voice_url", UNSET)

        video_id = d.pop("video_id", UNSET)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        custom_voice_request = cls(
            voice_name=voice_name,
            voice_url=voice_url,
            video_id=video_id,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return custom_voice_request
