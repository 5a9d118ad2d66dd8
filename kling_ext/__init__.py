"""kling-ext: the typed Python client for the Kling AI video-generation API.

    from kling_ext import Kling
    with Kling() as client:                      # key from KLING_API_KEY (else API_KEY)
        task = client.text2video.run(prompt="a rabbit racing a car", duration=5)
        client.download(task, "out/")

`AsyncKling` is the same with `await`. Errors derive from `KlingError`.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import TYPE_CHECKING, Any

from ._account import ResourcePack
from ._async_client import AsyncKling
from ._base_client import ProgressCallback
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    ExternalTaskIdInUseError,
    InsufficientBalanceError,
    InvalidRequestError,
    KlingError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    TaskError,
    TaskFailedError,
    TaskMayExistError,
    TaskStateError,
    TaskTimeoutError,
    ValidationError,
)
from ._polling import PollSchedule
from ._prepare import UnknownValueWarning
from ._resource_base import AsyncCallResource, AsyncResource, CallResource, OnUpdate, Resource
from ._sync_client import Kling
from ._task import (
    Audio,
    AudioFormat,
    CallResult,
    Image,
    Output,
    Task,
    TaskStatus,
    Video,
    parse_callback,
)

if TYPE_CHECKING:
    from ._batch import Batch, BatchProgress, BatchReport, JobResult
    from ._batch_jobs import JobProblem, JobsFileError
    from ._batch_ledger import LedgerBusyError, LedgerError
    from .callbacks import (
        CallbackEvent,
        CallbackInbox,
        CallbackReceiver,
        CallbackSchedule,
        WebhookVerificationError,
        verify_webhook,
    )

# Imported on first use: the batch runner pulls in asyncio and sqlite3 (~40 ms), which a
# library user who never runs a batch should not pay for at `import kling_ext`.
_LAZY = {
    "CallbackEvent": ".callbacks",
    "CallbackInbox": ".callbacks",
    "CallbackReceiver": ".callbacks",
    "CallbackSchedule": ".callbacks",
    "WebhookVerificationError": ".callbacks",
    "verify_webhook": ".callbacks",
    "Batch": "._batch",
    "BatchProgress": "._batch",
    "BatchReport": "._batch",
    "JobResult": "._batch",
    "JobProblem": "._batch_jobs",
    "JobsFileError": "._batch_jobs",
    "LedgerBusyError": "._batch_ledger",
    "LedgerError": "._batch_ledger",
}

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncCallResource",
    "AsyncKling",
    "AsyncResource",
    "Audio",
    "AudioFormat",
    "AuthenticationError",
    "Batch",
    "BatchProgress",
    "BatchReport",
    "CallResource",
    "CallResult",
    "CallbackEvent",
    "CallbackInbox",
    "CallbackReceiver",
    "CallbackSchedule",
    "ConfigurationError",
    "ExternalTaskIdInUseError",
    "Image",
    "InsufficientBalanceError",
    "InvalidRequestError",
    "JobProblem",
    "JobResult",
    "JobsFileError",
    "Kling",
    "KlingError",
    "LedgerBusyError",
    "LedgerError",
    "NotFoundError",
    "OnUpdate",
    "Output",
    "PermissionDeniedError",
    "PollSchedule",
    "ProgressCallback",
    "RateLimitError",
    "Resource",
    "ResourcePack",
    "ResponseValidationError",
    "ServerError",
    "Task",
    "TaskError",
    "TaskFailedError",
    "TaskMayExistError",
    "TaskStateError",
    "TaskStatus",
    "TaskTimeoutError",
    "UnknownValueWarning",
    "ValidationError",
    "Video",
    "WebhookVerificationError",
    "__version__",
    "parse_callback",
    "verify_webhook",
]

__version__: str
"""The installed distribution's version, e.g. `0.1.0` (read on first use: it costs ~30 ms)."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._version import version

        return version()
    if name in _LAZY:
        obj = getattr(importlib.import_module(_LAZY[name], __name__), name)
        _present(obj)
        globals()[name] = obj
        return obj
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _present(obj: object) -> None:
    """Errors and values show as kling_ext.X in tracebacks and reprs, not as private modules."""
    if getattr(obj, "__module__", "").startswith("kling_ext."):
        with contextlib.suppress(AttributeError, TypeError):
            obj.__module__ = __name__


for _name in __all__:
    if _name != "__version__" and _name not in _LAZY:
        _present(globals()[_name])
del _name
