from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.multi_image_2_image_request import MultiImage2ImageRequest
from ...types import Response


def _get_kwargs(
    *,
    body: MultiImage2ImageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/images/multi-image2image",
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
    body: MultiImage2ImageRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a multi-image-to-image task

     Images built from 1–4 subject images (`subject_image_list`, already cropped to the subject:
    the API does not crop), optionally set in a scene (`scene_image`) and drawn in a style
    (`style_image`); kling-v2-1 only. Makes `n` images (1–9) in `task_result.images[]`, each
    taking a slot of the account's image concurrency until the task ends; 16 units per image
    (official pricing, 2026-09).

    The official example also sends `negative_prompt: ""`, a field its table does not list;
    it is accepted here (what the API does with a non-empty one is not documented).

    Args:
        body (MultiImage2ImageRequest): A multi-image-to-image task (kling-v2-1).

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
    body: MultiImage2ImageRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a multi-image-to-image task

     Images built from 1–4 subject images (`subject_image_list`, already cropped to the subject:
    the API does not crop), optionally set in a scene (`scene_image`) and drawn in a style
    (`style_image`); kling-v2-1 only. Makes `n` images (1–9) in `task_result.images[]`, each
    taking a slot of the account's image concurrency until the task ends; 16 units per image
    (official pricing, 2026-09).

    The official example also sends `negative_prompt: ""`, a field its table does not list;
    it is accepted here (what the API does with a non-empty one is not documented).

    Args:
        body (MultiImage2ImageRequest): A multi-image-to-image task (kling-v2-1).

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
    body: MultiImage2ImageRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a multi-image-to-image task

     Images built from 1–4 subject images (`subject_image_list`, already cropped to the subject:
    the API does not crop), optionally set in a scene (`scene_image`) and drawn in a style
    (`style_image`); kling-v2-1 only. Makes `n` images (1–9) in `task_result.images[]`, each
    taking a slot of the account's image concurrency until the task ends; 16 units per image
    (official pricing, 2026-09).

    The official example also sends `negative_prompt: ""`, a field its table does not list;
    it is accepted here (what the API does with a non-empty one is not documented).

    Args:
        body (MultiImage2ImageRequest): A multi-image-to-image task (kling-v2-1).

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
    body: MultiImage2ImageRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a multi-image-to-image task

     Images built from 1–4 subject images (`subject_image_list`, already cropped to the subject:
    the API does not crop), optionally set in a scene (`scene_image`) and drawn in a style
    (`style_image`); kling-v2-1 only. Makes `n` images (1–9) in `task_result.images[]`, each
    taking a slot of the account's image concurrency until the task ends; 16 units per image
    (official pricing, 2026-09).

    The official example also sends `negative_prompt: ""`, a field its table does not list;
    it is accepted here (what the API does with a non-empty one is not documented).

    Args:
        body (MultiImage2ImageRequest): A multi-image-to-image task (kling-v2-1).

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
