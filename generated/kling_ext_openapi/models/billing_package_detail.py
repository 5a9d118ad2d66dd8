from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_package_detail_product_type_type_0 import (
    BillingPackageDetailProductTypeType0,
    check_billing_package_detail_product_type_type_0,
)
from ..models.billing_package_detail_resolution_type_0 import (
    BillingPackageDetailResolutionType0,
    check_billing_package_detail_resolution_type_0,
)
from ..models.billing_package_detail_video_sound_type_0 import (
    BillingPackageDetailVideoSoundType0,
    check_billing_package_detail_video_sound_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingPackageDetail")


@_attrs_define
class BillingPackageDetail:
    """What one task took from a resource pack."""

    package_id: str | Unset = UNSET
    product_type: BillingPackageDetailProductTypeType0 | str | Unset = UNSET
    """ The pack's type: `video`, `image` or `try-on`. """
    task_id: int | str | Unset = UNSET
    """ The task's id. Officially a string (numeric-looking, e.g. "867283741759111202", or older
    base64-like ids); ids have been seen as bare JSON numbers of 15+ digits, so both are read.
    Treat it as opaque text: read a number as its decimal digits, without loss.
     """
    api_key_name: str | Unset = UNSET
    product_function: str | Unset = UNSET
    """ What the task did, e.g. "Image to Video". """
    model_name: str | Unset = UNSET
    resolution: BillingPackageDetailResolutionType0 | str | Unset = UNSET
    """ `720p`, `1080p` or `4k` (the legacy `mode` maps `std` to 720p and `pro` to 1080p). """
    duration: float | str | Unset = UNSET
    """ Video length in seconds (video tasks only). """
    refer_video_input: bool | Unset = UNSET
    """ Whether a reference video was used (video tasks only). """
    video_sound: BillingPackageDetailVideoSoundType0 | str | Unset = UNSET
    """ `native` (sound generated), `original` (the reference video's sound) or `off` (video tasks only). """
    voice_control: bool | Unset = UNSET
    """ Whether a chosen voice was used (video tasks only). """
    deduction_time: int | str | Unset = UNSET
    """ When it was deducted, Unix time in milliseconds (a string in the docs). """
    unit_before_deduction: float | Unset = UNSET
    deduction_amount: float | Unset = UNSET
    """ Units deducted. """
    unit_after_deduction: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        package_id = self.package_id

        product_type: str | Unset
        if isinstance(self.product_type, Unset):
            product_type = UNSET
        elif isinstance(self.product_type, str):
            product_type = self.product_type
        else:
            product_type = self.product_type

        task_id: int | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        api_key_name = self.api_key_name

        product_function = self.product_function

        model_name = self.model_name

        resolution: str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, str):
            resolution = self.resolution
        else:
            resolution = self.resolution

        duration: float | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        refer_video_input = self.refer_video_input

        video_sound: str | Unset
        if isinstance(self.video_sound, Unset):
            video_sound = UNSET
        elif isinstance(self.video_sound, str):
            video_sound = self.video_sound
        else:
            video_sound = self.video_sound

        voice_control = self.voice_control

        deduction_time: int | str | Unset
        if isinstance(self.deduction_time, Unset):
            deduction_time = UNSET
        else:
            deduction_time = self.deduction_time

        unit_before_deduction = self.unit_before_deduction

        deduction_amount = self.deduction_amount

        unit_after_deduction = self.unit_after_deduction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if package_id is not UNSET:
            field_dict["package_id"] = package_id
        if product_type is not UNSET:
            field_dict["product_type"] = product_type
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if api_key_name is not UNSET:
            field_dict["api_key_name"] = api_key_name
        if product_function is not UNSET:
            field_dict["product_function"] = product_function
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration
        if refer_video_input is not UNSET:
            field_dict["refer_video_input"] = refer_video_input
        if video_sound is not UNSET:
            field_dict["video_sound"] = video_sound
        if voice_control is not UNSET:
            field_dict["voice_control"] = voice_control
        if deduction_time is not UNSET:
            field_dict["deduction_time"] = deduction_time
        if unit_before_deduction is not UNSET:
            field_dict["unit_before_deduction"] = unit_before_deduction
        if deduction_amount is not UNSET:
            field_dict["deduction_amount"] = deduction_amount
        if unit_after_deduction is not UNSET:
            field_dict["unit_after_deduction"] = unit_after_deduction

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        package_id = d.pop("package_id", UNSET)

        def _parse_product_type(
            data: object,
        ) -> BillingPackageDetailProductTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_type_type_0 = check_billing_package_detail_product_type_type_0(
                    data
                )

                return product_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingPackageDetailProductTypeType0 | str | Unset, data)

        product_type = _parse_product_type(d.pop("product_type", UNSET))

        def _parse_task_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        api_key_name = d.pop("api_key_name", UNSET)

        product_function = d.pop("product_function", UNSET)

        model_name = d.pop("model_name", UNSET)

        def _parse_resolution(
            data: object,
        ) -> BillingPackageDetailResolutionType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolution_type_0 = check_billing_package_detail_resolution_type_0(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingPackageDetailResolutionType0 | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_duration(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        refer_video_input = d.pop("refer_video_input", UNSET)

        def _parse_video_sound(
            data: object,
        ) -> BillingPackageDetailVideoSoundType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                video_sound_type_0 = check_billing_package_detail_video_sound_type_0(
                    data
                )

                return video_sound_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingPackageDetailVideoSoundType0 | str | Unset, data)

        video_sound = _parse_video_sound(d.pop("video_sound", UNSET))

        voice_control = d.pop("voice_control", UNSET)

        def _parse_deduction_time(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        deduction_time = _parse_deduction_time(d.pop("deduction_time", UNSET))

        unit_before_deduction = d.pop("unit_before_deduction", UNSET)

        deduction_amount = d.pop("deduction_amount", UNSET)

        unit_after_deduction = d.pop("unit_after_deduction", UNSET)

        billing_package_detail = cls(
            package_id=package_id,
            product_type=product_type,
            task_id=task_id,
            api_key_name=api_key_name,
            product_function=product_function,
            model_name=model_name,
            resolution=resolution,
            duration=duration,
            refer_video_input=refer_video_input,
            video_sound=video_sound,
            voice_control=voice_control,
            deduction_time=deduction_time,
            unit_before_deduction=unit_before_deduction,
            deduction_amount=deduction_amount,
            unit_after_deduction=unit_after_deduction,
        )

        billing_package_detail.additional_properties = d
        return billing_package_detail

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
