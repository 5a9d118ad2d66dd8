"""Typed keyword arguments of every request body (written by scripts/regenerate).

Values are typed as a caller may pass them: durations also as int, images also as
bytes, a path or a binary file. kling_ext validates and converts them before anything
is sent.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, Literal, Required, TypedDict

ImageInput = str | bytes | os.PathLike[str] | IO[bytes]
"""An image: an http(s) URL or raw Base64 (a str is never a path); or a local file
as bytes, a pathlib.Path or a binary file object."""

__all__ = [
    "AccountCostsQueryParams",
    "AdvancedLipSyncParams",
    "AiMultiShotParams",
    "AvatarParams",
    "BillingBalanceFilterParams",
    "BillingBalanceParams",
    "BillingPackageFilterParams",
    "BillingPackageParams",
    "CameraConfigParams",
    "CameraControlParams",
    "CustomElementParams",
    "CustomVoiceParams",
    "DeleteElementParams",
    "DeleteVoiceParams",
    "DynamicMaskParams",
    "DynamicMaskTrajectoriesItemParams",
    "EffectsInputParams",
    "EffectsParams",
    "ElementImageListParams",
    "ElementRefParams",
    "ElementReferImageParams",
    "ElementReferVideoParams",
    "ElementTagParams",
    "ElementVideoListParams",
    "IdentifyFaceParams",
    "Image2VideoParams",
    "ImageExpandParams",
    "ImageGenerationParams",
    "ImageInput",
    "ImageRecognizeParams",
    "LipSyncFaceParams",
    "LipSyncInputParams",
    "LipSyncParams",
    "MotionControlParams",
    "MultiElementsImageParams",
    "MultiElementsInitParams",
    "MultiElementsParams",
    "MultiElementsSelectionParams",
    "MultiElementsSessionParams",
    "MultiImage2ImageParams",
    "MultiImage2VideoParams",
    "MultiImageItemParams",
    "MultiPromptItemParams",
    "OmniImageItemParams",
    "OmniImageParams",
    "OmniVideoItemParams",
    "OmniVideoParams",
    "PresetElementsQueryParams",
    "PresetVoicesQueryParams",
    "SelectionPointParams",
    "SubjectImageItemParams",
    "Text2VideoParams",
    "TextToAudioParams",
    "TextToSpeechParams",
    "VideoExtendParams",
    "VideoToAudioParams",
    "VirtualTryOnParams",
    "VoiceRefParams",
    "WatermarkInfoParams",
]


class AccountCostsQueryParams(TypedDict, total=False):
    """The query parameters of account-costs."""

    #: Start of the window, Unix time in milliseconds.
    start_time: Required[int]
    #: End of the window, Unix time in milliseconds.
    end_time: Required[int]
    #: Only the resource pack of this name.
    resource_pack_name: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class AdvancedLipSyncParams(TypedDict, total=False):
    """A lip-sync task on a face of an identify-face session."""

    #: The `session_id` of the identify-face answer.
    session_id: Required[str]
    #: The face to animate, with its audio. One face per task ("currently only supports one person").
    face_choose: Required[Sequence[LipSyncFaceParams]]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class AiMultiShotParams(TypedDict, total=False):
    """An AI multi-shot task."""

    #: The element from the front (URL or raw Base64): JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    element_frontal_image: Required[ImageInput]
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class AvatarParams(TypedDict, total=False):
    """An avatar task."""

    #: The avatar's image (URL or raw Base64; JPG/PNG, at most 10 MB, sides ≥ 300 px, ratio 1:2.5–2.5:1).
    image: Required[ImageInput]
    #: An audio made by text-to-speech within the last 30 days, 2–300 s long. Excludes `sound_file`.
    audio_id: str
    #: The audio (URL or raw Base64; .mp3/.wav/.m4a/.aac, at most 5 MB, 2–300 s). Excludes `audio_id`.
    sound_file: str
    #: The avatar's actions, emotions and camera movements; at most 2500 characters.
    prompt: str
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class BillingBalanceFilterParams(TypedDict, total=False):
    """The fields of BillingBalanceFilter."""

    #: The dimension: `api_key_name` (the API key's name).
    key: Required[Literal["api_key_name"]]
    #: The values to match; any of them matches (OR).
    values: Required[Sequence[str]]


class BillingBalanceParams(TypedDict, total=False):
    """Which balance deductions to list: by task creation time (`start_time`, `end_time`), or the next page (`cursor`)."""

    #: Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is given; ignored when it is. `start_time` must be earlier than `end_time`.
    start_time: int
    #: Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is given; ignored when it is. `start_time` must be earlier than `end_time`.
    end_time: int
    #: How many tasks to return, at most 500 (the default). Ignored when `cursor` is given.
    limit: int
    #: Filters: values of one key are ORed, different keys are ANDed. Ignored when `cursor` is given.
    filters: Sequence[BillingBalanceFilterParams]
    #: The `next_cursor` of the previous answer, for the next page. When given (non-empty), it overrides every other field (`start_time`, `end_time`, `filters`, `limit`).
    cursor: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class BillingPackageFilterParams(TypedDict, total=False):
    """a product_type filter takes the pack types video, image and try-on."""

    #: The dimension: `api_key_name` (the API key's name), `product_type` (the pack's type: `video`, `image` or `try-on`), `package_name` or `package_id`.
    key: Required[Literal["api_key_name", "product_type", "package_name", "package_id"]]
    #: The values to match; any of them matches (OR).
    values: Required[Sequence[str]]


class BillingPackageParams(TypedDict, total=False):
    """Which unit deductions to list: by task creation time (`start_time`, `end_time`), or the next page (`cursor`)."""

    #: Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is given; ignored when it is. `start_time` must be earlier than `end_time`.
    start_time: int
    #: Unix time in milliseconds, filtering tasks by creation time. Required unless `cursor` is given; ignored when it is. `start_time` must be earlier than `end_time`.
    end_time: int
    #: How many tasks to return, at most 500 (the default). Ignored when `cursor` is given.
    limit: int
    #: Filters: values of one key are ORed, different keys are ANDed; `package_name` and `package_id` cannot both filter. Ignored when `cursor` is given.
    filters: Sequence[BillingPackageFilterParams]
    #: The `next_cursor` of the previous answer, for the next page. When given (non-empty), it overrides every other field (`start_time`, `end_time`, `filters`, `limit`).
    cursor: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class CameraConfigParams(TypedDict, total=False):
    """Exactly one of the six axes is non-zero; each lies in [-10, 10]."""

    #: Move left (−) or right (+).
    horizontal: float
    #: Move down (−) or up (+).
    vertical: float
    #: Rotate about the vertical axis, left (−) or right (+).
    pan: float
    #: Rotate about the horizontal axis, down (−) or up (+).
    tilt: float
    #: Roll counter-clockwise (−) or clockwise (+).
    roll: float
    #: Narrower (−) or wider (+) field of view.
    zoom: float


class CameraControlParams(TypedDict, total=False):
    """Camera movement."""

    type: Required[
        Literal[
            "simple",
            "down_back",
            "forward_up",
            "right_turn_forward",
            "left_turn_forward",
        ]
    ]
    #: Exactly one of the six axes is non-zero; each lies in [-10, 10].
    config: CameraConfigParams


class CustomElementParams(TypedDict, total=False):
    """A custom-element task."""

    #: The element's name. At most 20 characters.
    element_name: Required[str]
    #: The element's description. At most 100 characters.
    element_description: Required[str]
    #: `image_refer`: a multi-image element, its look from `element_image_list`; `video_refer`: a video character element, its look from `element_video_list`. Where each kind can be used differs (see the capability map).
    reference_type: Required[Literal["video_refer", "image_refer"]]
    #: The element's look from images: a frontal image and 1–3 other views. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    element_image_list: ElementImageListParams
    #: The element's look from one video (realistic humans only; kling-video-o3 and later models).
    element_video_list: ElementVideoListParams
    #: A voice (custom or preset) to bind to the element; none when absent. Image elements take a voice only when they are characters or humanoids.
    element_voice_id: str
    #: Tags for the element; several may be given.
    tag_list: Sequence[ElementTagParams]
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class CustomVoiceParams(TypedDict, total=False):
    """A custom-voice (voice clone) task."""

    #: The voice's name. At most 20 characters.
    voice_name: Required[str]
    #: A public URL of the sample: MP3/WAV audio or MP4/MOV video, 5–30 s of one clean human voice without noise.
    voice_url: str
    #: A video Kling generated, as the sample: a kling-v2-6 video made with `sound` on, or an Avatar or Lip-Sync video; 5–30 s of one clean human voice. An empty string means none.
    video_id: str
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class DeleteElementParams(TypedDict, total=False):
    """Which custom element to delete."""

    #: The custom element's id (preset elements cannot be deleted). A string in the docs' field table; elements carry it as a number, so both are read.
    element_id: Required[Any]
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class DeleteVoiceParams(TypedDict, total=False):
    """Which custom voice to delete."""

    #: The custom voice's id (preset voices cannot be deleted).
    voice_id: Required[str]
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class DynamicMaskParams(TypedDict, total=False):
    """The fields of DynamicMask."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    mask: Required[ImageInput]
    #: The path of the masked area, in image pixels, origin at the bottom-left corner; 2–77 points for a 5 s video.
    trajectories: Required[Sequence[DynamicMaskTrajectoriesItemParams]]


class DynamicMaskTrajectoriesItemParams(TypedDict, total=False):
    """The fields of DynamicMaskTrajectoriesItem."""

    x: Required[int]
    y: Required[int]


class EffectsInputParams(TypedDict, total=False):
    """The scene's input: `image` for a single-image effect, `images` (two portraits) for a dual-image effect."""

    #: The image of a single-image effect (URL or raw Base64).
    image: ImageInput
    #: The two portraits of a dual-image effect (URL or raw Base64), stitched into one photo: the first on the left, the second on the right.
    images: Sequence[ImageInput]


class EffectsParams(TypedDict, total=False):
    """A video-effects task."""

    #: The effect, one of the 218 scenes of Kling's 2026-09 reference (its field table lists 219, 204 single-image and 15 dual-image; see below for the one left out). Scenes are data: Kling adds scenes every few weeks (a newer one is sent with `allow_unknown`) and retires others. Retired by dated notices of the official update log, and so not accepted here: `celebration` and `c4d_cartoon` (discontinued 2025-12-30); `kiss`, `fight`, `hug`, `thumbs_up`, `tiger_hug`, `pet_lion` and `3d_cartoon_1` (2026-01-30); `magic_match_tree` (2026-07-03). The 2026-09 reference still lists `magic_match_tree` in its field table, contradicting the notice; the notice is the later word on it, so it is left out. Launched by the log but no longer listed, without a dated notice: `heart_gesture`, `squish`, `expansion`, `fuzzyfuzzy`, `bloombloom`, `dizzydizzy`, `anime_figure`, `rocketrocket`, `jelly_press`, `jelly_slice`, `jelly_squish`, `jelly_jiggle`, `pixelpixel`, `yearbook`, `instant_film`, `pet_chinese_opera`, `muscle_pet`, `gallery_ring`, `rampage_ape`, `flyer`, `dishwasher`, `feed_mooncake`, `inner_voice`, `trampoline`, `guess_what`, `cute_ghost_transform`, `knock_knock_halloween`, `balloon_parade`, `bullet_time`, `firework_2026`, `pet_vlogger`, `palm_sized_figure`, `horse_year_dance` and `puff_cheeks`.
    effect_scene: Required[
        Literal[
            "net_the_fish",
            "birthday_board",
            "summer_fireworks",
            "blow_blaze",
            "champagne_birthday",
            "pet_working_daily",
            "pet_roll_window",
            "pet_crash_earth",
            "makeup_style",
            "hair_dressup",
            "barbie_transform",
            "critter_paste",
            "wiggle_faces_pets",
            "paw_headbang",
            "food_splash",
            "dj_pet",
            "pet_diving",
            "disco_paws",
            "pet_fitness",
            "j_var_live",
            "pet_burst",
            "idol_live",
            "beast_striker",
            "african_sway",
            "jealousy_sway",
            "chubby_fish",
            "shrug_dance",
            "soccer_star",
            "bra_hot_dance",
            "arg_hot_dance",
            "fra_hot_dance",
            "bra_goal",
            "arg_goal",
            "por_goal",
            "victory_slide",
            "samba_fever",
            "bicycle_kick",
            "football_dance_2",
            "red_card_sent_off",
            "football_dance",
            "magic_world_vlog",
            "magic_world_vlog_9_16",
            "air_dunk",
            "whirling_beverage_9_16",
            "tennis_trend",
            "tennis_trend_9_16",
            "football_live_9_16",
            "whirling_beverage",
            "f1_live",
            "football_live",
            "spielberg_transition",
            "korean_baseball_9_16",
            "korean_baseball",
            "pet_skateboard",
            "daily_ootd",
            "tiny_beast_printer",
            "landmark_reveal",
            "winter_charm",
            "flash_ride",
            "maestro_of_magic",
            "magic_carpet_ride",
            "good_luck_spirit",
            "shooting_star",
            "sparkler_wand",
            "sovereign_scepter",
            "dirt_rush",
            "return_of_the_king",
            "dance_with_dragon",
            "minimalist_light",
            "martial_meow",
            "sassy_shake",
            "knock_at_a_door_revenge",
            "palm_sized_figure_pro",
            "prank_box",
            "perler_beads",
            "spring_bloom",
            "toss_run",
            "switch_to_silk",
            "get_rich_quick",
            "make_it_rain",
            "twist_shake",
            "the_hip_sway",
            "send_my_love",
            "funky_martian",
            "wealth_drive",
            "the_high_kick",
            "the_exercise",
            "lucky_veggie",
            "studio_look",
            "flash_drive",
            "shush_my_dreams",
            "french_elegance",
            "finger_swipe",
            "advent_of_flora",
            "smooth_transition",
            "kiss_pro",
            "raid_check",
            "snow_night_kiss",
            "eternal_kiss",
            "fortune_in_motion",
            "chinese_trend",
            "sedan_chair_dance",
            "skyfall",
            "good_luck_dance",
            "laicai_dance",
            "yangge_dance",
            "color_mixing",
            "lantern_festival_cuju",
            "unique_firework",
            "unique_spring_couplets",
            "horse_mask",
            "fortune_knocks_cartoon",
            "tangyuan_to_animal",
            "hot_feet_dance",
            "swag_dance",
            "pigeon_dance",
            "bloodline_dance",
            "chanel_dance",
            "cute_dance",
            "love_theme_song",
            "pumpitup_dance",
            "city_to_village",
            "fortune_god_transform",
            "new_year_feast",
            "ring_in_new",
            "horse_year_firework",
            "crystal_horse",
            "drunk_dance",
            "drunk_dance_pet",
            "daoma_dance",
            "bouncy_dance",
            "smooth_sailing_dance",
            "new_year_greeting",
            "lion_dance",
            "prosperity",
            "great_success",
            "golden_horse_fortune",
            "red_packet_box",
            "lucky_horse_year",
            "lucky_red_packet",
            "lucky_money_come",
            "lion_dance_pet",
            "dumpling_making_pet",
            "fish_making_pet",
            "pet_red_packet",
            "lantern_glow",
            "expression_challenge",
            "overdrive",
            "heart_gesture_dance",
            "poping",
            "martial_arts",
            "running",
            "nezha",
            "motorcycle_dance",
            "subject_3_dance",
            "ghost_step_dance",
            "phantom_jewel",
            "zoom_out",
            "cheers_2026",
            "fight_pro",
            "hug_pro",
            "heart_gesture_pro",
            "dollar_rain_pro",
            "pet_bee_pro",
            "countdown_teleport",
            "santa_random_surprise",
            "bullet_time_360",
            "happy_birthday",
            "birthday_star",
            "thumbs_up_pro",
            "tiger_hug_pro",
            "pet_lion_pro",
            "surprise_bouquet",
            "bouquet_drop",
            "glamour_photo_shoot",
            "box_of_joy",
            "first_toast_of_the_year",
            "my_santa_pic",
            "santa_gift",
            "steampunk_christmas",
            "snowglobe",
            "christmas_photo_shoot",
            "ornament_crash",
            "santa_express",
            "instant_christmas",
            "coronation_of_frost",
            "building_sweater",
            "spark_in_the_snow",
            "scarlet_and_snow",
            "bullet_time_lite",
            "jumping_ginger_joy",
            "pure_white_wings",
            "black_wings",
            "golden_wing",
            "pink_pink_wings",
            "venomous_spider",
            "throne_of_king",
            "luminous_elf",
            "woodland_elf",
            "guardian_spirit",
            "swish_swish",
            "snowboarding",
            "witch_transform",
            "vampire_transform",
            "pumpkin_head_transform",
            "demon_transform",
            "mummy_transform",
            "zombie_transform",
            "cute_pumpkin_transform",
            "halloween_escape",
            "pet_moto_rider",
            "running_man",
            "3d_cartoon_2",
            "pet_dance",
            "swing_swing",
            "day_to_night",
            "surfsurf",
            "skateskate",
        ]
    ]
    #: The scene's input: `image` for a single-image effect, `images` (two portraits) for a dual-image effect. (Earlier versions of the page also listed `model_name`, `mode` and `duration` here for scenes now retired; the 2026-09 reference lists only these two.)
    input: Required[EffectsInputParams]
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class ElementImageListParams(TypedDict, total=False):
    """The element's look from images: a frontal image and 1–3 other views."""

    #: The element from the front (URL or raw Base64).
    frontal_image: Required[ImageInput]
    #: 1–3 other views.
    refer_images: Required[Sequence[ElementReferImageParams]]


class ElementRefParams(TypedDict, total=False):
    """The fields of ElementRef."""

    #: An element from the element library (`/v1/general/advanced-custom-elements`).
    element_id: Required[int]


class ElementReferImageParams(TypedDict, total=False):
    """The fields of ElementReferImage."""

    #: Another view (angle or close-up) of the element, different from the front (URL or raw Base64).
    image_url: Required[ImageInput]


class ElementReferVideoParams(TypedDict, total=False):
    """The fields of ElementReferVideo."""

    #: MP4/MOV, 3–8 s, 1080p, 16:9 or 9:16, at most 200 MB, of a realistic human.
    video_url: Required[str]


class ElementTagParams(TypedDict, total=False):
    """The fields of ElementTag."""

    #: `o_101` Hottest, `o_102` Character, `o_103` Animal, `o_104` Item, `o_105` Costume, `o_106` Scene, `o_107` Effect, `o_108` Others.
    tag_id: Required[
        Literal["o_101", "o_102", "o_103", "o_104", "o_105", "o_106", "o_107", "o_108"]
    ]


class ElementVideoListParams(TypedDict, total=False):
    """The element's look from one video (realistic humans only; kling-video-o3 and later models)."""

    #: Exactly one video.
    refer_videos: Required[Sequence[ElementReferVideoParams]]


class IdentifyFaceParams(TypedDict, total=False):
    """The video whose faces to identify: exactly one of `video_id` (a Kling video) and `video_url`."""

    #: The id of a video Kling generated (`task_result.videos[].id`), made within the last 30 days and at most 60 s long. Excludes `video_url`.
    video_id: str
    #: A video by URL: .mp4/.mov, at most 100 MB, 2–60 s, 720p or 1080p, width and height 512–2160 px. Excludes `video_id`.
    video_url: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class Image2VideoParams(TypedDict, total=False):
    """An image-to-video task."""

    #: The model; when none is given kling-ext sends `kling-v1`, the official default and the oldest model (the default gateway requires the field). Name a newer one, such as `kling-v3`, for newer abilities and prices.
    model_name: Literal[
        "kling-v1",
        "kling-v1-5",
        "kling-v1-6",
        "kling-v2-master",
        "kling-v2-1",
        "kling-v2-1-master",
        "kling-v2-5-turbo",
        "kling-v2-6",
        "kling-v3",
    ]
    #: The legacy name of `model_name`, which the official API still accepts. Read, never sent: kling-ext sends its value as `model_name`, and refuses both with different values (a rule this schema does not state: comparing two fields would take one branch per model, which generators cannot expand). The default gateway requires `model_name`, so a body with `model` alone is refused by it and by this schema.
    model: str
    #: The start frame (URL or raw Base64). At least one of `image` and `image_tail` is required (official); an end frame alone works only with kling-v1-5 and kling-v1-6 in mode `pro` (official capability map; some third-party gateways refuse it). Required with `multi_shot` true: the official kling-v3 multi-shot example sends one, though the field table says multi-shot takes no start or end frame.
    image: ImageInput
    #: The end frame; `""` means none. Without `image` it works only with kling-v1-5 and kling-v1-6 in mode `pro`; excludes `static_mask`, `dynamic_masks`, `camera_control` and `multi_shot`; supported per model (see `allOf`).
    image_tail: ImageInput
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Up to 3 elements from the element library (kling-v3). Excludes `voice_list`.
    element_list: Sequence[ElementRefParams]
    #: Up to 2 voices (kling-v2-6, mode pro), referenced in the prompt as `<<<voice_1>>>`; needs `sound` `on`. Excludes `element_list`.
    voice_list: Sequence[VoiceRefParams]
    #: Generate audio with the video. Which models can is said by the request schema's `allOf` rules.
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1 models; the kling-v2 models do not support it; no source documents it for kling-v3.
    cfg_scale: float
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Motion-brush static area (same aspect ratio as `image`); kling-v1 and kling-v1-5 only.
    static_mask: ImageInput
    #: Motion-brush moving areas, up to 6 groups; kling-v1 and kling-v1-5 only.
    dynamic_masks: Sequence[DynamicMaskParams]
    #: Camera movement. `type` is required (image2video's documentation says so; text2video's leaves it optional, but a `config` without a `type` names no movement). `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Which models support it is said by the request schema's `allOf` rules.
    camera_control: CameraControlParams
    #: Video length in seconds, as a string. Which values a model accepts is said by the request schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Not an official image2video field: the official API takes the ratio from the image and ignores it. Some gateways document it, so it is accepted, and sent only when given.
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class ImageExpandParams(TypedDict, total=False):
    """An image-expansion (outpainting) task."""

    #: The image to extend (URL or raw Base64; JPG/JPEG/PNG, at most 10 MB, sides at least 300 px, aspect ratio 1:2.5 to 2.5:1).
    image: Required[ImageInput]
    #: Upwards, as a multiple of the original height (0.1 on a 20 px tall image adds 2 px above), 0–2.
    up_expansion_ratio: Required[float]
    #: Downwards, as a multiple of the original height, 0–2.
    down_expansion_ratio: Required[float]
    #: Leftwards, as a multiple of the original width (0.3 on a 30 px wide image adds 9 px on the left), 0–2.
    left_expansion_ratio: Required[float]
    #: Rightwards, as a multiple of the original width, 0–2.
    right_expansion_ratio: Required[float]
    #: What to fill the new area with, at most 2500 characters. Optional; may be empty.
    prompt: str
    #: How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image concurrency until it ends, and is charged per image.
    n: int
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class ImageGenerationParams(TypedDict, total=False):
    """An image-generation task: text to image, or image to image with one reference `image`."""

    #: The model: `kling-v3` (Kling Image 3.0) or `kling-v2-1` (Kling Image 2.1, the only one with `image_reference`, `image_fidelity` and `human_fidelity`). The field table's default is `kling-v3`; kling-ext sends it when none is given, since the page's older note says an empty model_name calls "the V1 model".
    model_name: Literal["kling-v2-1", "kling-v3"]
    #: What to generate. Required, at most 2500 characters.
    prompt: Required[str]
    #: What to avoid, at most 2500 characters. Not supported in image to image (with `image`), where only `""` is accepted.
    negative_prompt: str
    #: The reference image (image to image), URL or raw Base64 without a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, sides at least 300 px, aspect ratio 1:2.5 to 2.5:1. Required with `image_reference`.
    image: ImageInput
    #: What to keep from `image` (kling-v2-1 only): `subject`, the character's features, or `face`, the character's appearance (the image must then show exactly one face).
    image_reference: Literal["subject", "face"]
    #: How strongly the image follows `image`, 0–1 (higher = stronger). kling-v2-1 only.
    image_fidelity: float
    #: How closely the face follows the person in `image`, 0–1 (higher = closer). kling-v2-1 only; takes effect only with `image_reference` `subject` (otherwise ignored).
    human_fidelity: float
    #: Elements from the element library (kling-v3; the capability map lists no subject control for Kling Image 2.1). With `image`, the image and the elements together take at most 10.
    element_list: Sequence[ElementRefParams]
    #: `1k` (standard) or `2k` (high resolution); both models take both.
    resolution: Literal["1k", "2k"]
    #: How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image concurrency until it ends, and is charged per image.
    n: int
    #: Aspect ratio of the generated images (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class ImageRecognizeParams(TypedDict, total=False):
    """The image to recognize."""

    #: The image (URL or raw Base64; JPG/PNG, at most 10 MB, sides ≥ 300 px, ratio 1:2.5–2.5:1).
    image: Required[ImageInput]
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class LipSyncFaceParams(TypedDict, total=False):
    """The face to animate and the audio it speaks."""

    #: A face of the identify-face answer (`face_data[].face_id`).
    face_id: Required[str]
    #: An audio made by text-to-speech within the last 30 days, 2–60 s long. Excludes `sound_file`.
    audio_id: str
    #: The audio (URL or raw Base64; .mp3/.wav/.m4a/.aac, at most 5 MB, 2–60 s). Excludes `audio_id`.
    sound_file: str
    #: Where the cut of the audio starts, in ms from the audio's start.
    sound_start_time: Required[int]
    #: Where the cut of the audio ends, in ms from the audio's start; not after its end.
    sound_end_time: Required[int]
    #: Where the cut audio starts in the video, in ms from the video's start.
    sound_insert_time: Required[int]
    #: Volume of the inserted audio, 0–2 (higher is louder). Default 1.
    sound_volume: float
    #: Volume of the video's own sound, 0–2 (no effect on a silent video). Default 1.
    original_audio_volume: float


class LipSyncInputParams(TypedDict, total=False):
    """The video (exactly one of `video_id` and `video_url`) and what it says: a text and a preset voice (`mode` `text2video`), or an audio (`mode` `audio2video`)."""

    #: The id of a video Kling generated within the last 30 days. Excludes `video_url`.
    video_id: str
    #: A video by URL (.mp4/.mov, at most 100 MB, 720p or 1080p). Excludes `video_id`.
    video_url: str
    #: `text2video`: speak `text` with a preset voice; `audio2video`: speak an audio.
    mode: Required[Literal["text2video", "audio2video"]]
    #: What to say (`text2video`), at most 120 characters.
    text: str
    #: A preset lip-sync voice (`text2video`), e.g. `oversea_male1`; Kling lists them on its voice page.
    voice_id: str
    #: The voice's language (`text2video`). Default `en`.
    voice_language: Literal["zh", "en"]
    #: Speech rate (`text2video`), 0.8–2.0. Default 1.0.
    voice_speed: float
    #: `audio2video`: the audio comes as `audio_file` (`file`) or `audio_url` (`url`).
    audio_type: Literal["file", "url"]
    #: The audio as raw Base64 (.mp3/.wav/.m4a/.aac, at most 5 MB, 2–60 s).
    audio_file: str
    #: The audio by URL (.mp3/.wav/.m4a/.aac, at most 5 MB, 2–60 s).
    audio_url: str


class LipSyncParams(TypedDict, total=False):
    """A lip-sync task of the older one-step API (see the operation for its source)."""

    #: The video (exactly one of `video_id` and `video_url`) and what it says: a text and a preset voice (`mode` `text2video`), or an audio (`mode` `audio2video`).
    input: Required[LipSyncInputParams]
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MotionControlParams(TypedDict, total=False):
    """A motion-control task."""

    #: The model. Default `kling-v2-6`.
    model_name: Literal["kling-v2-6", "kling-v3"]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: The character/background image (URL or raw Base64); clear upper or full body.
    image_url: Required[ImageInput]
    #: The motion reference video: MP4/MOV, at most 100 MB, 3 s or longer, at most 10 s when `character_orientation` is `image` and 30 s when `video`.
    video_url: Required[str]
    #: At most one element; with an element the orientation can only follow the video.
    element_list: Sequence[ElementRefParams]
    #: Keep the reference video's sound. Default `yes`.
    keep_original_sound: Literal["yes", "no"]
    #: Follow the image's (reference ≤ 10 s) or the video's (≤ 30 s) orientation. Required by the official API; the default gateway marks it optional, so kling-ext sends `image` when none is given.
    character_orientation: Literal["image", "video"]
    #: Required by the official API; the default gateway marks it optional and recommends `pro`, which kling-ext sends when none is given.
    mode: Literal["std", "pro"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiElementsImageParams(TypedDict, total=False):
    """The fields of MultiElementsImage."""

    #: An image with its subject already cropped (the API does not crop).
    image: Required[ImageInput]


class MultiElementsInitParams(TypedDict, total=False):
    """The video to edit: exactly one of `video_id` (a Kling video) and `video_url`; an empty `video_id` means none (the official example sends `video_id: ""` with a URL)."""

    #: The id of a video Kling generated within the last 30 days. Excludes `video_url`.
    video_id: str
    #: A video by URL: .mp4/.mov, width and height 720–2160 px, 24, 30 or 60 fps. Excludes `video_id`.
    video_url: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiElementsParams(TypedDict, total=False):
    """A multi-elements editing task on the video of a session."""

    #: The session of init-selection.
    session_id: Required[str]
    #: `addition`: add the element of 1–2 images; `swap`: replace the marked element by that of 1 image; `removal`: remove the marked element.
    edit_mode: Required[Literal["addition", "swap", "removal"]]
    #: Cropped reference images (URL or raw Base64); 1–2 to add, 1 to swap, none to remove.
    image_list: Sequence[MultiElementsImageParams]
    #: What to do, naming the video and images as `<<<video_1>>>` and `<<<image_1>>>`, e.g. "Delete the chick from <<<video_1>>>"; at most 2500 characters.
    prompt: Required[str]
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: 5 s (from a 2–5 s video) or 10 s (from a 7–10 s video). Default "5".
    duration: Literal["5", "10"] | int
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiElementsSelectionParams(TypedDict, total=False):
    """Points to mark (add-selection) or unmark (delete-selection) on one frame of a session."""

    #: The session of init-selection.
    session_id: Required[str]
    #: The frame, counted from 0.
    frame_index: Required[int]
    #: Up to 10 points on the frame; to unmark, exactly the points that were added.
    points: Required[Sequence[SelectionPointParams]]
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiElementsSessionParams(TypedDict, total=False):
    """A session of init-selection."""

    #: The session of init-selection.
    session_id: Required[str]
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiImage2ImageParams(TypedDict, total=False):
    """A multi-image-to-image task (kling-v2-1)."""

    #: The model; only `kling-v2-1`.
    model_name: Literal["kling-v2-1"]
    #: What to make of the references, at most 2500 characters. Optional.
    prompt: str
    #: Not in the official field table; the official example sends `""`. Accepted; its effect is not documented.
    negative_prompt: str
    #: 1–4 subject images, each `{subject_image: URL or raw Base64}`, cropped to the subject.
    subject_image_list: Required[Sequence[SubjectImageItemParams]]
    #: The scene to place the subjects in (URL or raw Base64). Optional.
    scene_image: ImageInput
    #: The style to draw them in (URL or raw Base64). Optional.
    style_image: ImageInput
    #: How many images to make, 1–9. A task of `n` images takes `n` slots of the account's image concurrency until it ends, and is charged per image.
    n: int
    #: Aspect ratio of the generated images (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiImage2VideoParams(TypedDict, total=False):
    """A legacy multi-image-to-video task."""

    #: The model; only `kling-v1-6`.
    model_name: Literal["kling-v1-6"]
    #: Up to 4 pre-cropped subject images (URL or raw Base64).
    image_list: Required[Sequence[MultiImageItemParams]]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: Required[str]
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Video length in seconds.
    duration: Literal["5", "10"] | int
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class MultiImageItemParams(TypedDict, total=False):
    """The fields of MultiImageItem."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image: Required[ImageInput]


class MultiPromptItemParams(TypedDict, total=False):
    """One shot of a customised storyboard."""

    #: The shot's position, counted from 1 (as the official examples do).
    index: Required[int]
    #: What happens in this shot.
    prompt: Required[str]
    #: The shot's length in whole seconds. Officially a string; the gateway's example sends a number, so both are read, and clients send a string. With `multi_shot` true and `shot_type` `customize`, the shots' lengths must add up to `duration` (the `x-kling-rules` sum, which JSON Schema cannot say).
    duration: Required[Any]


class OmniImageItemParams(TypedDict, total=False):
    """The fields of OmniImage."""

    #: A publicly reachable image URL (absolute http(s), with a host, no whitespace), or the raw Base64 of the file **without** a `data:` prefix. JPG/JPEG/PNG, at most 10 MB, each side at least 300 px, aspect ratio between 1:2.5 and 2.5:1.
    image_url: Required[ImageInput]
    #: Use the image as the first or end frame; omit for element, scene or style references.
    type: Literal["first_frame", "end_frame"]


class OmniImageParams(TypedDict, total=False):
    """An omni-image task."""

    #: The model; `kling-image-o1` (the default) or `kling-v3-omni` (4k and series).
    model_name: Literal["kling-image-o1", "kling-v3-omni"]
    #: What to make, positive and negative wishes alike, at most 2500 characters. Refer to the references as `<<<image_1>>>`, `<<<element_1>>>` (1-based, in list order).
    prompt: Required[str]
    #: Reference images, each `{image: URL or raw Base64}` (JPG/JPEG/PNG, at most 10 MB, sides at least 300 px, aspect ratio 1:2.5 to 2.5:1). With `element_list`, at most 10 in all.
    image_list: Sequence[MultiImageItemParams]
    #: Elements from the element library. With `image_list`, at most 10 in all.
    element_list: Sequence[ElementRefParams]
    #: `1k`, `2k` or `4k` (kling-v3-omni only).
    resolution: Literal["1k", "2k", "4k"]
    #: `single` images (`n` of them) or a `series` (`series_amount` of them; kling-v3-omni only).
    result_type: Literal["single", "series"]
    #: How many images, 1–9 (ignored for a series). Each takes a slot of the account's image concurrency.
    n: int
    #: How many images a series has (with `result_type` `series`; ignored otherwise): 2–9, or `"auto"` for as many as the content calls for (each image takes a concurrency slot). The field table lists `2`…`9` and `auto` under type int; its example sends a number.
    series_amount: Any
    #: Width:height of the images, or `auto` (the default) to follow the references. kling-v3-omni from text alone takes no `auto`.
    aspect_ratio: Literal[
        "16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9", "auto"
    ]
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class OmniVideoItemParams(TypedDict, total=False):
    """The fields of OmniVideo."""

    #: A publicly reachable video URL (MP4/MOV). The API fetches it; local files are not accepted.
    video_url: Required[str]
    #: `feature`: a reference (next/previous shot, style, camera); `base`: edit this video. Default `base`.
    refer_type: Literal["feature", "base"]
    keep_original_sound: Literal["yes", "no"]


class OmniVideoParams(TypedDict, total=False):
    """An omni-video task."""

    #: The model. Default `kling-video-o1`.
    model_name: Literal["kling-video-o1", "kling-v3-omni"]
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Reference images or start/end frames. Images plus elements: at most 4 with a reference video, 7 otherwise. An `end_frame` needs a `first_frame`; frames exclude video editing; kling-video-o1 takes no frame with more than two images.
    image_list: Sequence[OmniImageItemParams]
    #: Elements from the element library. At most 3 with a first frame; with start and end frames at most 3 on kling-v3-omni and none on kling-video-o1.
    element_list: Sequence[ElementRefParams]
    #: At most one reference video: MP4/MOV, ≥ 3 s, 720–2160 px each side, 24–60 fps, ≤ 200 MB.
    video_list: Sequence[OmniVideoItemParams]
    #: Generate audio (kling-v3-omni only). Default `off`; must be `off` when a reference video is given.
    sound: Literal["on", "off"]
    #: Quality tier. Default `pro` (unlike text2video and image2video).
    mode: Literal["std", "pro"]
    #: Required unless a first frame or a video to edit sets the frame. With them it is accepted and ignored (the official examples send it there; the legacy field table says "not supported").
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Length in seconds (default "5"), "3"–"15" for kling-v3-omni, "3"–"10" for kling-video-o1 ("5" or "10" from a first frame alone; the capability map's "5 or 10 s" for text alone is contradicted by the API reference, so text alone takes "3"–"10"); ignored when editing a video (`refer_type` `base`).
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class PresetElementsQueryParams(TypedDict, total=False):
    """The query parameters of preset-elements."""

    #: Page number, from 1.
    pageNum: int
    #: Tasks per page.
    pageSize: int
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class PresetVoicesQueryParams(TypedDict, total=False):
    """The query parameters of preset-voices."""

    #: Page number, from 1.
    pageNum: int
    #: Items per page (up to 1000 for voices, unlike the 500 of task lists).
    pageSize: int
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class SelectionPointParams(TypedDict, total=False):
    """The fields of SelectionPoint."""

    #: Across the frame, 0–1.
    x: Required[float]
    #: Along the frame's height, 0–1 ((0, 1) is the top-left corner, the docs say).
    y: Required[float]


class SubjectImageItemParams(TypedDict, total=False):
    """The fields of SubjectImageItem."""

    #: A subject, already cropped (URL or raw Base64; JPG/JPEG/PNG, at most 10 MB, sides at least 300 px, aspect ratio 1:2.5 to 2.5:1).
    subject_image: Required[ImageInput]


class Text2VideoParams(TypedDict, total=False):
    """A text-to-video task."""

    #: The model; when none is given kling-ext sends `kling-v1`, the official default and the oldest model (the default gateway requires the field). Name a newer one, such as `kling-v3`, for newer abilities and prices.
    model_name: Literal[
        "kling-v1",
        "kling-v1-6",
        "kling-v2-master",
        "kling-v2-1-master",
        "kling-v2-5-turbo",
        "kling-v2-6",
        "kling-v3",
    ]
    #: The legacy name of `model_name`, which the official API still accepts. Read, never sent: kling-ext sends its value as `model_name`, and refuses both with different values (a rule this schema does not state: comparing two fields would take one branch per model, which generators cannot expand). The default gateway requires `model_name`, so a body with `model` alone is refused by it and by this schema.
    model: str
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: Multi-shot generation (kling-v3, kling-v3-omni). When true, `prompt` is ignored (unless `shot_type` is `intelligence`) and `shot_type` is required. No end frame may be given, and omni-video takes no start frame either; image-to-video needs its start frame (`image`): the official kling-v3 multi-shot example sends one, though the field table says "no start/end frame". Default false.
    multi_shot: bool
    #: How shots are organised when `multi_shot` is true: `customize` takes the storyboard in `multi_prompt`; `intelligence` lets the model split `prompt` into shots.
    shot_type: Literal["customize", "intelligence"]
    #: The storyboard for `multi_shot` with `shot_type` `customize`: 1–6 shots.
    multi_prompt: Sequence[MultiPromptItemParams]
    #: Generate audio with the video. Which models can is said by the request schema's `allOf` rules.
    sound: Literal["on", "off"]
    #: How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1 models; the kling-v2 models do not support it; no source documents it for kling-v3.
    cfg_scale: float
    #: Quality tier: `std` (cheaper) or `pro`. kling-v1 renders both at 720p; the other models render `std` at 720p and `pro` at 1080p. kling-v2-master and kling-v2-1-master take no mode at all. Which model accepts which mode is said by the request schema's `allOf` rules. (`4k` is announced for kling-v3 but not documented for the `/v1` API, so it is not accepted here.)
    mode: Literal["std", "pro"]
    #: Camera movement. `type` is required (image2video's documentation says so; text2video's leaves it optional, but a `config` without a `type` names no movement). `simple` needs `config` with exactly one non-zero axis; the preset types (`down_back`, `forward_up`, `right_turn_forward`, `left_turn_forward`) take no `config`. Which models support it is said by the request schema's `allOf` rules.
    camera_control: CameraControlParams
    #: Frame aspect ratio (width:height).
    aspect_ratio: Literal["16:9", "9:16", "1:1"]
    #: Video length in seconds, as a string. Which values a model accepts is said by the request schema's `allOf` rules: `"5"`/`"10"` up to kling-v2-6, `"3"`–`"15"` for kling-v3 and kling-v3-omni, `"3"`–`"10"` for kling-video-o1.
    duration: (
        Literal["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]
        | int
    )
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class TextToAudioParams(TypedDict, total=False):
    """A text-to-audio task (sound effects from a prompt)."""

    #: What the sound is. At most 200 characters.
    prompt: Required[str]
    #: Length of the audio in seconds, 3.0–10.0, with at most one decimal place (e.g. 3, 5.5).
    duration: Required[float]
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class TextToSpeechParams(TypedDict, total=False):
    """A text-to-speech request (synchronous)."""

    #: The text to speak. At most 1000 characters; the API also checks its content.
    text: Required[str]
    #: A voice id, e.g. `oversea_male1`; the official voice guide lists the voices with their ids and languages.
    voice_id: Required[str]
    #: The voice's language, which must match the voice. The docs mark it required and give the default `zh`.
    voice_language: Required[Literal["zh", "en"]]
    #: Speech rate, 0.8–2.0 with one decimal place. Default 1.0. (The docs say the API rounds a value outside the range into it; the spec refuses it, so the mistake is seen.)
    voice_speed: float
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class VideoExtendParams(TypedDict, total=False):
    """A video-extension task (see the operation for its source)."""

    #: The id of the video to extend (`task_result.videos[].id` of a text-to-video, image-to-video or video-extension task of kling-v1, kling-v1-5 or kling-v1-6), at most 3 minutes long and made within the last 30 days.
    video_id: Required[str]
    #: What to generate: subject, action, camera, light, style. At most 2500 characters. Omni-video prompts refer to inputs as `<<<image_1>>>`, `<<<video_1>>>`, `<<<element_1>>>` (1-based, in list order); with `voice_list`, `<<<voice_1>>>` refers to a voice.
    prompt: str
    #: What to avoid. At most 2500 characters; may be empty.
    negative_prompt: str
    #: How closely to follow the prompt, 0–1 (higher = closer). Documented for the kling-v1 models; the kling-v2 models do not support it; no source documents it for kling-v3.
    cfg_scale: float
    #: Also produce a watermarked copy (`watermark_url` in the result).
    watermark_info: WatermarkInfoParams
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class VideoToAudioParams(TypedDict, total=False):
    """A video-to-audio task (sound effects and background music for a video)."""

    #: A video generated by Kling within the last 30 days, 3.0–20.0 s long. Exactly one of `video_id` and `video_url`.
    video_id: str
    #: A public video URL: MP4/MOV, at most 100 MB, 3.0–20.0 s. Exactly one of `video_id` and `video_url`.
    video_url: str
    #: The sound effects wanted. At most 200 characters.
    sound_effect_prompt: str
    #: The background music wanted. At most 200 characters.
    bgm_prompt: str
    #: ASMR mode, which brings out detailed sound effects for immersive content. Default false.
    asmr_mode: bool
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class VirtualTryOnParams(TypedDict, total=False):
    """A virtual try-on task (fields from the update log and public clients; see the operation)."""

    #: The model: `kolors-virtual-try-on-v1` (the default) or `kolors-virtual-try-on-v1-5`, which also takes an "upper + lower" pair in one `cloth_image`. Since Try-On 3.0 (09/15/2026) both run on the 3.0 pipeline.
    model_name: Literal["kolors-virtual-try-on-v1", "kolors-virtual-try-on-v1-5"]
    #: The person to dress (URL or raw Base64; JPG/JPEG/PNG, at most 10 MB, sides at least 300 px).
    human_image: Required[ImageInput]
    #: The clothes (URL or raw Base64; JPG/JPEG/PNG, at most 10 MB, sides at least 300 px): a product or white-background picture of one garment (upper, lower or dress), or with kolors-virtual-try-on-v1-5 an upper and a lower garment side by side; since 3.0 also flat-lay, mannequin or on-model pictures. Two uppers, two lowers, two dresses or a dress with anything fail.
    cloth_image: Required[ImageInput]
    #: Where the server POSTs the task object whenever its status changes. An empty string means none (the gateway's examples send `""`).
    callback_url: str
    #: The caller's own id for the task. Must be unique within the account; the task can then be queried by it. kling-ext always sends one (a fresh UUID when the caller gives none) so that a create whose answer was lost can be found instead of paid for twice. An empty string means none.
    external_task_id: str
    #: Fields the spec does not have yet: merged into the sent body as given, not validated.
    extra_body: Mapping[str, Any]
    #: Send enum values the spec does not list yet (such as a newer model) with a warning,
    #: instead of refusing them; everything else is still validated.
    allow_unknown: bool


class VoiceRefParams(TypedDict, total=False):
    """The fields of VoiceRef."""

    #: A custom or preset voice id.
    voice_id: Required[str]


class WatermarkInfoParams(TypedDict, total=False):
    """Also produce a watermarked copy (`watermark_url` in the result)."""

    enabled: Required[bool]
