from typing import Literal

RecognizedImageTypeType0 = Literal["cloth_seg", "face_seg", "head_seg", "object_seg"]

RECOGNIZED_IMAGE_TYPE_TYPE_0_VALUES: set[RecognizedImageTypeType0] = {
    "cloth_seg",
    "face_seg",
    "head_seg",
    "object_seg",
}


def check_recognized_image_type_type_0(value: str) -> RecognizedImageTypeType0:
    if value in RECOGNIZED_IMAGE_TYPE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECOGNIZED_IMAGE_TYPE_TYPE_0_VALUES!r}"
    )
