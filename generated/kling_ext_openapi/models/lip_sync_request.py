from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lip_sync_input import LipSyncInput


T = TypeVar("T", bound="LipSyncRequest")


@_attrs_define
class LipSyncRequest:
    """A lip-sync task of the older one-step API (see the operation for its source)."""

    input_: LipSyncInput
    """ The video (exactly one of `video_id` and `video_url`) and what it says: a text and a
    preset voice (`mode` `text2video`), or an audio (`mode` `audio2video`).
     """
    callback_url: str | Unset = UNSET
    """ Where the server POSTs the task object whenever its status changes. An empty string means
    none (the gateway's examples send `""`).
     """

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_.to_dict()

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "input": input_,
            }
        )
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lip_sync_input import LipSyncInput

        d = dict(src_dict)
        input_ = LipSyncInput.from_dict(d.pop("input"))

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        lip_sync_request = cls(
            input_=input_,
            callback_url=callback_url,
        )

        return lip_sync_request
