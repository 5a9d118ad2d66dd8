from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.multi_elements_init_request import MultiElementsInitRequest
from ...models.multi_elements_session_envelope import MultiElementsSessionEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: MultiElementsInitRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/multi-elements/init-selection",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | MultiElementsSessionEnvelope:
    if response.status_code == 200:
        response_200 = MultiElementsSessionEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | MultiElementsSessionEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MultiElementsInitRequest,
) -> Response[ErrorEnvelope | MultiElementsSessionEnvelope]:
    """Start a multi-elements editing session on a video (synchronous)

     Step 1 of multi-elements editing: prepares a video (a Kling video by `video_id`, or any
    video by `video_url`) for marking the elements to swap or remove, and answers at once with
    a `session_id` (valid for 24 hours) and the parsed video (`fps`, `total_frame`,
    `original_duration`, `normalized_video`); `status` other than 0 means the video was refused.
    Then mark elements with add-selection / delete-selection, check them with
    preview-selection, and create the task with `POST /v1/videos/multi-elements`.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsInitRequest): The video to edit: exactly one of `video_id` (a Kling
            video) and `video_url`; an empty
            `video_id` means none (the official example sends `video_id: ""` with a URL). It must last
            2–5 s or 7–10 s.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MultiElementsSessionEnvelope]
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
    body: MultiElementsInitRequest,
) -> ErrorEnvelope | MultiElementsSessionEnvelope | None:
    """Start a multi-elements editing session on a video (synchronous)

     Step 1 of multi-elements editing: prepares a video (a Kling video by `video_id`, or any
    video by `video_url`) for marking the elements to swap or remove, and answers at once with
    a `session_id` (valid for 24 hours) and the parsed video (`fps`, `total_frame`,
    `original_duration`, `normalized_video`); `status` other than 0 means the video was refused.
    Then mark elements with add-selection / delete-selection, check them with
    preview-selection, and create the task with `POST /v1/videos/multi-elements`.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsInitRequest): The video to edit: exactly one of `video_id` (a Kling
            video) and `video_url`; an empty
            `video_id` means none (the official example sends `video_id: ""` with a URL). It must last
            2–5 s or 7–10 s.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MultiElementsSessionEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MultiElementsInitRequest,
) -> Response[ErrorEnvelope | MultiElementsSessionEnvelope]:
    """Start a multi-elements editing session on a video (synchronous)

     Step 1 of multi-elements editing: prepares a video (a Kling video by `video_id`, or any
    video by `video_url`) for marking the elements to swap or remove, and answers at once with
    a `session_id` (valid for 24 hours) and the parsed video (`fps`, `total_frame`,
    `original_duration`, `normalized_video`); `status` other than 0 means the video was refused.
    Then mark elements with add-selection / delete-selection, check them with
    preview-selection, and create the task with `POST /v1/videos/multi-elements`.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsInitRequest): The video to edit: exactly one of `video_id` (a Kling
            video) and `video_url`; an empty
            `video_id` means none (the official example sends `video_id: ""` with a URL). It must last
            2–5 s or 7–10 s.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | MultiElementsSessionEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MultiElementsInitRequest,
) -> ErrorEnvelope | MultiElementsSessionEnvelope | None:
    """Start a multi-elements editing session on a video (synchronous)

     Step 1 of multi-elements editing: prepares a video (a Kling video by `video_id`, or any
    video by `video_url`) for marking the elements to swap or remove, and answers at once with
    a `session_id` (valid for 24 hours) and the parsed video (`fps`, `total_frame`,
    `original_duration`, `normalized_video`); `status` other than 0 means the video was refused.
    Then mark elements with add-selection / delete-selection, check them with
    preview-selection, and create the task with `POST /v1/videos/multi-elements`.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsInitRequest): The video to edit: exactly one of `video_id` (a Kling
            video) and `video_url`; an empty
            `video_id` means none (the official example sends `video_id: ""` with a URL). It must last
            2–5 s or 7–10 s.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | MultiElementsSessionEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
