from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.video_extend_request import VideoExtendRequest
from ...types import Response


def _get_kwargs(
    *,
    body: VideoExtendRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/video-extend",
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
    body: VideoExtendRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a video-extension task

     Extends a video made by text-to-video, image-to-video or an earlier extension by 4–5 s,
    with the source video's model and mode (which cannot be chosen). Only videos of the
    kling-v1, kling-v1-5 and kling-v1-6 models can be extended; the whole video may not exceed
    3 minutes, and videos are deleted 30 days after generation, after which they cannot be
    extended. A video made from an end frame alone is extended backwards (update log
    03/31/2025). The finished task names the source in `task_info.parent_video`. For newer
    models, omni-video's `feature` reference video ("generate the next shot") takes its place.
    Source: Kling's 2026-09 API reference snapshot has no Extend Video page (its navigation
    lists one); the fields here are those of Kling's earlier Video Extension page, whose
    example is `official`. That page does not say whether `prompt` is required; gateways
    disagree, so it is optional here.

    Args:
        body (VideoExtendRequest): A video-extension task (see the operation for its source).

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
    body: VideoExtendRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a video-extension task

     Extends a video made by text-to-video, image-to-video or an earlier extension by 4–5 s,
    with the source video's model and mode (which cannot be chosen). Only videos of the
    kling-v1, kling-v1-5 and kling-v1-6 models can be extended; the whole video may not exceed
    3 minutes, and videos are deleted 30 days after generation, after which they cannot be
    extended. A video made from an end frame alone is extended backwards (update log
    03/31/2025). The finished task names the source in `task_info.parent_video`. For newer
    models, omni-video's `feature` reference video ("generate the next shot") takes its place.
    Source: Kling's 2026-09 API reference snapshot has no Extend Video page (its navigation
    lists one); the fields here are those of Kling's earlier Video Extension page, whose
    example is `official`. That page does not say whether `prompt` is required; gateways
    disagree, so it is optional here.

    Args:
        body (VideoExtendRequest): A video-extension task (see the operation for its source).

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
    body: VideoExtendRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a video-extension task

     Extends a video made by text-to-video, image-to-video or an earlier extension by 4–5 s,
    with the source video's model and mode (which cannot be chosen). Only videos of the
    kling-v1, kling-v1-5 and kling-v1-6 models can be extended; the whole video may not exceed
    3 minutes, and videos are deleted 30 days after generation, after which they cannot be
    extended. A video made from an end frame alone is extended backwards (update log
    03/31/2025). The finished task names the source in `task_info.parent_video`. For newer
    models, omni-video's `feature` reference video ("generate the next shot") takes its place.
    Source: Kling's 2026-09 API reference snapshot has no Extend Video page (its navigation
    lists one); the fields here are those of Kling's earlier Video Extension page, whose
    example is `official`. That page does not say whether `prompt` is required; gateways
    disagree, so it is optional here.

    Args:
        body (VideoExtendRequest): A video-extension task (see the operation for its source).

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
    body: VideoExtendRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a video-extension task

     Extends a video made by text-to-video, image-to-video or an earlier extension by 4–5 s,
    with the source video's model and mode (which cannot be chosen). Only videos of the
    kling-v1, kling-v1-5 and kling-v1-6 models can be extended; the whole video may not exceed
    3 minutes, and videos are deleted 30 days after generation, after which they cannot be
    extended. A video made from an end frame alone is extended backwards (update log
    03/31/2025). The finished task names the source in `task_info.parent_video`. For newer
    models, omni-video's `feature` reference video ("generate the next shot") takes its place.
    Source: Kling's 2026-09 API reference snapshot has no Extend Video page (its navigation
    lists one); the fields here are those of Kling's earlier Video Extension page, whose
    example is `official`. That page does not say whether `prompt` is required; gateways
    disagree, so it is optional here.

    Args:
        body (VideoExtendRequest): A video-extension task (see the operation for its source).

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
