from typing import Literal

BillingPackageDetailVideoSoundType0 = Literal["native", "off", "original"]

BILLING_PACKAGE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES: set[
    BillingPackageDetailVideoSoundType0
] = {
    "native",
    "off",
    "original",
}


def check_billing_package_detail_video_sound_type_0(
    value: str,
) -> BillingPackageDetailVideoSoundType0:
    if value in BILLING_PACKAGE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_PACKAGE_DETAIL_VIDEO_SOUND_TYPE_0_VALUES!r}"
    )
