from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.custom_voice_request import CustomVoiceRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CustomVoiceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/general/custom-voices",
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
    body: CustomVoiceRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a custom-voice (voice clone) task

     Clones a voice from a clean 5–30 s sample of one human voice: an audio or video file at
    `voice_url`, or a video Kling generated (`video_id`: a kling-v2-6 video made with sound on,
    or an Avatar or Lip-Sync video). The task's result is `task_result.voices[]`
    (`voice_id`, `voice_name`, `trial_url`, `owned_by`; see `ResultVoice`): the `voice_id` is
    what the `voice_list` of video requests takes. Nothing is downloaded. Voices no
    longer needed can be deleted (`/v1/general/delete-voices`). The docs give both sources as
    optional without saying that one is needed; the spec asks for at least one, since a clone
    of nothing cannot succeed. Takes `external_task_id`, so a create whose answer was lost can
    be looked up. The same text appears on the kling-v2-6 and the 3.0 omni pages.

    Args:
        body (CustomVoiceRequest): A custom-voice (voice clone) task.

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
    body: CustomVoiceRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a custom-voice (voice clone) task

     Clones a voice from a clean 5–30 s sample of one human voice: an audio or video file at
    `voice_url`, or a video Kling generated (`video_id`: a kling-v2-6 video made with sound on,
    or an Avatar or Lip-Sync video). The task's result is `task_result.voices[]`
    (`voice_id`, `voice_name`, `trial_url`, `owned_by`; see `ResultVoice`): the `voice_id` is
    what the `voice_list` of video requests takes. Nothing is downloaded. Voices no
    longer needed can be deleted (`/v1/general/delete-voices`). The docs give both sources as
    optional without saying that one is needed; the spec asks for at least one, since a clone
    of nothing cannot succeed. Takes `external_task_id`, so a create whose answer was lost can
    be looked up. The same text appears on the kling-v2-6 and the 3.0 omni pages.

    Args:
        body (CustomVoiceRequest): A custom-voice (voice clone) task.

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
    body: CustomVoiceRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a custom-voice (voice clone) task

     Clones a voice from a clean 5–30 s sample of one human voice: an audio or video file at
    `voice_url`, or a video Kling generated (`video_id`: a kling-v2-6 video made with sound on,
    or an Avatar or Lip-Sync video). The task's result is `task_result.voices[]`
    (`voice_id`, `voice_name`, `trial_url`, `owned_by`; see `ResultVoice`): the `voice_id` is
    what the `voice_list` of video requests takes. Nothing is downloaded. Voices no
    longer needed can be deleted (`/v1/general/delete-voices`). The docs give both sources as
    optional without saying that one is needed; the spec asks for at least one, since a clone
    of nothing cannot succeed. Takes `external_task_id`, so a create whose answer was lost can
    be looked up. The same text appears on the kling-v2-6 and the 3.0 omni pages.

    Args:
        body (CustomVoiceRequest): A custom-voice (voice clone) task.

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
    body: CustomVoiceRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a custom-voice (voice clone) task

     Clones a voice from a clean 5–30 s sample of one human voice: an audio or video file at
    `voice_url`, or a video Kling generated (`video_id`: a kling-v2-6 video made with sound on,
    or an Avatar or Lip-Sync video). The task's result is `task_result.voices[]`
    (`voice_id`, `voice_name`, `trial_url`, `owned_by`; see `ResultVoice`): the `voice_id` is
    what the `voice_list` of video requests takes. Nothing is downloaded. Voices no
    longer needed can be deleted (`/v1/general/delete-voices`). The docs give both sources as
    optional without saying that one is needed; the spec asks for at least one, since a clone
    of nothing cannot succeed. Takes `external_task_id`, so a create whose answer was lost can
    be looked up. The same text appears on the kling-v2-6 and the 3.0 omni pages.

    Args:
        body (CustomVoiceRequest): A custom-voice (voice clone) task.

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
