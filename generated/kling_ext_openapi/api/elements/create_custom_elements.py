from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_envelope import CreateTaskEnvelope
from ...models.custom_element_request import CustomElementRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CustomElementRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/general/advanced-custom-elements",
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
    body: CustomElementRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a custom-element task

     Creates an element (a character, animal, item, costume, scene ...) that `element_list` of
    video and image requests can then reference by `element_id`: from a frontal image and 1–3
    more views (`reference_type` `image_refer`), or from one 3–8 s 1080p video of a realistic
    human (`video_refer`; such elements work with kling-video-o3 and later models only; a
    human voice in the video is also cloned and bound to the element). A voice can be bound
    with `element_voice_id` (character or humanoid image elements only). The task's result is
    `task_result.elements[]` (see `ResultElement`); nothing is downloaded. Takes
    `external_task_id`, so a create whose answer was lost can be looked up.

    The docs' invocation examples are templates with placeholders, not requests: they send
    "xxx" for every name, image, video, `callback_url` ("xxx" is no URL) and tag id ("xxx" is
    no tag id), and `"element_voice_id": string` is not even JSON; the spec's examples fill
    them in. Their URL also ends in a slash
    (`/v1/general/advanced-custom-elements/`), which the spec's path does not. The same text
    appears on the o1 and the 3.0 omni pages.

    Args:
        body (CustomElementRequest): A custom-element task.

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
    body: CustomElementRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a custom-element task

     Creates an element (a character, animal, item, costume, scene ...) that `element_list` of
    video and image requests can then reference by `element_id`: from a frontal image and 1–3
    more views (`reference_type` `image_refer`), or from one 3–8 s 1080p video of a realistic
    human (`video_refer`; such elements work with kling-video-o3 and later models only; a
    human voice in the video is also cloned and bound to the element). A voice can be bound
    with `element_voice_id` (character or humanoid image elements only). The task's result is
    `task_result.elements[]` (see `ResultElement`); nothing is downloaded. Takes
    `external_task_id`, so a create whose answer was lost can be looked up.

    The docs' invocation examples are templates with placeholders, not requests: they send
    "xxx" for every name, image, video, `callback_url` ("xxx" is no URL) and tag id ("xxx" is
    no tag id), and `"element_voice_id": string` is not even JSON; the spec's examples fill
    them in. Their URL also ends in a slash
    (`/v1/general/advanced-custom-elements/`), which the spec's path does not. The same text
    appears on the o1 and the 3.0 omni pages.

    Args:
        body (CustomElementRequest): A custom-element task.

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
    body: CustomElementRequest,
) -> Response[CreateTaskEnvelope | ErrorEnvelope]:
    """Create a custom-element task

     Creates an element (a character, animal, item, costume, scene ...) that `element_list` of
    video and image requests can then reference by `element_id`: from a frontal image and 1–3
    more views (`reference_type` `image_refer`), or from one 3–8 s 1080p video of a realistic
    human (`video_refer`; such elements work with kling-video-o3 and later models only; a
    human voice in the video is also cloned and bound to the element). A voice can be bound
    with `element_voice_id` (character or humanoid image elements only). The task's result is
    `task_result.elements[]` (see `ResultElement`); nothing is downloaded. Takes
    `external_task_id`, so a create whose answer was lost can be looked up.

    The docs' invocation examples are templates with placeholders, not requests: they send
    "xxx" for every name, image, video, `callback_url` ("xxx" is no URL) and tag id ("xxx" is
    no tag id), and `"element_voice_id": string` is not even JSON; the spec's examples fill
    them in. Their URL also ends in a slash
    (`/v1/general/advanced-custom-elements/`), which the spec's path does not. The same text
    appears on the o1 and the 3.0 omni pages.

    Args:
        body (CustomElementRequest): A custom-element task.

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
    body: CustomElementRequest,
) -> CreateTaskEnvelope | ErrorEnvelope | None:
    """Create a custom-element task

     Creates an element (a character, animal, item, costume, scene ...) that `element_list` of
    video and image requests can then reference by `element_id`: from a frontal image and 1–3
    more views (`reference_type` `image_refer`), or from one 3–8 s 1080p video of a realistic
    human (`video_refer`; such elements work with kling-video-o3 and later models only; a
    human voice in the video is also cloned and bound to the element). A voice can be bound
    with `element_voice_id` (character or humanoid image elements only). The task's result is
    `task_result.elements[]` (see `ResultElement`); nothing is downloaded. Takes
    `external_task_id`, so a create whose answer was lost can be looked up.

    The docs' invocation examples are templates with placeholders, not requests: they send
    "xxx" for every name, image, video, `callback_url` ("xxx" is no URL) and tag id ("xxx" is
    no tag id), and `"element_voice_id": string` is not even JSON; the spec's examples fill
    them in. Their URL also ends in a slash
    (`/v1/general/advanced-custom-elements/`), which the spec's path does not. The same text
    appears on the o1 and the 3.0 omni pages.

    Args:
        body (CustomElementRequest): A custom-element task.

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
