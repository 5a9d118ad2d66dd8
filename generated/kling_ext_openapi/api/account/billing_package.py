from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.billing_package_envelope import BillingPackageEnvelope
from ...models.billing_package_request import BillingPackageRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: BillingPackageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/account/billing/package",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingPackageEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = BillingPackageEnvelope.from_dict(response.json())

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
) -> Response[BillingPackageEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BillingPackageRequest,
) -> Response[BillingPackageEnvelope | ErrorEnvelope]:
    """List resource-pack (unit) deductions per task (synchronous)

     What each task took from a resource pack: per task, the pack, its type (video, image,
    try-on) and the units before and after. Pages by cursor: pass the answer's `next_cursor`
    as `cursor` while `has_more` is true. Note the path: not under `/v1`. `start_time` must be
    earlier than `end_time` (JSON Schema cannot compare them).

    Args:
        body (BillingPackageRequest): Which unit deductions to list: by task creation time
            (`start_time`, `end_time`), or the
            next page (`cursor`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPackageEnvelope | ErrorEnvelope]
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
    body: BillingPackageRequest,
) -> BillingPackageEnvelope | ErrorEnvelope | None:
    """List resource-pack (unit) deductions per task (synchronous)

     What each task took from a resource pack: per task, the pack, its type (video, image,
    try-on) and the units before and after. Pages by cursor: pass the answer's `next_cursor`
    as `cursor` while `has_more` is true. Note the path: not under `/v1`. `start_time` must be
    earlier than `end_time` (JSON Schema cannot compare them).

    Args:
        body (BillingPackageRequest): Which unit deductions to list: by task creation time
            (`start_time`, `end_time`), or the
            next page (`cursor`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPackageEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BillingPackageRequest,
) -> Response[BillingPackageEnvelope | ErrorEnvelope]:
    """List resource-pack (unit) deductions per task (synchronous)

     What each task took from a resource pack: per task, the pack, its type (video, image,
    try-on) and the units before and after. Pages by cursor: pass the answer's `next_cursor`
    as `cursor` while `has_more` is true. Note the path: not under `/v1`. `start_time` must be
    earlier than `end_time` (JSON Schema cannot compare them).

    Args:
        body (BillingPackageRequest): Which unit deductions to list: by task creation time
            (`start_time`, `end_time`), or the
            next page (`cursor`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPackageEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BillingPackageRequest,
) -> BillingPackageEnvelope | ErrorEnvelope | None:
    """List resource-pack (unit) deductions per task (synchronous)

     What each task took from a resource pack: per task, the pack, its type (video, image,
    try-on) and the units before and after. Pages by cursor: pass the answer's `next_cursor`
    as `cursor` while `has_more` is true. Note the path: not under `/v1`. `start_time` must be
    earlier than `end_time` (JSON Schema cannot compare them).

    Args:
        body (BillingPackageRequest): Which unit deductions to list: by task creation time
            (`start_time`, `end_time`), or the
            next page (`cursor`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPackageEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
