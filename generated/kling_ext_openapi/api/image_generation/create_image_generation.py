from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.image_generation_request import ImageGenerationRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ImageGenerationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/images/generations",
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
    body: ImageGenerationRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-generation task

     Text to image, or image to image with one reference `image` (kling-v2-1 can also keep the
    subject or the face of that image, `image_reference`), optionally with elements from the
    element library (`element_list`, kling-v3). Makes `n` images (1–9), found in
    `task_result.images[]`; a task of `n` images takes `n` slots of the account's image
    concurrency until it ends. Images draw on the image resource pack, not the video pack:
    per image, kling-v3 8 units; kling-v2-1 4 units from text, 8 with an image (official
    pricing, 2026-09).

    Where the official text contradicts itself: its field table gives `kling-v3` as the default
    `model_name`, while the note above it (kept from 2025) says an empty `model_name`, or the
    legacy `model` field, calls "the V1 model". kling-ext always sends `model_name` (`kling-v3`
    when the caller names none), so the server's default never decides. The update log's older
    image models (`kling-v1`, `kling-v1-5`, `kling-v2`, `kling-v2-new`) are no longer in the
    field table or the capability map; send them with `allow_unknown`. The capability map
    lists "Series Image Generation" for Kling Image 2.1, but no field of this endpoint asks
    for a series (`result_type` is an omni-image field); `n` makes independent images. Its
    "Subject Control" row (supported by Kling Image 3.0, not 2.1) is read as `element_list`.

    The official "Image Generation with Element" example of the omni-image pages posts to this
    path a body of kling-v3-omni, image_list, result_type and series_amount:
    an omni-image request, whose fields are not fields of /v1/images/generations.

    Args:
        body (ImageGenerationRequest): An image-generation task: text to image, or image to image
            with one reference `image`.
            The legacy `model` field, which the API still accepts and ignores (as if `model_name` were
            empty), is not accepted here: name the model in `model_name`.

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
    body: ImageGenerationRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-generation task

     Text to image, or image to image with one reference `image` (kling-v2-1 can also keep the
    subject or the face of that image, `image_reference`), optionally with elements from the
    element library (`element_list`, kling-v3). Makes `n` images (1–9), found in
    `task_result.images[]`; a task of `n` images takes `n` slots of the account's image
    concurrency until it ends. Images draw on the image resource pack, not the video pack:
    per image, kling-v3 8 units; kling-v2-1 4 units from text, 8 with an image (official
    pricing, 2026-09).

    Where the official text contradicts itself: its field table gives `kling-v3` as the default
    `model_name`, while the note above it (kept from 2025) says an empty `model_name`, or the
    legacy `model` field, calls "the V1 model". kling-ext always sends `model_name` (`kling-v3`
    when the caller names none), so the server's default never decides. The update log's older
    image models (`kling-v1`, `kling-v1-5`, `kling-v2`, `kling-v2-new`) are no longer in the
    field table or the capability map; send them with `allow_unknown`. The capability map
    lists "Series Image Generation" for Kling Image 2.1, but no field of this endpoint asks
    for a series (`result_type` is an omni-image field); `n` makes independent images. Its
    "Subject Control" row (supported by Kling Image 3.0, not 2.1) is read as `element_list`.

    The official "Image Generation with Element" example of the omni-image pages posts to this
    path a body of kling-v3-omni, image_list, result_type and series_amount:
    an omni-image request, whose fields are not fields of /v1/images/generations.

    Args:
        body (ImageGenerationRequest): An image-generation task: text to image, or image to image
            with one reference `image`.
            The legacy `model` field, which the API still accepts and ignores (as if `model_name` were
            empty), is not accepted here: name the model in `model_name`.

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
    body: ImageGenerationRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create an image-generation task

     Text to image, or image to image with one reference `image` (kling-v2-1 can also keep the
    subject or the face of that image, `image_reference`), optionally with elements from the
    element library (`element_list`, kling-v3). Makes `n` images (1–9), found in
    `task_result.images[]`; a task of `n` images takes `n` slots of the account's image
    concurrency until it ends. Images draw on the image resource pack, not the video pack:
    per image, kling-v3 8 units; kling-v2-1 4 units from text, 8 with an image (official
    pricing, 2026-09).

    Where the official text contradicts itself: its field table gives `kling-v3` as the default
    `model_name`, while the note above it (kept from 2025) says an empty `model_name`, or the
    legacy `model` field, calls "the V1 model". kling-ext always sends `model_name` (`kling-v3`
    when the caller names none), so the server's default never decides. The update log's older
    image models (`kling-v1`, `kling-v1-5`, `kling-v2`, `kling-v2-new`) are no longer in the
    field table or the capability map; send them with `allow_unknown`. The capability map
    lists "Series Image Generation" for Kling Image 2.1, but no field of this endpoint asks
    for a series (`result_type` is an omni-image field); `n` makes independent images. Its
    "Subject Control" row (supported by Kling Image 3.0, not 2.1) is read as `element_list`.

    The official "Image Generation with Element" example of the omni-image pages posts to this
    path a body of kling-v3-omni, image_list, result_type and series_amount:
    an omni-image request, whose fields are not fields of /v1/images/generations.

    Args:
        body (ImageGenerationRequest): An image-generation task: text to image, or image to image
            with one reference `image`.
            The legacy `model` field, which the API still accepts and ignores (as if `model_name` were
            empty), is not accepted here: name the model in `model_name`.

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
    body: ImageGenerationRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create an image-generation task

     Text to image, or image to image with one reference `image` (kling-v2-1 can also keep the
    subject or the face of that image, `image_reference`), optionally with elements from the
    element library (`element_list`, kling-v3). Makes `n` images (1–9), found in
    `task_result.images[]`; a task of `n` images takes `n` slots of the account's image
    concurrency until it ends. Images draw on the image resource pack, not the video pack:
    per image, kling-v3 8 units; kling-v2-1 4 units from text, 8 with an image (official
    pricing, 2026-09).

    Where the official text contradicts itself: its field table gives `kling-v3` as the default
    `model_name`, while the note above it (kept from 2025) says an empty `model_name`, or the
    legacy `model` field, calls "the V1 model". kling-ext always sends `model_name` (`kling-v3`
    when the caller names none), so the server's default never decides. The update log's older
    image models (`kling-v1`, `kling-v1-5`, `kling-v2`, `kling-v2-new`) are no longer in the
    field table or the capability map; send them with `allow_unknown`. The capability map
    lists "Series Image Generation" for Kling Image 2.1, but no field of this endpoint asks
    for a series (`result_type` is an omni-image field); `n` makes independent images. Its
    "Subject Control" row (supported by Kling Image 3.0, not 2.1) is read as `element_list`.

    The official "Image Generation with Element" example of the omni-image pages posts to this
    path a body of kling-v3-omni, image_list, result_type and series_amount:
    an omni-image request, whose fields are not fields of /v1/images/generations.

    Args:
        body (ImageGenerationRequest): An image-generation task: text to image, or image to image
            with one reference `image`.
            The legacy `model` field, which the API still accepts and ignores (as if `model_name` were
            empty), is not accepted here: name the model in `model_name`.

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
