from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.multi_elements_session_envelope import MultiElementsSessionEnvelope
from ...models.multi_elements_session_request import MultiElementsSessionRequest
from ...types import Response


def _get_kwargs(
    *,
    body: MultiElementsSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/videos/multi-elements/preview-selection",
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
    body: MultiElementsSessionRequest,
) -> Response[ErrorEnvelope | MultiElementsSessionEnvelope]:
    """Preview the marked elements of a multi-elements session (synchronous)

     Answers a preview of the marks: the video with its masks (`res.video`), its cover
    (`res.video_cover`) and the per-frame masks (`res.tracking_output`), as URLs. The preview
    is not a result: the edited video comes from the task.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsSessionRequest): A session of init-selection.

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
    body: MultiElementsSessionRequest,
) -> ErrorEnvelope | MultiElementsSessionEnvelope | None:
    """Preview the marked elements of a multi-elements session (synchronous)

     Answers a preview of the marks: the video with its masks (`res.video`), its cover
    (`res.video_cover`) and the per-frame masks (`res.tracking_output`), as URLs. The preview
    is not a result: the edited video comes from the task.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsSessionRequest): A session of init-selection.

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
    body: MultiElementsSessionRequest,
) -> Response[ErrorEnvelope | MultiElementsSessionEnvelope]:
    """Preview the marked elements of a multi-elements session (synchronous)

     Answers a preview of the marks: the video with its masks (`res.video`), its cover
    (`res.video_cover`) and the per-frame masks (`res.tracking_output`), as URLs. The preview
    is not a result: the edited video comes from the task.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsSessionRequest): A session of init-selection.

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
    body: MultiElementsSessionRequest,
) -> ErrorEnvelope | MultiElementsSessionEnvelope | None:
    """Preview the marked elements of a multi-elements session (synchronous)

     Answers a preview of the marks: the video with its masks (`res.video`), its cover
    (`res.video_cover`) and the per-frame masks (`res.tracking_output`), as URLs. The preview
    is not a result: the edited video comes from the task.
    There is no task and no `external_task_id`: an answer lost on the way cannot be looked up.

    Args:
        body (MultiElementsSessionRequest): A session of init-selection.

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
