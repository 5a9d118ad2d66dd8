"""Where `Kling` and `AsyncKling` lived before the split: `_sync_client.py`, `_async_client.py`.

Kept only so that modules still importing from here (the batch runner) go on working; new code
imports from the modules themselves.
"""

from __future__ import annotations

from ._async_client import AsyncKling
from ._sync_client import Kling

__all__ = ["AsyncKling", "Kling"]
