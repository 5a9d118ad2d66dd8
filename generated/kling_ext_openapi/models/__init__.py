"""Contains all the data models used in inputs/outputs"""

from .advanced_lip_sync_request import AdvancedLipSyncRequest
from .aspect_ratio import AspectRatio
from .avatar_request import AvatarRequest
from .balance_deduction import BalanceDeduction
from .camera_config import CameraConfig
from .camera_control import CameraControl
from .camera_control_type import CameraControlType
from .create_task_envelope import CreateTaskEnvelope
from .created_task import CreatedTask
from .duration import Duration
from .dynamic_mask import DynamicMask
from .dynamic_mask_trajectories_item import DynamicMaskTrajectoriesItem
from .effect_scene import EffectScene
from .effects_input import EffectsInput
from .effects_request import EffectsRequest
from .element_ref import ElementRef
from .error_envelope import ErrorEnvelope
from .face_data import FaceData
from .frame_mask import FrameMask
from .frame_mask_png_mask import FrameMaskPngMask
from .frame_mask_rle_mask import FrameMaskRleMask
from .identify_face_envelope import IdentifyFaceEnvelope
from .identify_face_request import IdentifyFaceRequest
from .identify_face_result import IdentifyFaceResult
from .image2video_request import Image2VideoRequest
from .image2video_request_model_name import Image2VideoRequestModelName
from .image_recognize_envelope import ImageRecognizeEnvelope
from .image_recognize_request import ImageRecognizeRequest
from .image_recognize_result import ImageRecognizeResult
from .image_recognize_result_task_result import ImageRecognizeResultTaskResult
from .known_task_status import KnownTaskStatus
from .lip_sync_face import LipSyncFace
from .lip_sync_input import LipSyncInput
from .lip_sync_input_audio_type import LipSyncInputAudioType
from .lip_sync_input_mode import LipSyncInputMode
from .lip_sync_input_voice_language import LipSyncInputVoiceLanguage
from .lip_sync_request import LipSyncRequest
from .mode import Mode
from .motion_control_request import MotionControlRequest
from .motion_control_request_character_orientation import (
    MotionControlRequestCharacterOrientation,
)
from .motion_control_request_model_name import MotionControlRequestModelName
from .multi_elements_image import MultiElementsImage
from .multi_elements_init_request import MultiElementsInitRequest
from .multi_elements_request import MultiElementsRequest
from .multi_elements_request_duration import MultiElementsRequestDuration
from .multi_elements_request_edit_mode import MultiElementsRequestEditMode
from .multi_elements_selection_request import MultiElementsSelectionRequest
from .multi_elements_session import MultiElementsSession
from .multi_elements_session_envelope import MultiElementsSessionEnvelope
from .multi_elements_session_request import MultiElementsSessionRequest
from .multi_elements_session_res import MultiElementsSessionRes
from .multi_image2video_request import MultiImage2VideoRequest
from .multi_image2video_request_duration import MultiImage2VideoRequestDuration
from .multi_image2video_request_model_name import MultiImage2VideoRequestModelName
from .multi_image_item import MultiImageItem
from .multi_prompt_item import MultiPromptItem
from .omni_image import OmniImage
from .omni_image_type import OmniImageType
from .omni_video import OmniVideo
from .omni_video_refer_type import OmniVideoReferType
from .omni_video_request import OmniVideoRequest
from .omni_video_request_model_name import OmniVideoRequestModelName
from .recognized_image import RecognizedImage
from .recognized_image_type_type_0 import RecognizedImageTypeType0
from .result_audio import ResultAudio
from .result_image import ResultImage
from .result_video import ResultVideo
from .selection_point import SelectionPoint
from .shot_type import ShotType
from .sound import Sound
from .task import Task
from .task_envelope import TaskEnvelope
from .task_info import TaskInfo
from .task_info_parent_video import TaskInfoParentVideo
from .task_list_envelope import TaskListEnvelope
from .task_result import TaskResult
from .text2video_request import Text2VideoRequest
from .text2video_request_model_name import Text2VideoRequestModelName
from .video_extend_request import VideoExtendRequest
from .voice_ref import VoiceRef
from .watermark_info import WatermarkInfo
from .watermark_info_result import WatermarkInfoResult
from .yes_no import YesNo

__all__ = (
    "AdvancedLipSyncRequest",
    "AspectRatio",
    "AvatarRequest",
    "BalanceDeduction",
    "CameraConfig",
    "CameraControl",
    "CameraControlType",
    "CreateTaskEnvelope",
    "CreatedTask",
    "Duration",
    "DynamicMask",
    "DynamicMaskTrajectoriesItem",
    "EffectScene",
    "EffectsInput",
    "EffectsRequest",
    "ElementRef",
    "ErrorEnvelope",
    "FaceData",
    "FrameMask",
    "FrameMaskPngMask",
    "FrameMaskRleMask",
    "IdentifyFaceEnvelope",
    "IdentifyFaceRequest",
    "IdentifyFaceResult",
    "Image2VideoRequest",
    "Image2VideoRequestModelName",
    "ImageRecognizeEnvelope",
    "ImageRecognizeRequest",
    "ImageRecognizeResult",
    "ImageRecognizeResultTaskResult",
    "KnownTaskStatus",
    "LipSyncFace",
    "LipSyncInput",
    "LipSyncInputAudioType",
    "LipSyncInputMode",
    "LipSyncInputVoiceLanguage",
    "LipSyncRequest",
    "Mode",
    "MotionControlRequest",
    "MotionControlRequestCharacterOrientation",
    "MotionControlRequestModelName",
    "MultiElementsImage",
    "MultiElementsInitRequest",
    "MultiElementsRequest",
    "MultiElementsRequestDuration",
    "MultiElementsRequestEditMode",
    "MultiElementsSelectionRequest",
    "MultiElementsSession",
    "MultiElementsSessionEnvelope",
    "MultiElementsSessionRequest",
    "MultiElementsSessionRes",
    "MultiImage2VideoRequest",
    "MultiImage2VideoRequestDuration",
    "MultiImage2VideoRequestModelName",
    "MultiImageItem",
    "MultiPromptItem",
    "OmniImage",
    "OmniImageType",
    "OmniVideo",
    "OmniVideoReferType",
    "OmniVideoRequest",
    "OmniVideoRequestModelName",
    "RecognizedImage",
    "RecognizedImageTypeType0",
    "ResultAudio",
    "ResultImage",
    "ResultVideo",
    "SelectionPoint",
    "ShotType",
    "Sound",
    "Task",
    "TaskEnvelope",
    "TaskInfo",
    "TaskInfoParentVideo",
    "TaskListEnvelope",
    "TaskResult",
    "Text2VideoRequest",
    "Text2VideoRequestModelName",
    "VideoExtendRequest",
    "VoiceRef",
    "WatermarkInfo",
    "WatermarkInfoResult",
    "YesNo",
)
