from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_task_status import KnownTaskStatus, check_known_task_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_deduction import BalanceDeduction
    from ..models.text_to_speech_result_task_result import TextToSpeechResultTaskResult


T = TypeVar("T", bound="TextToSpeechResult")


@_attrs_define
class TextToSpeechResult:
    """The synthesised speech. The docs shape it like a task, though it is answered at once."""

    task_id: int | str | Unset = UNSET
    """ The task's id. Officially a string (numeric-looking, e.g. "867283741759111202", or older
    base64-like ids); ids have been seen as bare JSON numbers of 15+ digits, so both are read.
    Treat it as opaque text: read a number as its decimal digits, without loss.
     """
    task_status: KnownTaskStatus | str | Unset = UNSET
    """ `submitted` and `processing` are running; `succeed` (spelled so) and `failed` are final.
    Open: a value a gateway adds tomorrow parses as a plain string.
     """
    task_status_msg: str | Unset = UNSET
    """ Why it failed (e.g. a content-policy refusal). """
    task_result: TextToSpeechResultTaskResult | Unset = UNSET
    final_unit_deduction: str | Unset = UNSET
    """ Units charged. """
    final_balance_deduction: BalanceDeduction | Unset = UNSET
    created_at: int | Unset = UNSET
    """ Unix time in milliseconds (official API) or seconds (some gateways). """
    updated_at: int | Unset = UNSET
    """ Unix time in milliseconds (official API) or seconds (some gateways). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: int | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        task_status: str | Unset
        if isinstance(self.task_status, Unset):
            task_status = UNSET
        elif isinstance(self.task_status, str):
            task_status = self.task_status
        else:
            task_status = self.task_status

        task_status_msg = self.task_status_msg

        task_result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.task_result, Unset):
            task_result = self.task_result.to_dict()

        final_unit_deduction = self.final_unit_deduction

        final_balance_deduction: dict[str, Any] | Unset = UNSET
        if not isinstance(self.final_balance_deduction, Unset):
            final_balance_deduction = self.final_balance_deduction.to_dict()

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if task_status is not UNSET:
            field_dict["task_status"] = task_status
        if task_status_msg is not UNSET:
            field_dict["task_status_msg"] = task_status_msg
        if task_result is not UNSET:
            field_dict["task_result"] = task_result
        if final_unit_deduction is not UNSET:
            field_dict["final_unit_deduction"] = final_unit_deduction
        if final_balance_deduction is not UNSET:
            field_dict["final_balance_deduction"] = final_balance_deduction
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.balance_deduction import BalanceDeduction
        from ..models.text_to_speech_result_task_result import (
            TextToSpeechResultTaskResult,
        )

        d = dict(src_dict)

        def _parse_task_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_task_status(data: object) -> KnownTaskStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_task_status_type_0 = check_known_task_status(data)

                return componentsschemas_task_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KnownTaskStatus | str | Unset, data)

        task_status = _parse_task_status(d.pop("task_status", UNSET))

        task_status_msg = d.pop("task_status_msg", UNSET)

        _task_result = d.pop("task_result", UNSET)
        task_result: TextToSpeechResultTaskResult | Unset
        if isinstance(_task_result, Unset):
            task_result = UNSET
        else:
            task_result = TextToSpeechResultTaskResult.from_dict(_task_result)

        final_unit_deduction = d.pop("final_unit_deduction", UNSET)

        _final_balance_deduction = d.pop("final_balance_deduction", UNSET)
        final_balance_deduction: BalanceDeduction | Unset
        if isinstance(_final_balance_deduction, Unset):
            final_balance_deduction = UNSET
        else:
            final_balance_deduction = BalanceDeduction.from_dict(
                _final_balance_deduction
            )

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        text_to_speech_result = cls(
            task_id=task_id,
            task_status=task_status,
            task_status_msg=task_status_msg,
            task_result=task_result,
            final_unit_deduction=final_unit_deduction,
            final_balance_deduction=final_balance_deduction,
            created_at=created_at,
            updated_at=updated_at,
        )

        text_to_speech_result.additional_properties = d
        return text_to_speech_result

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
