"""Contains all the data models used in inputs/outputs"""

from .aspect_ratio import AspectRatio
from .balance_deduction import BalanceDeduction
from .camera_config import CameraConfig
from .camera_control import CameraControl
from .camera_control_type import CameraControlType
from .create_task_envelope import CreateTaskEnvelope
from .created_task import CreatedTask
from .duration import Duration
from .dynamic_mask import DynamicMask
from .dynamic_mask_trajectories_item import DynamicMaskTrajectoriesItem
from .element_ref import ElementRef
from .error_envelope import ErrorEnvelope
from .image2video_request import Image2VideoRequest
from .image2video_request_model_name import Image2VideoRequestModelName
from .image_aspect_ratio import ImageAspectRatio
from .image_expand_request import ImageExpandRequest
from .image_generation_request import ImageGenerationRequest
from .image_generation_request_image_reference import (
    ImageGenerationRequestImageReference,
)
from .image_generation_request_model_name import ImageGenerationRequestModelName
from .image_generation_request_resolution import ImageGenerationRequestResolution
from .known_task_status import KnownTaskStatus
from .mode import Mode
from .motion_control_request import MotionControlRequest
from .motion_control_request_character_orientation import (
    MotionControlRequestCharacterOrientation,
)
from .motion_control_request_model_name import MotionControlRequestModelName
from .multi_image2video_request import MultiImage2VideoRequest
from .multi_image2video_request_duration import MultiImage2VideoRequestDuration
from .multi_image2video_request_model_name import MultiImage2VideoRequestModelName
from .multi_image_2_image_request import MultiImage2ImageRequest
from .multi_image_2_image_request_model_name import MultiImage2ImageRequestModelName
from .multi_image_item import MultiImageItem
from .multi_prompt_item import MultiPromptItem
from .omni_image import OmniImage
from .omni_image_request import OmniImageRequest
from .omni_image_request_aspect_ratio import OmniImageRequestAspectRatio
from .omni_image_request_model_name import OmniImageRequestModelName
from .omni_image_request_resolution import OmniImageRequestResolution
from .omni_image_request_result_type import OmniImageRequestResultType
from .omni_image_type import OmniImageType
from .omni_video import OmniVideo
from .omni_video_refer_type import OmniVideoReferType
from .omni_video_request import OmniVideoRequest
from .omni_video_request_model_name import OmniVideoRequestModelName
from .result_audio import ResultAudio
from .result_image import ResultImage
from .result_video import ResultVideo
from .series_amount_type_1 import SeriesAmountType1
from .shot_type import ShotType
from .sound import Sound
from .subject_image_item import SubjectImageItem
from .task import Task
from .task_envelope import TaskEnvelope
from .task_info import TaskInfo
from .task_info_parent_video import TaskInfoParentVideo
from .task_list_envelope import TaskListEnvelope
from .task_result import TaskResult
from .text2video_request import Text2VideoRequest
from .text2video_request_model_name import Text2VideoRequestModelName
from .virtual_try_on_request import VirtualTryOnRequest
from .virtual_try_on_request_model_name import VirtualTryOnRequestModelName
from .voice_ref import VoiceRef
from .watermark_info import WatermarkInfo
from .watermark_info_result import WatermarkInfoResult
from .yes_no import YesNo

__all__ = (
    "AspectRatio",
    "BalanceDeduction",
    "CameraConfig",
    "CameraControl",
    "CameraControlType",
    "CreateTaskEnvelope",
    "CreatedTask",
    "Duration",
    "DynamicMask",
    "DynamicMaskTrajectoriesItem",
    "ElementRef",
    "ErrorEnvelope",
    "Image2VideoRequest",
    "Image2VideoRequestModelName",
    "ImageAspectRatio",
    "ImageExpandRequest",
    "ImageGenerationRequest",
    "ImageGenerationRequestImageReference",
    "ImageGenerationRequestModelName",
    "ImageGenerationRequestResolution",
    "KnownTaskStatus",
    "Mode",
    "MotionControlRequest",
    "MotionControlRequestCharacterOrientation",
    "MotionControlRequestModelName",
    "MultiImage2ImageRequest",
    "MultiImage2ImageRequestModelName",
    "MultiImage2VideoRequest",
    "MultiImage2VideoRequestDuration",
    "MultiImage2VideoRequestModelName",
    "MultiImageItem",
    "MultiPromptItem",
    "OmniImage",
    "OmniImageRequest",
    "OmniImageRequestAspectRatio",
    "OmniImageRequestModelName",
    "OmniImageRequestResolution",
    "OmniImageRequestResultType",
    "OmniImageType",
    "OmniVideo",
    "OmniVideoReferType",
    "OmniVideoRequest",
    "OmniVideoRequestModelName",
    "ResultAudio",
    "ResultImage",
    "ResultVideo",
    "SeriesAmountType1",
    "ShotType",
    "Sound",
    "SubjectImageItem",
    "Task",
    "TaskEnvelope",
    "TaskInfo",
    "TaskInfoParentVideo",
    "TaskListEnvelope",
    "TaskResult",
    "Text2VideoRequest",
    "Text2VideoRequestModelName",
    "VirtualTryOnRequest",
    "VirtualTryOnRequestModelName",
    "VoiceRef",
    "WatermarkInfo",
    "WatermarkInfoResult",
    "YesNo",
)
