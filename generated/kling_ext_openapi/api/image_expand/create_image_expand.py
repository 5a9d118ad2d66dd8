from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.image_expand_request import ImageExpandRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ImageExpandRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/images/editing/expand",
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
    body: ImageExpandRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-expansion (outpainting) task

     Outpainting: extends `image` upwards, downwards, leftwards and rightwards by the four
    `*_expansion_ratio` fields (each a multiple of the original height or width, 0–2), filling
    the new area, optionally as `prompt` says. Makes `n` images (1–9) in
    `task_result.images[]`, each taking a slot of the account's image concurrency until the
    task ends; 8 units per image. No `model_name`: the capability map lists outpainting for
    all model versions.

    The new image's area must not exceed 3 times the original's, that is
    (1 + up + down) × (1 + left + right) ≤ 3. That product is not something JSON Schema can
    state, so neither this spec nor kling-ext checks it before sending: the API refuses a
    larger expansion. The official page's helper computes the four ratios from a target area
    multiple and aspect ratio (its example, 3× area at 16:9 from a square, gives
    0.1495, 0.1495, 0.6547, 0.6547).

    Args:
        body (ImageExpandRequest): An image-expansion (outpainting) task.

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
    body: ImageExpandRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-expansion (outpainting) task

     Outpainting: extends `image` upwards, downwards, leftwards and rightwards by the four
    `*_expansion_ratio` fields (each a multiple of the original height or width, 0–2), filling
    the new area, optionally as `prompt` says. Makes `n` images (1–9) in
    `task_result.images[]`, each taking a slot of the account's image concurrency until the
    task ends; 8 units per image. No `model_name`: the capability map lists outpainting for
    all model versions.

    The new image's area must not exceed 3 times the original's, that is
    (1 + up + down) × (1 + left + right) ≤ 3. That product is not something JSON Schema can
    state, so neither this spec nor kling-ext checks it before sending: the API refuses a
    larger expansion. The official page's helper computes the four ratios from a target area
    multiple and aspect ratio (its example, 3× area at 16:9 from a square, gives
    0.1495, 0.1495, 0.6547, 0.6547).

    Args:
        body (ImageExpandRequest): An image-expansion (outpainting) task.

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
    body: ImageExpandRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-expansion (outpainting) task

     Outpainting: extends `image` upwards, downwards, leftwards and rightwards by the four
    `*_expansion_ratio` fields (each a multiple of the original height or width, 0–2), filling
    the new area, optionally as `prompt` says. Makes `n` images (1–9) in
    `task_result.images[]`, each taking a slot of the account's image concurrency until the
    task ends; 8 units per image. No `model_name`: the capability map lists outpainting for
    all model versions.

    The new image's area must not exceed 3 times the original's, that is
    (1 + up + down) × (1 + left + right) ≤ 3. That product is not something JSON Schema can
    state, so neither this spec nor kling-ext checks it before sending: the API refuses a
    larger expansion. The official page's helper computes the four ratios from a target area
    multiple and aspect ratio (its example, 3× area at 16:9 from a square, gives
    0.1495, 0.1495, 0.6547, 0.6547).

    Args:
        body (ImageExpandRequest): An image-expansion (outpainting) task.

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
    body: ImageExpandRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-expansion (outpainting) task

     Outpainting: extends `image` upwards, downwards, leftwards and rightwards by the four
    `*_expansion_ratio` fields (each a multiple of the original height or width, 0–2), filling
    the new area, optionally as `prompt` says. Makes `n` images (1–9) in
    `task_result.images[]`, each taking a slot of the account's image concurrency until the
    task ends; 8 units per image. No `model_name`: the capability map lists outpainting for
    all model versions.

    The new image's area must not exceed 3 times the original's, that is
    (1 + up + down) × (1 + left + right) ≤ 3. That product is not something JSON Schema can
    state, so neither this spec nor kling-ext checks it before sending: the API refuses a
    larger expansion. The official page's helper computes the four ratios from a target area
    multiple and aspect ratio (its example, 3× area at 16:9 from a square, gives
    0.1495, 0.1495, 0.6547, 0.6547).

    Args:
        body (ImageExpandRequest): An image-expansion (outpainting) task.

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
