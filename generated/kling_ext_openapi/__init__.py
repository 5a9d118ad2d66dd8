"""A client library for accessing Kling AI API (video, image, audio)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
