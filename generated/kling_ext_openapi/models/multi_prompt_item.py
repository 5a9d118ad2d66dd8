from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MultiPromptItem")


@_attrs_define
class MultiPromptItem:
    """One shot of a customised storyboard."""

    index: int
    """ The shot's position, from 1. """
    prompt: str
    """ What happens in this shot. """
    duration: str
    """ The shot's length in whole seconds, as a string; the shots' lengths must add up to `duration`. """

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        prompt = self.prompt

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

        duration = d.pop("duration")

        multi_prompt_item = cls(
            index=index,
            prompt=prompt,
            duration=duration,
        )

        return multi_prompt_item
