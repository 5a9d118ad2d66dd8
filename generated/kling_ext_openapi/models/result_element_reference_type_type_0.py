from typing import Literal

ResultElementReferenceTypeType0 = Literal["image_refer", "video_refer"]

RESULT_ELEMENT_REFERENCE_TYPE_TYPE_0_VALUES: set[ResultElementReferenceTypeType0] = {
    "image_refer",
    "video_refer",
}


def check_result_element_reference_type_type_0(
    value: str,
) -> ResultElementReferenceTypeType0:
    if value in RESULT_ELEMENT_REFERENCE_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RESULT_ELEMENT_REFERENCE_TYPE_TYPE_0_VALUES!r}"
    )
