from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TextToAudioRequest")


@_attrs_define
class TextToAudioRequest:
    """A text-to-audio task (sound effects from a prompt)."""

    prompt: str
    """ What the sound is. At most 200 characters. """
    duration: float
    """ Length of the audio in seconds, 3.0–10.0, with at most one decimal place (e.g. 3, 5.5). """
    external_task_id: str | Unset = UNSET
    """ The caller's own id for the task. Must be unique within the account; the task can then be
    queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that
    a create whose answer was lost can be found instead of paid for twice. An empty string
    means none.
     """
    callback_url: str | Unset = UNSET
    """ Where the server POSTs the task object whenever its status changes. An empty string means
    none (the gateway's examples send `""`).
     """

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        duration = self.duration

        external_task_id = self.external_task_id

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prompt": prompt,
                "duration": duration,
            }
        )
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        duration = d.pop("duration")

        external_task_id = d.pop("external_task_id", UNSET)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        text_to_audio_request = cls(
            prompt=prompt,
            duration=duration,
            external_task_id=external_task_id,
            callback_url=callback_url,
        )

        return text_to_audio_request
