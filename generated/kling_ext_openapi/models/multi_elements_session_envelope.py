from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.multi_elements_session import MultiElementsSession


T = TypeVar("T", bound="MultiElementsSessionEnvelope")


@_attrs_define
class MultiElementsSessionEnvelope:
    code: int
    """ 0 on success. """
    message: str
    """ Free text ("success", "SUCCEED"); never branch on it. """
    data: MultiElementsSession
    """ A session's answer. Every step answers `status` (0, or a refusal code), `session_id` and
    the units deducted; init-selection adds the parsed video, add- and delete-selection the
    frame's masks (`res.frame_index`, `res.rle_mask_list`), preview-selection the preview's
    URLs (`res.video`, `res.video_cover`, `res.tracking_output`).
     """
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data = self.data.to_dict()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "data": data,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.multi_elements_session import MultiElementsSession

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = MultiElementsSession.from_dict(d.pop("data"))

        request_id = d.pop("request_id", UNSET)

        multi_elements_session_envelope = cls(
            code=code,
            message=message,
            data=data,
            request_id=request_id,
        )

        multi_elements_session_envelope.additional_properties = d
        return multi_elements_session_envelope

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
