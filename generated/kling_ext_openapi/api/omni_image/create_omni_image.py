from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.omni_image_request import OmniImageRequest
from ...types import Response


def _get_kwargs(
    *,
    body: OmniImageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/images/omni-image",
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
    body: OmniImageRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an omni-image task

     Images from a prompt that may refer to reference images (`image_list`, `<<<image_1>>>`) and
    library elements (`element_list`, `<<<element_1>>>`); 10 references at most in all.
    `result_type` `single` makes `n` images (1–9) in `task_result.images[]`; `series`
    (kling-v3-omni only) makes a related series of `series_amount` images, answered in
    `task_result.series_images[]` with `task_result.result_type` `series`.

    Concurrency: a task of `n` images takes `n` slots of the account's image concurrency until
    it ends; a series takes one slot per image, and with `series_amount` `auto` as many as it
    actually makes (decided by the model, so not known before). Images draw on the image
    resource pack: 8 units per image at 1k and 2k, 16 at 4k (official pricing, 2026-09).

    Per model (official image capability map): kling-image-o1 makes 1k and 2k images, single
    only; kling-v3-omni adds 4k and series, but from text alone (no reference) it takes no
    `aspect_ratio` `auto`, which is the field's default, so a text-only kling-v3-omni request
    must name a ratio. The o1 and 3.0-omni pages are the same text; both also show an example
    ("Image Generation with Element") that posts this endpoint's body to /v1/images/generations,
    with placeholder images (`"xxx"`) and `<<element_1>>`/`<<image_1>>` in two brackets where the
    field notes say three; the `series` example below is that body with real images.

    Args:
        body (OmniImageRequest): An omni-image task.

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
    body: OmniImageRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an omni-image task

     Images from a prompt that may refer to reference images (`image_list`, `<<<image_1>>>`) and
    library elements (`element_list`, `<<<element_1>>>`); 10 references at most in all.
    `result_type` `single` makes `n` images (1–9) in `task_result.images[]`; `series`
    (kling-v3-omni only) makes a related series of `series_amount` images, answered in
    `task_result.series_images[]` with `task_result.result_type` `series`.

    Concurrency: a task of `n` images takes `n` slots of the account's image concurrency until
    it ends; a series takes one slot per image, and with `series_amount` `auto` as many as it
    actually makes (decided by the model, so not known before). Images draw on the image
    resource pack: 8 units per image at 1k and 2k, 16 at 4k (official pricing, 2026-09).

    Per model (official image capability map): kling-image-o1 makes 1k and 2k images, single
    only; kling-v3-omni adds 4k and series, but from text alone (no reference) it takes no
    `aspect_ratio` `auto`, which is the field's default, so a text-only kling-v3-omni request
    must name a ratio. The o1 and 3.0-omni pages are the same text; both also show an example
    ("Image Generation with Element") that posts this endpoint's body to /v1/images/generations,
    with placeholder images (`"xxx"`) and `<<element_1>>`/`<<image_1>>` in two brackets where the
    field notes say three; the `series` example below is that body with real images.

    Args:
        body (OmniImageRequest): An omni-image task.

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
    body: OmniImageRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an omni-image task

     Images from a prompt that may refer to reference images (`image_list`, `<<<image_1>>>`) and
    library elements (`element_list`, `<<<element_1>>>`); 10 references at most in all.
    `result_type` `single` makes `n` images (1–9) in `task_result.images[]`; `series`
    (kling-v3-omni only) makes a related series of `series_amount` images, answered in
    `task_result.series_images[]` with `task_result.result_type` `series`.

    Concurrency: a task of `n` images takes `n` slots of the account's image concurrency until
    it ends; a series takes one slot per image, and with `series_amount` `auto` as many as it
    actually makes (decided by the model, so not known before). Images draw on the image
    resource pack: 8 units per image at 1k and 2k, 16 at 4k (official pricing, 2026-09).

    Per model (official image capability map): kling-image-o1 makes 1k and 2k images, single
    only; kling-v3-omni adds 4k and series, but from text alone (no reference) it takes no
    `aspect_ratio` `auto`, which is the field's default, so a text-only kling-v3-omni request
    must name a ratio. The o1 and 3.0-omni pages are the same text; both also show an example
    ("Image Generation with Element") that posts this endpoint's body to /v1/images/generations,
    with placeholder images (`"xxx"`) and `<<element_1>>`/`<<image_1>>` in two brackets where the
    field notes say three; the `series` example below is that body with real images.

    Args:
        body (OmniImageRequest): An omni-image task.

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
    body: OmniImageRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an omni-image task

     Images from a prompt that may refer to reference images (`image_list`, `<<<image_1>>>`) and
    library elements (`element_list`, `<<<element_1>>>`); 10 references at most in all.
    `result_type` `single` makes `n` images (1–9) in `task_result.images[]`; `series`
    (kling-v3-omni only) makes a related series of `series_amount` images, answered in
    `task_result.series_images[]` with `task_result.result_type` `series`.

    Concurrency: a task of `n` images takes `n` slots of the account's image concurrency until
    it ends; a series takes one slot per image, and with `series_amount` `auto` as many as it
    actually makes (decided by the model, so not known before). Images draw on the image
    resource pack: 8 units per image at 1k and 2k, 16 at 4k (official pricing, 2026-09).

    Per model (official image capability map): kling-image-o1 makes 1k and 2k images, single
    only; kling-v3-omni adds 4k and series, but from text alone (no reference) it takes no
    `aspect_ratio` `auto`, which is the field's default, so a text-only kling-v3-omni request
    must name a ratio. The o1 and 3.0-omni pages are the same text; both also show an example
    ("Image Generation with Element") that posts this endpoint's body to /v1/images/generations,
    with placeholder images (`"xxx"`) and `<<element_1>>`/`<<image_1>>` in two brackets where the
    field notes say three; the `series` example below is that body with real images.

    Args:
        body (OmniImageRequest): An omni-image task.

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
