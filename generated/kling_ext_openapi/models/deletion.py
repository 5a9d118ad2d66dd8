from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.known_task_status import KnownTaskStatus, check_known_task_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="Deletion")


@_attrs_define
class Deletion:
    """What a delete answers."""

    task_id: int | str | Unset = UNSET
    """ The task's id. Officially a string (numeric-looking, e.g. "867283741759111202", or older
    base64-like ids); ids have been seen as bare JSON numbers of 15+ digits, so both are read.
    Treat it as opaque text: read a number as its decimal digits, without loss.
     """
    task_status: KnownTaskStatus | str | Unset = UNSET
    """ `submitted` and `processing` are running; `succeed` (spelled so) and `failed` are final.
    Open: a value a gateway adds tomorrow parses as a plain string.
     """
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if task_status is not UNSET:
            field_dict["task_status"] = task_status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
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

        deletion = cls(
            task_id=task_id,
            task_status=task_status,
        )

        deletion.additional_properties = d
        return deletion

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
