from typing import Literal

BillingPackageDetailProductTypeType0 = Literal["image", "try-on", "video"]

BILLING_PACKAGE_DETAIL_PRODUCT_TYPE_TYPE_0_VALUES: set[
    BillingPackageDetailProductTypeType0
] = {
    "image",
    "try-on",
    "video",
}


def check_billing_package_detail_product_type_type_0(
    value: str,
) -> BillingPackageDetailProductTypeType0:
    if value in BILLING_PACKAGE_DETAIL_PRODUCT_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BILLING_PACKAGE_DETAIL_PRODUCT_TYPE_TYPE_0_VALUES!r}"
    )
