"""Contains all the data models used in inputs/outputs"""

from .account_costs import AccountCosts
from .account_costs_envelope import AccountCostsEnvelope
from .advanced_lip_sync_request import AdvancedLipSyncRequest
from .ai_multi_shot_request import AiMultiShotRequest
from .aspect_ratio import AspectRatio
from .avatar_request import AvatarRequest
from .balance_deduction import BalanceDeduction
from .billing_balance_detail import BillingBalanceDetail
from .billing_balance_detail_cash_type_type_0 import BillingBalanceDetailCashTypeType0
from .billing_balance_detail_currency_type_0 import BillingBalanceDetailCurrencyType0
from .billing_balance_detail_resolution_type_0 import (
    BillingBalanceDetailResolutionType0,
)
from .billing_balance_detail_video_sound_type_0 import (
    BillingBalanceDetailVideoSoundType0,
)
from .billing_balance_envelope import BillingBalanceEnvelope
from .billing_balance_envelope_data import BillingBalanceEnvelopeData
from .billing_balance_envelope_data_result import BillingBalanceEnvelopeDataResult
from .billing_balance_filter import BillingBalanceFilter
from .billing_balance_filter_key import BillingBalanceFilterKey
from .billing_balance_request import BillingBalanceRequest
from .billing_package_detail import BillingPackageDetail
from .billing_package_detail_product_type_type_0 import (
    BillingPackageDetailProductTypeType0,
)
from .billing_package_detail_resolution_type_0 import (
    BillingPackageDetailResolutionType0,
)
from .billing_package_detail_video_sound_type_0 import (
    BillingPackageDetailVideoSoundType0,
)
from .billing_package_envelope import BillingPackageEnvelope
from .billing_package_envelope_data import BillingPackageEnvelopeData
from .billing_package_envelope_data_result import BillingPackageEnvelopeDataResult
from .billing_package_filter import BillingPackageFilter
from .billing_package_filter_key import BillingPackageFilterKey
from .billing_package_request import BillingPackageRequest
from .camera_config import CameraConfig
from .camera_control import CameraControl
from .camera_control_type import CameraControlType
from .create_task_envelope import CreateTaskEnvelope
from .created_task import CreatedTask
from .custom_element_request import CustomElementRequest
from .custom_element_request_reference_type import CustomElementRequestReferenceType
from .custom_voice_request import CustomVoiceRequest
from .delete_element_request import DeleteElementRequest
from .delete_voice_request import DeleteVoiceRequest
from .deletion import Deletion
from .deletion_envelope import DeletionEnvelope
from .duration import Duration
from .dynamic_mask import DynamicMask
from .dynamic_mask_trajectories_item import DynamicMaskTrajectoriesItem
from .effect_scene import EffectScene
from .effects_input import EffectsInput
from .effects_request import EffectsRequest
from .element_image_list import ElementImageList
from .element_ref import ElementRef
from .element_refer_image import ElementReferImage
from .element_refer_video import ElementReferVideo
from .element_tag import ElementTag
from .element_tag_tag_id import ElementTagTagId
from .element_task import ElementTask
from .element_task_task_result import ElementTaskTaskResult
from .element_video_list import ElementVideoList
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
from .image_aspect_ratio import ImageAspectRatio
from .image_expand_request import ImageExpandRequest
from .image_generation_request import ImageGenerationRequest
from .image_generation_request_image_reference import (
    ImageGenerationRequestImageReference,
)
from .image_generation_request_model_name import ImageGenerationRequestModelName
from .image_generation_request_resolution import ImageGenerationRequestResolution
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
from .preset_elements_envelope import PresetElementsEnvelope
from .preset_voices_envelope import PresetVoicesEnvelope
from .recognized_image import RecognizedImage
from .recognized_image_type_type_0 import RecognizedImageTypeType0
from .resource_pack import ResourcePack
from .resource_pack_resource_pack_type_type_0 import ResourcePackResourcePackTypeType0
from .resource_pack_status_type_0 import ResourcePackStatusType0
from .result_audio import ResultAudio
from .result_element import ResultElement
from .result_element_element_image_list import ResultElementElementImageList
from .result_element_element_video_list import ResultElementElementVideoList
from .result_element_reference_type_type_0 import ResultElementReferenceTypeType0
from .result_element_status_type_0 import ResultElementStatusType0
from .result_element_tag_list_item import ResultElementTagListItem
from .result_image import ResultImage
from .result_multi_shot_image import ResultMultiShotImage
from .result_video import ResultVideo
from .result_voice import ResultVoice
from .selection_point import SelectionPoint
from .series_amount_type_1 import SeriesAmountType1
from .shot_type import ShotType
from .sound import Sound
from .speech_audio import SpeechAudio
from .subject_image_item import SubjectImageItem
from .task import Task
from .task_envelope import TaskEnvelope
from .task_info import TaskInfo
from .task_info_parent_video import TaskInfoParentVideo
from .task_list_envelope import TaskListEnvelope
from .task_result import TaskResult
from .text2video_request import Text2VideoRequest
from .text2video_request_model_name import Text2VideoRequestModelName
from .text_to_audio_request import TextToAudioRequest
from .text_to_speech_envelope import TextToSpeechEnvelope
from .text_to_speech_request import TextToSpeechRequest
from .text_to_speech_request_voice_language import TextToSpeechRequestVoiceLanguage
from .text_to_speech_result import TextToSpeechResult
from .text_to_speech_result_task_result import TextToSpeechResultTaskResult
from .video_extend_request import VideoExtendRequest
from .video_to_audio_request import VideoToAudioRequest
from .virtual_try_on_request import VirtualTryOnRequest
from .virtual_try_on_request_model_name import VirtualTryOnRequestModelName
from .voice_ref import VoiceRef
from .voice_task import VoiceTask
from .voice_task_task_result import VoiceTaskTaskResult
from .watermark_info import WatermarkInfo
from .watermark_info_result import WatermarkInfoResult
from .yes_no import YesNo

__all__ = (
    "AccountCosts",
    "AccountCostsEnvelope",
    "AdvancedLipSyncRequest",
    "AiMultiShotRequest",
    "AspectRatio",
    "AvatarRequest",
    "BalanceDeduction",
    "BillingBalanceDetail",
    "BillingBalanceDetailCashTypeType0",
    "BillingBalanceDetailCurrencyType0",
    "BillingBalanceDetailResolutionType0",
    "BillingBalanceDetailVideoSoundType0",
    "BillingBalanceEnvelope",
    "BillingBalanceEnvelopeData",
    "BillingBalanceEnvelopeDataResult",
    "BillingBalanceFilter",
    "BillingBalanceFilterKey",
    "BillingBalanceRequest",
    "BillingPackageDetail",
    "BillingPackageDetailProductTypeType0",
    "BillingPackageDetailResolutionType0",
    "BillingPackageDetailVideoSoundType0",
    "BillingPackageEnvelope",
    "BillingPackageEnvelopeData",
    "BillingPackageEnvelopeDataResult",
    "BillingPackageFilter",
    "BillingPackageFilterKey",
    "BillingPackageRequest",
    "CameraConfig",
    "CameraControl",
    "CameraControlType",
    "CreateTaskEnvelope",
    "CreatedTask",
    "CustomElementRequest",
    "CustomElementRequestReferenceType",
    "CustomVoiceRequest",
    "DeleteElementRequest",
    "DeleteVoiceRequest",
    "Deletion",
    "DeletionEnvelope",
    "Duration",
    "DynamicMask",
    "DynamicMaskTrajectoriesItem",
    "EffectScene",
    "EffectsInput",
    "EffectsRequest",
    "ElementImageList",
    "ElementRef",
    "ElementReferImage",
    "ElementReferVideo",
    "ElementTag",
    "ElementTagTagId",
    "ElementTask",
    "ElementTaskTaskResult",
    "ElementVideoList",
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
    "ImageAspectRatio",
    "ImageExpandRequest",
    "ImageGenerationRequest",
    "ImageGenerationRequestImageReference",
    "ImageGenerationRequestModelName",
    "ImageGenerationRequestResolution",
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
    "PresetElementsEnvelope",
    "PresetVoicesEnvelope",
    "RecognizedImage",
    "RecognizedImageTypeType0",
    "ResourcePack",
    "ResourcePackResourcePackTypeType0",
    "ResourcePackStatusType0",
    "ResultAudio",
    "ResultElement",
    "ResultElementElementImageList",
    "ResultElementElementVideoList",
    "ResultElementReferenceTypeType0",
    "ResultElementStatusType0",
    "ResultElementTagListItem",
    "ResultImage",
    "ResultMultiShotImage",
    "ResultVideo",
    "ResultVoice",
    "SelectionPoint",
    "SeriesAmountType1",
    "ShotType",
    "Sound",
    "SpeechAudio",
    "SubjectImageItem",
    "Task",
    "TaskEnvelope",
    "TaskInfo",
    "TaskInfoParentVideo",
    "TaskListEnvelope",
    "TaskResult",
    "Text2VideoRequest",
    "Text2VideoRequestModelName",
    "TextToAudioRequest",
    "TextToSpeechEnvelope",
    "TextToSpeechRequest",
    "TextToSpeechRequestVoiceLanguage",
    "TextToSpeechResult",
    "TextToSpeechResultTaskResult",
    "VideoExtendRequest",
    "VideoToAudioRequest",
    "VirtualTryOnRequest",
    "VirtualTryOnRequestModelName",
    "VoiceRef",
    "VoiceTask",
    "VoiceTaskTaskResult",
    "WatermarkInfo",
    "WatermarkInfoResult",
    "YesNo",
)
