from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_deduction import BalanceDeduction
    from ..models.face_data import FaceData


T = TypeVar("T", bound="IdentifyFaceResult")


@_attrs_define
class IdentifyFaceResult:
    session_id: str | Unset = UNSET
    """ The session to pass to advanced-lip-sync; it stays the same while faces are chosen. """
    final_unit_deduction: str | Unset = UNSET
    """ Units charged. """
    final_balance_deduction: BalanceDeduction | Unset = UNSET
    face_data: list[FaceData] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        final_unit_deduction = self.final_unit_deduction

        final_balance_deduction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.final_balance_deduction, Unset):
            final_balance_deduction = self.final_balance_deduction.to_dict()

        face_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.face_data, Unset):
            face_data = []
            for face_data_item_data in self.face_data:
                face_data_item = face_data_item_data.to_dict()
                face_data.append(face_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if final_unit_deduction is not UNSET:
            field_dict["final_unit_deduction"] = final_unit_deduction
        if final_balance_deduction is not UNSET:
            field_dict["final_balance_deduction"] = final_balance_deduction
        if face_data is not UNSET:
            field_dict["face_data"] = face_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_deduction import BalanceDeduction
        from ..models.face_data import FaceData

        d = dict(src_dict)
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

        _face_data = d.pop("face_data", UNSET)
        face_data: list[FaceData] | Unset = UNSET
        if _face_data is not UNSET:
            face_data = []
            for face_data_item_data in _face_data:
                face_data_item = FaceData.from_dict(face_data_item_data)

                face_data.append(face_data_item)

        identify_face_result = cls(
            session_id=session_id,
            final_unit_deduction=final_unit_deduction,
            final_balance_deduction=final_balance_deduction,
            face_data=face_data,
        )

        identify_face_result.additional_properties = d
        return identify_face_result

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
