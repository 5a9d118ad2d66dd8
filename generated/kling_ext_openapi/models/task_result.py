from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_audio import ResultAudio
    from ..models.result_element import ResultElement
    from ..models.result_image import ResultImage
    from ..models.result_video import ResultVideo
    from ..models.result_voice import ResultVoice


T = TypeVar("T", bound="TaskResult")


@_attrs_define
class TaskResult:
    """The outputs. Empty (`{}`) while running and on failure."""

    videos: list[ResultVideo] | Unset = UNSET
    images: list[ResultImage] | Unset = UNSET
    """ The images of an image task (generation, omni-image, try-on, ...); video tasks leave it out. """
    audios: list[ResultAudio] | Unset = UNSET
    """ The audio of an audio task (text-to-audio, video-to-audio); other tasks leave it out. """
    series_images: list[ResultImage] | Unset = UNSET
    """ An omni-image series (`result_type` `series`); single results use `images`. """
    result_type: str | Unset = UNSET
    """ Omni-image only, `single` or `series`. """
    voices: list[ResultVoice] | Unset = UNSET
    """ The voice a custom-voice task made. """
    elements: list[ResultElement] | Unset = UNSET
    """ The element a custom-element task made. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        videos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.videos, Unset):
            videos = []
            for videos_item_data in self.videos:
                videos_item = videos_item_data.to_dict()
                videos.append(videos_item)

        images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = []
            for images_item_data in self.images:
                images_item = images_item_data.to_dict()
                images.append(images_item)

        audios: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.audios, Unset):
            audios = []
            for audios_item_data in self.audios:
                audios_item = audios_item_data.to_dict()
                audios.append(audios_item)

        series_images: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.series_images, Unset):
            series_images = []
            for series_images_item_data in self.series_images:
                series_images_item = series_images_item_data.to_dict()
                series_images.append(series_images_item)

        result_type = self.result_type

        voices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.voices, Unset):
            voices = []
            for voices_item_data in self.voices:
                voices_item = voices_item_data.to_dict()
                voices.append(voices_item)

        elements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.elements, Unset):
            elements = []
            for elements_item_data in self.elements:
                elements_item = elements_item_data.to_dict()
                elements.append(elements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if videos is not UNSET:
            field_dict["videos"] = videos
        if images is not UNSET:
            field_dict["images"] = images
        if audios is not UNSET:
            field_dict["audios"] = audios
        if series_images is not UNSET:
            field_dict["series_images"] = series_images
        if result_type is not UNSET:
            field_dict["result_type"] = result_type
        if voices is not UNSET:
            field_dict["voices"] = voices
        if elements is not UNSET:
            field_dict["elements"] = elements

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_audio import ResultAudio
        from ..models.result_element import ResultElement
        from ..models.result_image import ResultImage
        from ..models.result_video import ResultVideo
        from ..models.result_voice import ResultVoice

        d = dict(src_dict)
        _videos = d.pop("videos", UNSET)
        videos: list[ResultVideo] | Unset = UNSET
        if _videos is not UNSET:
            videos = []
            for videos_item_data in _videos:
                videos_item = ResultVideo.from_dict(videos_item_data)

                videos.append(videos_item)

        _images = d.pop("images", UNSET)
        images: list[ResultImage] | Unset = UNSET
        if _images is not UNSET:
            images = []
            for images_item_data in _images:
                images_item = ResultImage.from_dict(images_item_data)

                images.append(images_item)

        _audios = d.pop("audios", UNSET)
        audios: list[ResultAudio] | Unset = UNSET
        if _audios is not UNSET:
            audios = []
            for audios_item_data in _audios:
                audios_item = ResultAudio.from_dict(audios_item_data)

                audios.append(audios_item)

        _series_images = d.pop("series_images", UNSET)
        series_images: list[ResultImage] | Unset = UNSET
        if _series_images is not UNSET:
            series_images = []
            for series_images_item_data in _series_images:
                series_images_item = ResultImage.from_dict(series_images_item_data)

                series_images.append(series_images_item)

        result_type = d.pop("result_type", UNSET)

        _voices = d.pop("voices", UNSET)
        voices: list[ResultVoice] | Unset = UNSET
        if _voices is not UNSET:
            voices = []
            for voices_item_data in _voices:
                voices_item = ResultVoice.from_dict(voices_item_data)

                voices.append(voices_item)

        _elements = d.pop("elements", UNSET)
        elements: list[ResultElement] | Unset = UNSET
        if _elements is not UNSET:
            elements = []
            for elements_item_data in _elements:
                elements_item = ResultElement.from_dict(elements_item_data)

                elements.append(elements_item)

        task_result = cls(
            videos=videos,
            images=images,
            audios=audios,
            series_images=series_images,
            result_type=result_type,
            voices=voices,
            elements=elements,
        )

        task_result.additional_properties = d
        return task_result

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
