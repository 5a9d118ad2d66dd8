from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.advanced_lip_sync_request import AdvancedLipSyncRequest
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: AdvancedLipSyncRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/advanced-lip-sync",
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
    body: AdvancedLipSyncRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a lip-sync task on an identified face

     Step 2 of lip-sync: makes the face chosen from an identify-face session speak an audio
    (an `audio_id` from text-to-speech, or a `sound_file`), cropped to
    `sound_start_time`–`sound_end_time` and inserted at `sound_insert_time` (milliseconds).
    The cropped audio must last at least 2 s, end within the audio, and overlap the face's
    time on screen by at least 2 s, inside the video; JSON Schema cannot say these, the API checks them.
    One face per task ("currently only supports one person"); a video with several faces
    is served by choosing one `face_id` (update log 09/15/2025).

    Args:
        body (AdvancedLipSyncRequest): A lip-sync task on a face of an identify-face session.

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
    body: AdvancedLipSyncRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a lip-sync task on an identified face

     Step 2 of lip-sync: makes the face chosen from an identify-face session speak an audio
    (an `audio_id` from text-to-speech, or a `sound_file`), cropped to
    `sound_start_time`–`sound_end_time` and inserted at `sound_insert_time` (milliseconds).
    The cropped audio must last at least 2 s, end within the audio, and overlap the face's
    time on screen by at least 2 s, inside the video; JSON Schema cannot say these, the API checks them.
    One face per task ("currently only supports one person"); a video with several faces
    is served by choosing one `face_id` (update log 09/15/2025).

    Args:
        body (AdvancedLipSyncRequest): A lip-sync task on a face of an identify-face session.

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
    body: AdvancedLipSyncRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a lip-sync task on an identified face

     Step 2 of lip-sync: makes the face chosen from an identify-face session speak an audio
    (an `audio_id` from text-to-speech, or a `sound_file`), cropped to
    `sound_start_time`–`sound_end_time` and inserted at `sound_insert_time` (milliseconds).
    The cropped audio must last at least 2 s, end within the audio, and overlap the face's
    time on screen by at least 2 s, inside the video; JSON Schema cannot say these, the API checks them.
    One face per task ("currently only supports one person"); a video with several faces
    is served by choosing one `face_id` (update log 09/15/2025).

    Args:
        body (AdvancedLipSyncRequest): A lip-sync task on a face of an identify-face session.

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
    body: AdvancedLipSyncRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a lip-sync task on an identified face

     Step 2 of lip-sync: makes the face chosen from an identify-face session speak an audio
    (an `audio_id` from text-to-speech, or a `sound_file`), cropped to
    `sound_start_time`–`sound_end_time` and inserted at `sound_insert_time` (milliseconds).
    The cropped audio must last at least 2 s, end within the audio, and overlap the face's
    time on screen by at least 2 s, inside the video; JSON Schema cannot say these, the API checks them.
    One face per task ("currently only supports one person"); a video with several faces
    is served by choosing one `face_id` (update log 09/15/2025).

    Args:
        body (AdvancedLipSyncRequest): A lip-sync task on a face of an identify-face session.

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
