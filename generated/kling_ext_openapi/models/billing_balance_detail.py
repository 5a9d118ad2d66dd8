from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_balance_detail_cash_type_type_0 import (
    BillingBalanceDetailCashTypeType0,
    check_billing_balance_detail_cash_type_type_0,
)
from ..models.billing_balance_detail_currency_type_0 import (
    BillingBalanceDetailCurrencyType0,
    check_billing_balance_detail_currency_type_0,
)
from ..models.billing_balance_detail_resolution_type_0 import (
    BillingBalanceDetailResolutionType0,
    check_billing_balance_detail_resolution_type_0,
)
from ..models.billing_balance_detail_video_sound_type_0 import (
    BillingBalanceDetailVideoSoundType0,
    check_billing_balance_detail_video_sound_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingBalanceDetail")


@_attrs_define
class BillingBalanceDetail:
    """What one task cost the balance."""

    task_id: int | str | Unset = UNSET
    """ The task's id. Officially a string (numeric-looking, e.g. "867283741759111202", or older
    base64-like ids); ids have been seen as bare JSON numbers of 15+ digits, so both are read.
    Treat it as opaque text: read a number as its decimal digits, without loss.
     """
    api_key_name: str | Unset = UNSET
    product_function: str | Unset = UNSET
    """ What the task did, e.g. "Image to Video". """
    model_name: str | Unset = UNSET
    resolution: BillingBalanceDetailResolutionType0 | str | Unset = UNSET
    """ `720p`, `1080p` or `4k` (the legacy `mode` maps `std` to 720p and `pro` to 1080p). """
    duration: float | str | Unset = UNSET
    """ Video length in seconds (video tasks only). """
    refer_video_input: bool | Unset = UNSET
    """ Whether a reference video was used (video tasks only). """
    video_sound: BillingBalanceDetailVideoSoundType0 | str | Unset = UNSET
    """ `native` (sound generated), `original` (the reference video's sound) or `off` (video tasks only). """
    voice_control: bool | Unset = UNSET
    """ Whether a chosen voice was used (video tasks only). """
    deduction_time: int | str | Unset = UNSET
    """ When it was deducted, Unix time in milliseconds (a string in the docs). """
    deduction_amount: float | Unset = UNSET
    cash_type: BillingBalanceDetailCashTypeType0 | str | Unset = UNSET
    """ `balance` (the official quota) or `test_balance` (the test quota). """
    balance_before_deduction: float | Unset = UNSET
    balance_after_deduction: float | Unset = UNSET
    list_price: float | Unset = UNSET
    """ The price before discount. """
    currency: BillingBalanceDetailCurrencyType0 | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        deduction_amount = self.deduction_amount

        cash_type: str | Unset
        if isinstance(self.cash_type, Unset):
            cash_type = UNSET
        elif isinstance(self.cash_type, str):
            cash_type = self.cash_type
        else:
            cash_type = self.cash_type

        balance_before_deduction = self.balance_before_deduction

        balance_after_deduction = self.balance_after_deduction

        list_price = self.list_price

        currency: str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, str):
            currency = self.currency
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if deduction_amount is not UNSET:
            field_dict["deduction_amount"] = deduction_amount
        if cash_type is not UNSET:
            field_dict["cash_type"] = cash_type
        if balance_before_deduction is not UNSET:
            field_dict["balance_before_deduction"] = balance_before_deduction
        if balance_after_deduction is not UNSET:
            field_dict["balance_after_deduction"] = balance_after_deduction
        if list_price is not UNSET:
            field_dict["list_price"] = list_price
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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
        ) -> BillingBalanceDetailResolutionType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolution_type_0 = check_billing_balance_detail_resolution_type_0(data)

                return resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingBalanceDetailResolutionType0 | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_duration(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        refer_video_input = d.pop("refer_video_input", UNSET)

        def _parse_video_sound(
            data: object,
        ) -> BillingBalanceDetailVideoSoundType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                video_sound_type_0 = check_billing_balance_detail_video_sound_type_0(
                    data
                )

                return video_sound_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingBalanceDetailVideoSoundType0 | str | Unset, data)

        video_sound = _parse_video_sound(d.pop("video_sound", UNSET))

        voice_control = d.pop("voice_control", UNSET)

        def _parse_deduction_time(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        deduction_time = _parse_deduction_time(d.pop("deduction_time", UNSET))

        deduction_amount = d.pop("deduction_amount", UNSET)

        def _parse_cash_type(
            data: object,
        ) -> BillingBalanceDetailCashTypeType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cash_type_type_0 = check_billing_balance_detail_cash_type_type_0(data)

                return cash_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingBalanceDetailCashTypeType0 | str | Unset, data)

        cash_type = _parse_cash_type(d.pop("cash_type", UNSET))

        balance_before_deduction = d.pop("balance_before_deduction", UNSET)

        balance_after_deduction = d.pop("balance_after_deduction", UNSET)

        list_price = d.pop("list_price", UNSET)

        def _parse_currency(
            data: object,
        ) -> BillingBalanceDetailCurrencyType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = check_billing_balance_detail_currency_type_0(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingBalanceDetailCurrencyType0 | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        billing_balance_detail = cls(
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
            deduction_amount=deduction_amount,
            cash_type=cash_type,
            balance_before_deduction=balance_before_deduction,
            balance_after_deduction=balance_after_deduction,
            list_price=list_price,
            currency=currency,
        )

        billing_balance_detail.additional_properties = d
        return billing_balance_detail

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
