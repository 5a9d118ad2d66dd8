from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.omni_video_refer_type import (
    OmniVideoReferType,
    check_omni_video_refer_type,
)
from ..models.yes_no import YesNo, check_yes_no
from ..types import UNSET, Unset

T = TypeVar("T", bound="OmniVideo")


@_attrs_define
class OmniVideo:
    video_url: str
    """ An absolute `http://` or `https://` URL with a host and no whitespace (kling-ext's rule for
    every URL field, so a typo is refused before the API fetches nothing).
     """
    refer_type: OmniVideoReferType | Unset = UNSET
    """ `feature`: a reference (next/previous shot, style, camera); `base`: edit this video. Default `base`. """
    keep_original_sound: YesNo | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        video_url = self.video_url

        refer_type: str | Unset = UNSET
        if not isinstance(self.refer_type, Unset):
            refer_type = self.refer_type

        keep_original_sound: str | Unset = UNSET
        if not isinstance(self.keep_original_sound, Unset):
            keep_original_sound = self.keep_original_sound

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "video_url": video_url,
            }
        )
        if refer_type is not UNSET:
            field_dict["refer_type"] = refer_type
        if keep_original_sound is not UNSET:
            field_dict["keep_original_sound"] = keep_original_sound

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        video_url = d.pop("video_url")

        _refer_type = d.pop("refer_type", UNSET)
        refer_type: OmniVideoReferType | Unset
        if isinstance(_refer_type, Unset):
            refer_type = UNSET
        else:
            refer_type = check_omni_video_refer_type(_refer_type)

        _keep_original_sound = d.pop("keep_original_sound", UNSET)
        keep_original_sound: YesNo | Unset
        if isinstance(_keep_original_sound, Unset):
            keep_original_sound = UNSET
        else:
            keep_original_sound = check_yes_no(_keep_original_sound)

        omni_video = cls(
            video_url=video_url,
            refer_type=refer_type,
            keep_original_sound=keep_original_sound,
        )

        return omni_video
