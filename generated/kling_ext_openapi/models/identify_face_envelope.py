from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.identify_face_result import IdentifyFaceResult


T = TypeVar("T", bound="IdentifyFaceEnvelope")


@_attrs_define
class IdentifyFaceEnvelope:
    code: int
    """ 0 on success. """
    message: str
    """ Free text ("success", "SUCCEED"); never branch on it. """
    data: IdentifyFaceResult
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
        from ..models.identify_face_result import IdentifyFaceResult

        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = IdentifyFaceResult.from_dict(d.pop("data"))

        request_id = d.pop("request_id", UNSET)

        identify_face_envelope = cls(
            code=code,
            message=message,
            data=data,
            request_id=request_id,
        )

        identify_face_envelope.additional_properties = d
        return identify_face_envelope

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
