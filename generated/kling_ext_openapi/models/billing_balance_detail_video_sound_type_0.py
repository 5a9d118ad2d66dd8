from typing import Literal

BillingBalanceDetailVideoSoundType0 = Literal["native", "off", "original"]

BILLING_BALANCE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES: set[
    BillingBalanceDetailVideoSoundType0
] = {
    "native",
    "off",
    "original",
}


def check_billing_balance_detail_video_sound_type_0(
    value: str,
) -> BillingBalanceDetailVideoSoundType0:
    if value in BILLING_BALANCE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_BALANCE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES!r}"
    )
