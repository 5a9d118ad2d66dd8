from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MultiPromptItem")


@_attrs_define
class MultiPromptItem:
    """One shot of a customised storyboard."""

    index: int
    """ The shot's position, counted from 1 (as the official examples do). """
    prompt: str
    """ What happens in this shot. """
    duration: int | str
    """ The shot's length in whole seconds. Officially a string; the gateway's example sends a number, so both are
    read, and clients send a string. With `multi_shot` true and `shot_type` `customize`, the shots' lengths must add
    up to `duration` (the `x-kling-rules` sum, which JSON Schema cannot say). """

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        prompt = self.prompt

        duration: int | str
        duration = self.duration

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "index": index,
                "prompt": prompt,
                "duration": duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        prompt = d.pop("prompt")

        def _parse_duration(data: object) -> int | str:
            return cast(int | str, data)

        duration = _parse_duration(d.pop("duration"))

        multi_prompt_item = cls(
            index=index,
            prompt=prompt,
            duration=duration,
        )

        return multi_prompt_item
