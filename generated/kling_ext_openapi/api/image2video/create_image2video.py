from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.image2video_request import Image2VideoRequest
from ...types import Response


def _get_kwargs(
    *,
    body: Image2VideoRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/image2video",
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
    body: Image2VideoRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-to-video task

     Kling's official pages of 2026-09 document image-to-video only in the new standard (`POST /image-to-
    video/{model}`); this is the legacy endpoint, which the official update log keeps with no plans for
    deprecation and gateways pass through. It is specified from the legacy field table, the capability
    map and the gateway document. Every request example of those pages is refused here for one reason:
    the official pages of 2026-09 give their examples in the new standard (model in the path, fields
    under prompt or contents, settings and options), which this legacy endpoint does not take.

    Args:
        body (Image2VideoRequest): An image-to-video task.

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
    body: Image2VideoRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-to-video task

     Kling's official pages of 2026-09 document image-to-video only in the new standard (`POST /image-to-
    video/{model}`); this is the legacy endpoint, which the official update log keeps with no plans for
    deprecation and gateways pass through. It is specified from the legacy field table, the capability
    map and the gateway document. Every request example of those pages is refused here for one reason:
    the official pages of 2026-09 give their examples in the new standard (model in the path, fields
    under prompt or contents, settings and options), which this legacy endpoint does not take.

    Args:
        body (Image2VideoRequest): An image-to-video task.

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
    body: Image2VideoRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-to-video task

     Kling's official pages of 2026-09 document image-to-video only in the new standard (`POST /image-to-
    video/{model}`); this is the legacy endpoint, which the official update log keeps with no plans for
    deprecation and gateways pass through. It is specified from the legacy field table, the capability
    map and the gateway document. Every request example of those pages is refused here for one reason:
    the official pages of 2026-09 give their examples in the new standard (model in the path, fields
    under prompt or contents, settings and options), which this legacy endpoint does not take.

    Args:
        body (Image2VideoRequest): An image-to-video task.

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
    body: Image2VideoRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-to-video task

     Kling's official pages of 2026-09 document image-to-video only in the new standard (`POST /image-to-
    video/{model}`); this is the legacy endpoint, which the official update log keeps with no plans for
    deprecation and gateways pass through. It is specified from the legacy field table, the capability
    map and the gateway document. Every request example of those pages is refused here for one reason:
    the official pages of 2026-09 give their examples in the new standard (model in the path, fields
    under prompt or contents, settings and options), which this legacy endpoint does not take.

    Args:
        body (Image2VideoRequest): An image-to-video task.

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
