from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.effect_scene import EffectScene, check_effect_scene
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.effects_input import EffectsInput


T = TypeVar("T", bound="EffectsRequest")


@_attrs_define
class EffectsRequest:
    """A video-effects task."""

    effect_scene: EffectScene
    """ The effect, one of the 218 scenes of Kling's 2026-09 reference (its field table lists 219,
    204 single-image and 15 dual-image; see below for the one left out). Scenes are data: Kling
    adds scenes every few weeks (a newer one is sent with `allow_unknown`) and retires others.
    Retired by dated notices of the official update log, and so not accepted here:
    `celebration` and `c4d_cartoon` (discontinued 2025-12-30); `kiss`, `fight`, `hug`,
    `thumbs_up`, `tiger_hug`, `pet_lion` and `3d_cartoon_1` (2026-01-30); `magic_match_tree`
    (2026-07-03). The 2026-09 reference still lists `magic_match_tree` in its field table,
    contradicting the notice; the notice is the later word on it, so it is left out.
    Launched by the log but no longer listed, without a dated notice: `heart_gesture`,
    `squish`, `expansion`, `fuzzyfuzzy`, `bloombloom`, `dizzydizzy`, `anime_figure`,
    `rocketrocket`, `jelly_press`, `jelly_slice`, `jelly_squish`, `jelly_jiggle`,
    `pixelpixel`, `yearbook`, `instant_film`, `pet_chinese_opera`, `muscle_pet`,
    `gallery_ring`, `rampage_ape`, `flyer`, `dishwasher`, `feed_mooncake`, `inner_voice`,
    `trampoline`, `guess_what`, `cute_ghost_transform`, `knock_knock_halloween`,
    `balloon_parade`, `bullet_time`, `firework_2026`, `pet_vlogger`, `palm_sized_figure`,
    `horse_year_dance` and `puff_cheeks`.
     """
    input_: EffectsInput
    """ The scene's input: `image` for a single-image effect, `images` (two portraits) for a
    dual-image effect. (Earlier versions of the page also listed `model_name`, `mode` and
    `duration` here for scenes now retired; the 2026-09 reference lists only these two.)
     """
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
        effect_scene: str = self.effect_scene

        input_ = self.input_.to_dict()

        callback_url: str | Unset
        if isinstance(self.callback_url, Unset):
            callback_url = UNSET
        else:
            callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "effect_scene": effect_scene,
                "input": input_,
            }
        )
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.effects_input import EffectsInput

        d = dict(src_dict)
        effect_scene = check_effect_scene(d.pop("effect_scene"))

        input_ = EffectsInput.from_dict(d.pop("input"))

        def _parse_callback_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        callback_url = _parse_callback_url(d.pop("callback_url", UNSET))

        external_task_id = d.pop("external_task_id", UNSET)

        effects_request = cls(
            effect_scene=effect_scene,
            input_=input_,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        return effects_request
