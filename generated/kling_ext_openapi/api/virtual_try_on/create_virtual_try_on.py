from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.virtual_try_on_request import VirtualTryOnRequest
from ...types import Response


def _get_kwargs(
    *,
    body: VirtualTryOnRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/images/kolors-virtual-try-on",
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
    body: VirtualTryOnRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a virtual try-on task

     Dresses the person of `human_image` in the clothes of `cloth_image`; the result is in
    `task_result.images[]`. Try-on has its own resource pack and its own concurrency limit,
    apart from image generation.

    **Thin sources.** The official API reference of 2026-09 as published lists this endpoint
    (Virtual Try-On, under Effects & Solutions) but its page was not part of that text; what
    is specified here comes from the official update log and from the fields public clients
    and copies of the old page send: `model_name`, `human_image`, `cloth_image`,
    `callback_url`, `external_task_id`, with no `n` and no `watermark_info`. The update log
    says: try-on launched 09/19/2024; kolors-virtual-try-on-v1-5 (12/30/2024) tries on one
    garment (upper, lower or dress) or an "upper + lower" pair combined in one `cloth_image`
    (other pairs fail); Try-On 3.0 (09/15/2026) accepts flat-lay, mannequin and on-model
    clothing images, can lock the pose, keep the face and keep or replace the background, and
    serves the v1 and v1-5 parameters unchanged. The 3.0 page's new parameters (pose, face,
    background) and model names are in no source read here, so they are not accepted yet;
    send them with `allow_unknown`. No official request example is in the text, so the one
    below is the body public clients send. No aspect-ratio limit is documented for either
    image.

    Args:
        body (VirtualTryOnRequest): A virtual try-on task (fields from the update log and public
            clients; see the operation).

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
    body: VirtualTryOnRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a virtual try-on task

     Dresses the person of `human_image` in the clothes of `cloth_image`; the result is in
    `task_result.images[]`. Try-on has its own resource pack and its own concurrency limit,
    apart from image generation.

    **Thin sources.** The official API reference of 2026-09 as published lists this endpoint
    (Virtual Try-On, under Effects & Solutions) but its page was not part of that text; what
    is specified here comes from the official update log and from the fields public clients
    and copies of the old page send: `model_name`, `human_image`, `cloth_image`,
    `callback_url`, `external_task_id`, with no `n` and no `watermark_info`. The update log
    says: try-on launched 09/19/2024; kolors-virtual-try-on-v1-5 (12/30/2024) tries on one
    garment (upper, lower or dress) or an "upper + lower" pair combined in one `cloth_image`
    (other pairs fail); Try-On 3.0 (09/15/2026) accepts flat-lay, mannequin and on-model
    clothing images, can lock the pose, keep the face and keep or replace the background, and
    serves the v1 and v1-5 parameters unchanged. The 3.0 page's new parameters (pose, face,
    background) and model names are in no source read here, so they are not accepted yet;
    send them with `allow_unknown`. No official request example is in the text, so the one
    below is the body public clients send. No aspect-ratio limit is documented for either
    image.

    Args:
        body (VirtualTryOnRequest): A virtual try-on task (fields from the update log and public
            clients; see the operation).

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
    body: VirtualTryOnRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a virtual try-on task

     Dresses the person of `human_image` in the clothes of `cloth_image`; the result is in
    `task_result.images[]`. Try-on has its own resource pack and its own concurrency limit,
    apart from image generation.

    **Thin sources.** The official API reference of 2026-09 as published lists this endpoint
    (Virtual Try-On, under Effects & Solutions) but its page was not part of that text; what
    is specified here comes from the official update log and from the fields public clients
    and copies of the old page send: `model_name`, `human_image`, `cloth_image`,
    `callback_url`, `external_task_id`, with no `n` and no `watermark_info`. The update log
    says: try-on launched 09/19/2024; kolors-virtual-try-on-v1-5 (12/30/2024) tries on one
    garment (upper, lower or dress) or an "upper + lower" pair combined in one `cloth_image`
    (other pairs fail); Try-On 3.0 (09/15/2026) accepts flat-lay, mannequin and on-model
    clothing images, can lock the pose, keep the face and keep or replace the background, and
    serves the v1 and v1-5 parameters unchanged. The 3.0 page's new parameters (pose, face,
    background) and model names are in no source read here, so they are not accepted yet;
    send them with `allow_unknown`. No official request example is in the text, so the one
    below is the body public clients send. No aspect-ratio limit is documented for either
    image.

    Args:
        body (VirtualTryOnRequest): A virtual try-on task (fields from the update log and public
            clients; see the operation).

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
    body: VirtualTryOnRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a virtual try-on task

     Dresses the person of `human_image` in the clothes of `cloth_image`; the result is in
    `task_result.images[]`. Try-on has its own resource pack and its own concurrency limit,
    apart from image generation.

    **Thin sources.** The official API reference of 2026-09 as published lists this endpoint
    (Virtual Try-On, under Effects & Solutions) but its page was not part of that text; what
    is specified here comes from the official update log and from the fields public clients
    and copies of the old page send: `model_name`, `human_image`, `cloth_image`,
    `callback_url`, `external_task_id`, with no `n` and no `watermark_info`. The update log
    says: try-on launched 09/19/2024; kolors-virtual-try-on-v1-5 (12/30/2024) tries on one
    garment (upper, lower or dress) or an "upper + lower" pair combined in one `cloth_image`
    (other pairs fail); Try-On 3.0 (09/15/2026) accepts flat-lay, mannequin and on-model
    clothing images, can lock the pose, keep the face and keep or replace the background, and
    serves the v1 and v1-5 parameters unchanged. The 3.0 page's new parameters (pose, face,
    background) and model names are in no source read here, so they are not accepted yet;
    send them with `allow_unknown`. No official request example is in the text, so the one
    below is the body public clients send. No aspect-ratio limit is documented for either
    image.

    Args:
        body (VirtualTryOnRequest): A virtual try-on task (fields from the update log and public
            clients; see the operation).

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
