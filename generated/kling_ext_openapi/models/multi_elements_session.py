from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_deduction import BalanceDeduction
    from ..models.multi_elements_session_res import MultiElementsSessionRes


T = TypeVar("T", bound="MultiElementsSession")


@_attrs_define
class MultiElementsSession:
    """A session's answer. Every step answers `status` (0, or a refusal code), `session_id` and
    the units deducted; init-selection adds the parsed video, add- and delete-selection the
    frame's masks (`res.frame_index`, `res.rle_mask_list`), preview-selection the preview's
    URLs (`res.video`, `res.video_cover`, `res.tracking_output`).

    """

    status: int | Unset = UNSET
    """ 0, or a code saying why the video or marks were refused. """
    session_id: str | Unset = UNSET
    """ The session, valid for 24 hours. """
    final_unit_deduction: str | Unset = UNSET
    """ Units charged. """
    final_balance_deduction: BalanceDeduction | Unset = UNSET
    fps: float | Unset = UNSET
    """ Frame rate of the parsed video (init-selection). """
    original_duration: int | Unset = UNSET
    """ Duration of the parsed video (init-selection). """
    width: int | Unset = UNSET
    """ Width of the parsed video (init-selection). """
    height: int | Unset = UNSET
    """ Height of the parsed video (init-selection). """
    total_frame: int | Unset = UNSET
    """ Frames of the parsed video (init-selection). """
    normalized_video: str | Unset = UNSET
    """ The prepared video (init-selection). """
    res: MultiElementsSessionRes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        session_id = self.session_id

        final_unit_deduction = self.final_unit_deduction

        final_balance_deduction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.final_balance_deduction, Unset):
            final_balance_deduction = self.final_balance_deduction.to_dict()

        fps = self.fps

        original_duration = self.original_duration

        width = self.width

        height = self.height

        total_frame = self.total_frame

        normalized_video = self.normalized_video

        res: dict[str, Any] | Unset = UNSET
        if not isinstance(self.res, Unset):
            res = self.res.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if final_unit_deduction is not UNSET:
            field_dict["final_unit_deduction"] = final_unit_deduction
        if final_balance_deduction is not UNSET:
            field_dict["final_balance_deduction"] = final_balance_deduction
        if fps is not UNSET:
            field_dict["fps"] = fps
        if original_duration is not UNSET:
            field_dict["original_duration"] = original_duration
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if total_frame is not UNSET:
            field_dict["total_frame"] = total_frame
        if normalized_video is not UNSET:
            field_dict["normalized_video"] = normalized_video
        if res is not UNSET:
            field_dict["res"] = res

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_deduction import BalanceDeduction
        from ..models.multi_elements_session_res import MultiElementsSessionRes

        d = dict(src_dict)
        status = d.pop("status", UNSET)

        session_id = d.pop("session_id", UNSET)

        final_unit_deduction = d.pop("final_unit_deduction", UNSET)

        _final_balance_deduction = d.pop("final_balance_deduction", UNSET)
        final_balance_deduction: BalanceDeduction | Unset
        if isinstance(_final_balance_deduction, Unset):
            final_balance_deduction = UNSET
        else:
            final_balance_deduction = BalanceDeduction.from_dict(
                _final_balance_deduction
            )

        fps = d.pop("fps", UNSET)

        original_duration = d.pop("original_duration", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        total_frame = d.pop("total_frame", UNSET)

        normalized_video = d.pop("normalized_video", UNSET)

        _res = d.pop("res", UNSET)
        res: MultiElementsSessionRes | Unset
        if isinstance(_res, Unset):
            res = UNSET
        else:
            res = MultiElementsSessionRes.from_dict(_res)

        multi_elements_session = cls(
            status=status,
            session_id=session_id,
            final_unit_deduction=final_unit_deduction,
            final_balance_deduction=final_balance_deduction,
            fps=fps,
            original_duration=original_duration,
            width=width,
            height=height,
            total_frame=total_frame,
            normalized_video=normalized_video,
            res=res,
        )

        multi_elements_session.additional_properties = d
        return multi_elements_session

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
