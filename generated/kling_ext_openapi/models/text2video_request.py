from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.aspect_ratio import AspectRatio, check_aspect_ratio
from ..models.duration import Duration, check_duration
from ..models.mode import Mode, check_mode
from ..models.shot_type import ShotType, check_shot_type
from ..models.sound import Sound, check_sound
from ..models.text2video_request_model_name import (
    Text2VideoRequestModelName,
    check_text_2_video_request_model_name,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.camera_control import CameraControl
    from ..models.multi_prompt_item import MultiPromptItem
    from ..models.watermark_info import WatermarkInfo


T = TypeVar("T", bound="Text2VideoRequest")


@_attrs_define
class Text2VideoRequest:
    """A text-to-video task."""

    model_name: Text2VideoRequestModelName
    """ The model; when none is given kling-ext sends `kling-v1`, the official default and the oldest model (the
    default gateway requires the field). Name a newer one, such as `kling-v3`, for newer abilities and prices. """
    duration: Duration
    """ Video length in seconds, as a string. Which values a model accepts is said by the request
    schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and
    kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
     """
    model: str | Unset = UNSET
    """ The legacy name of `model_name`, which the official API still accepts. Read, never
    sent: kling-ext sends its value as `model_name`, and refuses both with different
    values (a rule this schema does not state: comparing two fields would take one branch
    per model, which generators cannot expand). The default gateway requires
    `model_name`, so a body with `model` alone is refused by it and by this schema.
     """
    prompt: str | Unset = UNSET
    """ What to generate: subject, action, camera, light, style. At most 2500 characters.
    Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>`
    (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
     """
    negative_prompt: str | Unset = UNSET
    """ What to avoid. At most 2500 characters; may be empty. """
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
    multi_prompt: list[MultiPromptItem] | Unset = UNSET
    """ The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots. """
    sound: Sound | Unset = UNSET
    """ Generate audio with the video. Which models can is said by the request schema's `allOf` rules. """
    cfg_scale: float | Unset = UNSET
    """ How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1
    models; the kling-v2 models do not support it; no source documents it for kling-v3.
     """
    mode: Mode | Unset = UNSET
    """ Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models
    render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no
    mode at all. Which model accepts which mode is said by the request schema's `allOf` rules.
    (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not
    accepted here.)
     """
    camera_control: CameraControl | Unset = UNSET
    """ Camera movement. `type` is required (image2video's documentation says so; text2video's
    leaves it optional, but a `config` without a `type` names no movement). `simple` needs
    `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`,
    `right_turn_forward`, `left_turn_forward`) take no `config`.
    Which models support it is said by the request schema's `allOf` rules.
     """
    aspect_ratio: AspectRatio | Unset = UNSET
    """ Frame aspect ratio (width:height). """
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

        duration: str = self.duration

        model = self.model

        prompt = self.prompt

        negative_prompt = self.negative_prompt

        multi_shot = self.multi_shot

        shot_type: str | Unset = UNSET
        if not isinstance(self.shot_type, Unset):
            shot_type = self.shot_type

        multi_prompt: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.multi_prompt, Unset):
            multi_prompt = []
            for componentsschemas_multi_prompt_item_data in self.multi_prompt:
                componentsschemas_multi_prompt_item = (
                    componentsschemas_multi_prompt_item_data.to_dict()
                )
                multi_prompt.append(componentsschemas_multi_prompt_item)

        sound: str | Unset = UNSET
        if not isinstance(self.sound, Unset):
            sound = self.sound

        cfg_scale = self.cfg_scale

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        camera_control: dict[str, Any] | Unset = UNSET
        if not isinstance(self.camera_control, Unset):
            camera_control = self.camera_control.to_dict()

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

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
                "duration": duration,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if multi_shot is not UNSET:
            field_dict["multi_shot"] = multi_shot
        if shot_type is not UNSET:
            field_dict["shot_type"] = shot_type
        if multi_prompt is not UNSET:
            field_dict["multi_prompt"] = multi_prompt
        if sound is not UNSET:
            field_dict["sound"] = sound
        if cfg_scale is not UNSET:
            field_dict["cfg_scale"] = cfg_scale
        if mode is not UNSET:
            field_dict["mode"] = mode
        if camera_control is not UNSET:
            field_dict["camera_control"] = camera_control
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.camera_control import CameraControl
        from ..models.multi_prompt_item import MultiPromptItem
        from ..models.watermark_info import WatermarkInfo

        d = dict(src_dict)
        model_name = check_text_2_video_request_model_name(d.pop("model_name"))

        duration = check_duration(d.pop("duration"))

        model = d.pop("model", UNSET)

        prompt = d.pop("prompt", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        multi_shot = d.pop("multi_shot", UNSET)

        _shot_type = d.pop("shot_type", UNSET)
        shot_type: ShotType | Unset
        if isinstance(_shot_type, Unset):
            shot_type = UNSET
        else:
            shot_type = check_shot_type(_shot_type)

        _multi_prompt = d.pop("multi_prompt", UNSET)
        multi_prompt: list[MultiPromptItem] | Unset = UNSET
        if _multi_prompt is not UNSET:
            multi_prompt = []
            for componentsschemas_multi_prompt_item_data in _multi_prompt:
                componentsschemas_multi_prompt_item = MultiPromptItem.from_dict(
                    componentsschemas_multi_prompt_item_data
                )

                multi_prompt.append(componentsschemas_multi_prompt_item)

        _sound = d.pop("sound", UNSET)
        sound: Sound | Unset
        if isinstance(_sound, Unset):
            sound = UNSET
        else:
            sound = check_sound(_sound)

        cfg_scale = d.pop("cfg_scale", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_mode(_mode)

        _camera_control = d.pop("camera_control", UNSET)
        camera_control: CameraControl | Unset
        if isinstance(_camera_control, Unset):
            camera_control = UNSET
        else:
            camera_control = CameraControl.from_dict(_camera_control)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: AspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_aspect_ratio(_aspect_ratio)

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

        text2video_request = cls(
            model_name=model_name,
            duration=duration,
            model=model,
            prompt=prompt,
            negative_prompt=negative_prompt,
            multi_shot=multi_shot,
            shot_type=shot_type,
            multi_prompt=multi_prompt,
            sound=sound,
            cfg_scale=cfg_scale,
            mode=mode,
            camera_control=camera_control,
            aspect_ratio=aspect_ratio,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return text2video_request
