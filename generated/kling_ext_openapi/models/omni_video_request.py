from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.aspect_ratio import AspectRatio, check_aspect_ratio
from ..models.duration import Duration, check_duration
from ..models.mode import Mode, check_mode
from ..models.omni_video_request_model_name import (
    OmniVideoRequestModelName,
    check_omni_video_request_model_name,
)
from ..models.shot_type import ShotType, check_shot_type
from ..models.sound import Sound, check_sound
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_ref import ElementRef
    from ..models.multi_prompt_item import MultiPromptItem
    from ..models.omni_image import OmniImage
    from ..models.omni_video import OmniVideo
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="OmniVideoRequest")


@_attrs_define
class OmniVideoRequest:
    """An omni-video task.

    Where the docs contradict themselves, this schema accepts what the official examples send:
    kling-video-o1 makes 3 to 10 s videos from text alone (the API reference's FAQ: "T2V / I2V
    (not first/last frame): 3–10 s"; the capability map says 5 or 10 s only), and 5 or 10 s from
    a first frame alone (the model page and the capability map agree); a first frame with other
    reference images or a video takes 3 to 10 s, as the official kling-video-o1 example (first
    frame, reference image, 3 s) sends. `aspect_ratio` is accepted with a first frame or a video
    to edit, where the frame comes from the image or video and the ratio is ignored: the legacy
    field table says it is "not supported" there, but the official examples send it with a
    first frame and with a video to edit.

    """

    model_name: OmniVideoRequestModelName
    """ The model. Default `kling-video-o1`. """
    multi_shot: bool | Unset = UNSET
    """ Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless
    `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and
    omni-video takes no start frame either; image-to-video needs its start frame (`image`): the
    official kling-v3 multi-shot example sends one, though the field table says "no start/end
    frame". Default false.
     """
    shot_type: ShotType | Unset = UNSET
    """ How shots are organised when `multi_shot` is true: `customize` takes the storyboard in
    `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    multi_prompt: list[MultiPromptItem] | Unset = UNSET
    """ The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots. """
    image_list: list[OmniImage] | Unset = UNSET
    """ Reference images or start/end frames. Images plus elements: at most 4 with a reference
    video, 7 otherwise. An `end_frame` needs a `first_frame`; frames exclude video editing;
    kling-video-o1 takes no frame with more than two images.
     """
    element_list: list[ElementRef] | Unset = UNSET
    """ Elements from the element library. At most 3 with a first frame; with start and end
    frames at most 3 on kling-v3-omni and none on kling-video-o1.
     """
    video_list: list[OmniVideo] | Unset = UNSET
    """ At most one reference video: MP4/MOV, ≥ 3 s, 720–2160 px each side, 24–60 fps, ≤ 200 MB.
     """
    sound: Sound | Unset = UNSET
    """ Generate audio with the video. Which models can is said by the request schema's `allOf` rules. """
    mode: Mode | Unset = UNSET
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    aspect_ratio: AspectRatio | Unset = UNSET
    """ Frame aspect ratio (width:height). """
    duration: Duration | Unset = UNSET
    """ Video length in seconds, as a string. Which values a model accepts is said by the request
    schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and
    kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
     """
    watermark_info: WatermarkInfo | Unset = UNSET
    """ Also produce a watermarked copy (`watermark_url` in the result). """
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
        model_name: str = self.model_name

        multi_shot = self.multi_shot

        shot_type: str | Unset = UNSET
        if not isinstance(self.shot_type, Unset):
            shot_type = self.shot_type

        prompt = self.prompt

        multi_prompt: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.multi_prompt, Unset):
            multi_prompt = []
            for componentsschemas_multi_prompt_item_data in self.multi_prompt:
                componentsschemas_multi_prompt_item = (
                    componentsschemas_multi_prompt_item_data.to_dict()
                )
                multi_prompt.append(componentsschemas_multi_prompt_item)

        image_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.image_list, Unset):
            image_list = []
            for image_list_item_data in self.image_list:
                image_list_item = image_list_item_data.to_dict()
                image_list.append(image_list_item)

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        video_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.video_list, Unset):
            video_list = []
            for video_list_item_data in self.video_list:
                video_list_item = video_list_item_data.to_dict()
                video_list.append(video_list_item)

        sound: str | Unset = UNSET
        if not isinstance(self.sound, Unset):
            sound = self.sound

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        watermark_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watermark_info, Unset):
            watermark_info = self.watermark_info.to_dict()

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model_name": model_name,
            }
        )
        if multi_shot is not UNSET:
            field_dict["multi_shot"] = multi_shot
        if shot_type is not UNSET:
            field_dict["shot_type"] = shot_type
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if multi_prompt is not UNSET:
            field_dict["multi_prompt"] = multi_prompt
        if image_list is not UNSET:
            field_dict["image_list"] = image_list
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if video_list is not UNSET:
            field_dict["video_list"] = video_list
        if sound is not UNSET:
            field_dict["sound"] = sound
        if mode is not UNSET:
            field_dict["mode"] = mode
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.element_ref import ElementRef
        from ..models.multi_prompt_item import MultiPromptItem
        from ..models.omni_image import OmniImage
        from ..models.omni_video import OmniVideo
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        model_name = check_omni_video_request_model_name(d.pop("model_name"))

        multi_shot = d.pop("multi_shot", UNSET)

        _shot_type = d.pop("shot_type", UNSET)
        shot_type: ShotType | Unset
        if isinstance(_shot_type, Unset):
            shot_type = UNSET
        else:
            shot_type = check_shot_type(_shot_type)

        prompt = d.pop("prompt", UNSET)

        _multi_prompt = d.pop("multi_prompt", UNSET)
        multi_prompt: list[MultiPromptItem] | Unset = UNSET
        if _multi_prompt is not UNSET:
            multi_prompt = []
            for componentsschemas_multi_prompt_item_data in _multi_prompt:
                componentsschemas_multi_prompt_item = MultiPromptItem.from_dict(
                    componentsschemas_multi_prompt_item_data
                )

                multi_prompt.append(componentsschemas_multi_prompt_item)

        _image_list = d.pop("image_list", UNSET)
        image_list: list[OmniImage] | Unset = UNSET
        if _image_list is not UNSET:
            image_list = []
            for image_list_item_data in _image_list:
                image_list_item = OmniImage.from_dict(image_list_item_data)

                image_list.append(image_list_item)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[ElementRef] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = ElementRef.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        _video_list = d.pop("video_list", UNSET)
        video_list: list[OmniVideo] | Unset = UNSET
        if _video_list is not UNSET:
            video_list = []
            for video_list_item_data in _video_list:
                video_list_item = OmniVideo.from_dict(video_list_item_data)

                video_list.append(video_list_item)

        _sound = d.pop("sound", UNSET)
        sound: Sound | Unset
        if isinstance(_sound, Unset):
            sound = UNSET
        else:
            sound = check_sound(_sound)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_mode(_mode)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: AspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: Duration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_duration(_duration)

        _watermark_info = d.pop("watermark_info", UNSET)
        watermark_info: WatermarkInfo | Unset
        if isinstance(_watermark_info, Unset):
            watermark_info = UNSET
        else:
            watermark_info = WatermarkInfo.from_dict(_watermark_info)

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        omni_video_request = cls(
            model_name=model_name,
            multi_shot=multi_shot,
            shot_type=shot_type,
            prompt=prompt,
            multi_prompt=multi_prompt,
            image_list=image_list,
            element_list=element_list,
            video_list=video_list,
            sound=sound,
            mode=mode,
            aspect_ratio=aspect_ratio,
            duration=duration,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return omni_video_request
