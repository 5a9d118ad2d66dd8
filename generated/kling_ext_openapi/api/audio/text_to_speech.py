from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.text_to_speech_envelope import TextToSpeechEnvelope
from ...models.text_to_speech_request import TextToSpeechRequest
from ...types import Response


def _get_kwargs(
    *,
    body: TextToSpeechRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/audio/tts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TextToSpeechEnvelope:
    if response.status_code == 200:
        response_200 = TextToSpeechEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | TextToSpeechEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TextToSpeechRequest,
) -> Response[ErrorEnvelope | TextToSpeechEnvelope]:
    """Synthesise speech from text (synchronous)

     Speaks `text` (at most 1000 characters) in a preset or custom voice and answers at once:
    `data.task_result.audios[]` holds each file's `url` (MP3), `duration` and `id`, kept for 30
    days. There is no query endpoint and no task list. Unlike the audio tasks, the result's
    items carry `url`/`duration`, not `url_mp3`/`url_wav`.

    **Money-safety:** the docs list no `external_task_id` (nor `callback_url`) for this call, so
    a call whose answer was lost cannot be looked up: it may have been charged, and sending it
    again may charge twice.

    The docs mark `voice_language` required and also give it a default (`zh`); send it.

    Args:
        body (TextToSpeechRequest): A text-to-speech request (synchronous).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TextToSpeechEnvelope]
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
    body: TextToSpeechRequest,
) -> ErrorEnvelope | TextToSpeechEnvelope | None:
    """Synthesise speech from text (synchronous)

     Speaks `text` (at most 1000 characters) in a preset or custom voice and answers at once:
    `data.task_result.audios[]` holds each file's `url` (MP3), `duration` and `id`, kept for 30
    days. There is no query endpoint and no task list. Unlike the audio tasks, the result's
    items carry `url`/`duration`, not `url_mp3`/`url_wav`.

    **Money-safety:** the docs list no `external_task_id` (nor `callback_url`) for this call, so
    a call whose answer was lost cannot be looked up: it may have been charged, and sending it
    again may charge twice.

    The docs mark `voice_language` required and also give it a default (`zh`); send it.

    Args:
        body (TextToSpeechRequest): A text-to-speech request (synchronous).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TextToSpeechEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TextToSpeechRequest,
) -> Response[ErrorEnvelope | TextToSpeechEnvelope]:
    """Synthesise speech from text (synchronous)

     Speaks `text` (at most 1000 characters) in a preset or custom voice and answers at once:
    `data.task_result.audios[]` holds each file's `url` (MP3), `duration` and `id`, kept for 30
    days. There is no query endpoint and no task list. Unlike the audio tasks, the result's
    items carry `url`/`duration`, not `url_mp3`/`url_wav`.

    **Money-safety:** the docs list no `external_task_id` (nor `callback_url`) for this call, so
    a call whose answer was lost cannot be looked up: it may have been charged, and sending it
    again may charge twice.

    The docs mark `voice_language` required and also give it a default (`zh`); send it.

    Args:
        body (TextToSpeechRequest): A text-to-speech request (synchronous).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TextToSpeechEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TextToSpeechRequest,
) -> ErrorEnvelope | TextToSpeechEnvelope | None:
    """Synthesise speech from text (synchronous)

     Speaks `text` (at most 1000 characters) in a preset or custom voice and answers at once:
    `data.task_result.audios[]` holds each file's `url` (MP3), `duration` and `id`, kept for 30
    days. There is no query endpoint and no task list. Unlike the audio tasks, the result's
    items carry `url`/`duration`, not `url_mp3`/`url_wav`.

    **Money-safety:** the docs list no `external_task_id` (nor `callback_url`) for this call, so
    a call whose answer was lost cannot be looked up: it may have been charged, and sending it
    again may charge twice.

    The docs mark `voice_language` required and also give it a default (`zh`); send it.

    Args:
        body (TextToSpeechRequest): A text-to-speech request (synchronous).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TextToSpeechEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
