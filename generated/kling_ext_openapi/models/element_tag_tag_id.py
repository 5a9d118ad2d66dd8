from typing import Literal

ElementTagTagId = Literal[
    "o_101", "o_102", "o_103", "o_104", "o_105", "o_106", "o_107", "o_108"
]

ELEMENT_TAG_TAG_ID_VALUES: set[ElementTagTagId] = {
    "o_101",
    "o_102",
    "o_103",
    "o_104",
    "o_105",
    "o_106",
    "o_107",
    "o_108",
}


def check_element_tag_tag_id(value: str) -> ElementTagTagId:
    if value in ELEMENT_TAG_TAG_ID_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ELEMENT_TAG_TAG_ID_VALUES!r}"
    )
