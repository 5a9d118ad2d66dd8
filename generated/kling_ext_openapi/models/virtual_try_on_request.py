from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.virtual_try_on_request_model_name import (
    VirtualTryOnRequestModelName,
    check_virtual_try_on_request_model_name,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="VirtualTryOnRequest")


@_attrs_define
class VirtualTryOnRequest:
    """A virtual try-on task (fields from the update log and public clients; see the operation)."""

    human_image: str
    """ A publicly reachable image URL, or the raw Base64 of the file without a `data:` prefix.
    JPG/JPEG/PNG, at most 10 MB, width and height at least 300 px; no aspect-ratio limit is
    documented for try-on.
     """
    cloth_image: str
    """ A publicly reachable image URL, or the raw Base64 of the file without a `data:` prefix.
    JPG/JPEG/PNG, at most 10 MB, width and height at least 300 px; no aspect-ratio limit is
    documented for try-on.
     """
    model_name: VirtualTryOnRequestModelName | Unset = "kolors-virtual-try-on-v1"
    """ The model: `kolors-virtual-try-on-v1` (the default) or `kolors-virtual-try-on-v1-5`,
    which also takes an "upper + lower" pair in one `cloth_image`. Since Try-On 3.0
    (09/15/2026) both run on the 3.0 pipeline.
     """
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
        human_image: str
        human_image = self.human_image

        cloth_image: str
        cloth_image = self.cloth_image

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "human_image": human_image,
                "cloth_image": cloth_image,
            }
        )
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_human_image(data: object) -> str:
            return cast(str, data)

        human_image = _parse_human_image(d.pop("human_image"))

        def _parse_cloth_image(data: object) -> str:
            return cast(str, data)

        cloth_image = _parse_cloth_image(d.pop("cloth_image"))

        _model_name = d.pop("model_name", UNSET)
        model_name: VirtualTryOnRequestModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = check_virtual_try_on_request_model_name(_model_name)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        virtual_try_on_request = cls(
            human_image=human_image,
            cloth_image=cloth_image,
            model_name=model_name,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return virtual_try_on_request
