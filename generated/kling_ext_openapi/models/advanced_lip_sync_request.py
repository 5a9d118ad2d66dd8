from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lip_sync_face import LipSyncFace
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="AdvancedLipSyncRequest")


@_attrs_define
class AdvancedLipSyncRequest:
    """A lip-sync task on a face of an identify-face session."""

    session_id: str
    """ The `session_id` of the identify-face answer. """
    face_choose: list[LipSyncFace]
    """ The face to animate, with its audio. One face per task ("currently only supports one person"). """
    watermark_info: WatermarkInfo | Unset = UNSET
    """ Also produce a watermarked copy (`watermark_url` in the result). """
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
        session_id = self.session_id

        face_choose = []
        for face_choose_item_data in self.face_choose:
            face_choose_item = face_choose_item_data.to_dict()
            face_choose.append(face_choose_item)

        watermark_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watermark_info, Unset):
            watermark_info = self.watermark_info.to_dict()

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "session_id": session_id,
                "face_choose": face_choose,
            }
        )
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lip_sync_face import LipSyncFace
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        session_id = d.pop("session_id")

        face_choose = []
        _face_choose = d.pop("face_choose")
        for face_choose_item_data in _face_choose:
            face_choose_item = LipSyncFace.from_dict(face_choose_item_data)

            face_choose.append(face_choose_item)

        _watermark_info = d.pop("watermark_info", UNSET)
        watermark_info: WatermarkInfo | Unset
        if isinstance(_watermark_info, Unset):
            watermark_info = UNSET
        else:
            watermark_info = WatermarkInfo.from_dict(_watermark_info)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        advanced_lip_sync_request = cls(
            session_id=session_id,
            face_choose=face_choose,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return advanced_lip_sync_request
