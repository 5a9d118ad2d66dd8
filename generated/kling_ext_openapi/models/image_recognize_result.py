from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_deduction import BalanceDeduction
    from ..models.image_recognize_result_task_result import (
        ImageRecognizeResultTaskResult,
    )


T = TypeVar("T", bound="ImageRecognizeResult")


@_attrs_define
class ImageRecognizeResult:
    final_unit_deduction: str | Unset = UNSET
    """ Units charged. """
    final_balance_deduction: BalanceDeduction | Unset = UNSET
    task_result: ImageRecognizeResultTaskResult | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        final_unit_deduction = self.final_unit_deduction

        final_balance_deduction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.final_balance_deduction, Unset):
            final_balance_deduction = self.final_balance_deduction.to_dict()

        task_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_result, Unset):
            task_result = self.task_result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if final_unit_deduction is not UNSET:
            field_dict["final_unit_deduction"] = final_unit_deduction
        if final_balance_deduction is not UNSET:
            field_dict["final_balance_deduction"] = final_balance_deduction
        if task_result is not UNSET:
            field_dict["task_result"] = task_result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_deduction import BalanceDeduction
        from ..models.image_recognize_result_task_result import (
            ImageRecognizeResultTaskResult,
        )

        d = dict(src_dict)
        final_unit_deduction = d.pop("final_unit_deduction", UNSET)

        _final_balance_deduction = d.pop("final_balance_deduction", UNSET)
        final_balance_deduction: BalanceDeduction | Unset
        if isinstance(_final_balance_deduction, Unset):
            final_balance_deduction = UNSET
        else:
            final_balance_deduction = BalanceDeduction.from_dict(
                _final_balance_deduction
            )

        _task_result = d.pop("task_result", UNSET)
        task_result: ImageRecognizeResultTaskResult | Unset
        if isinstance(_task_result, Unset):
            task_result = UNSET
        else:
            task_result = ImageRecognizeResultTaskResult.from_dict(_task_result)

        image_recognize_result = cls(
            final_unit_deduction=final_unit_deduction,
            final_balance_deduction=final_balance_deduction,
            task_result=task_result,
        )

        image_recognize_result.additional_properties = d
        return image_recognize_result

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
