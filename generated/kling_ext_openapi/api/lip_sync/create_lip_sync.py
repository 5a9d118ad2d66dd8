from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.lip_sync_request import LipSyncRequest
from ...types import Response


def _get_kwargs(
    *,
    body: LipSyncRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/lip-sync",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreateTaskEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CreateTaskEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorEnvelope.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorEnvelope.from_dict(response.json())

        return response_504

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LipSyncRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a lip-sync task (older API)

     The older lip-sync API, which gateways still serve: one call with a video (`input.video_id`
    of a Kling video, or `input.video_url`) and either a text spoken by a preset voice
    (`mode` `text2video`: `text`, `voice_id`, `voice_language`, `voice_speed`) or an audio
    (`mode` `audio2video`: `audio_type` `file` with `audio_file`, or `url` with `audio_url`).
    Source: Kling's 2026-09 API reference no longer has this page (it documents identify-face
    and advanced-lip-sync instead); the fields, limits and defaults here are those of Kling's
    earlier Lip-Sync page as the schema generated from it records them (ComfyUI's Kling
    nodes) and as gateway pages repeat them: video 2–10 s, 720p/1080p (60 s since the
    06/30/2025 update); text at most 120 characters; voice_speed 0.8–2.0, default 1.0;
    voice_language default `en`; audio .mp3/.wav/.m4a/.aac, at most 5 MB.
    No `external_task_id`: no source lists one for this endpoint, so a create whose answer
    was lost cannot be looked up by an id of the caller's.

    Args:
        body (LipSyncRequest): A lip-sync task of the older one-step API (see the operation for
            its source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTaskEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LipSyncRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a lip-sync task (older API)

     The older lip-sync API, which gateways still serve: one call with a video (`input.video_id`
    of a Kling video, or `input.video_url`) and either a text spoken by a preset voice
    (`mode` `text2video`: `text`, `voice_id`, `voice_language`, `voice_speed`) or an audio
    (`mode` `audio2video`: `audio_type` `file` with `audio_file`, or `url` with `audio_url`).
    Source: Kling's 2026-09 API reference no longer has this page (it documents identify-face
    and advanced-lip-sync instead); the fields, limits and defaults here are those of Kling's
    earlier Lip-Sync page as the schema generated from it records them (ComfyUI's Kling
    nodes) and as gateway pages repeat them: video 2–10 s, 720p/1080p (60 s since the
    06/30/2025 update); text at most 120 characters; voice_speed 0.8–2.0, default 1.0;
    voice_language default `en`; audio .mp3/.wav/.m4a/.aac, at most 5 MB.
    No `external_task_id`: no source lists one for this endpoint, so a create whose answer
    was lost cannot be looked up by an id of the caller's.

    Args:
        body (LipSyncRequest): A lip-sync task of the older one-step API (see the operation for
            its source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTaskEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LipSyncRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a lip-sync task (older API)

     The older lip-sync API, which gateways still serve: one call with a video (`input.video_id`
    of a Kling video, or `input.video_url`) and either a text spoken by a preset voice
    (`mode` `text2video`: `text`, `voice_id`, `voice_language`, `voice_speed`) or an audio
    (`mode` `audio2video`: `audio_type` `file` with `audio_file`, or `url` with `audio_url`).
    Source: Kling's 2026-09 API reference no longer has this page (it documents identify-face
    and advanced-lip-sync instead); the fields, limits and defaults here are those of Kling's
    earlier Lip-Sync page as the schema generated from it records them (ComfyUI's Kling
    nodes) and as gateway pages repeat them: video 2–10 s, 720p/1080p (60 s since the
    06/30/2025 update); text at most 120 characters; voice_speed 0.8–2.0, default 1.0;
    voice_language default `en`; audio .mp3/.wav/.m4a/.aac, at most 5 MB.
    No `external_task_id`: no source lists one for this endpoint, so a create whose answer
    was lost cannot be looked up by an id of the caller's.

    Args:
        body (LipSyncRequest): A lip-sync task of the older one-step API (see the operation for
            its source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreateTaskEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LipSyncRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a lip-sync task (older API)

     The older lip-sync API, which gateways still serve: one call with a video (`input.video_id`
    of a Kling video, or `input.video_url`) and either a text spoken by a preset voice
    (`mode` `text2video`: `text`, `voice_id`, `voice_language`, `voice_speed`) or an audio
    (`mode` `audio2video`: `audio_type` `file` with `audio_file`, or `url` with `audio_url`).
    Source: Kling's 2026-09 API reference no longer has this page (it documents identify-face
    and advanced-lip-sync instead); the fields, limits and defaults here are those of Kling's
    earlier Lip-Sync page as the schema generated from it records them (ComfyUI's Kling
    nodes) and as gateway pages repeat them: video 2–10 s, 720p/1080p (60 s since the
    06/30/2025 update); text at most 120 characters; voice_speed 0.8–2.0, default 1.0;
    voice_language default `en`; audio .mp3/.wav/.m4a/.aac, at most 5 MB.
    No `external_task_id`: no source lists one for this endpoint, so a create whose answer
    was lost cannot be looked up by an id of the caller's.

    Args:
        body (LipSyncRequest): A lip-sync task of the older one-step API (see the operation for
            its source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreateTaskEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
