from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.account_costs_envelope import AccountCostsEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    start_time: int,
    end_time: int,
    resource_pack_name: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["start_time"] = start_time

    params["end_time"] = end_time

    params["resource_pack_name"] = resource_pack_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/account/costs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountCostsEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = AccountCostsEnvelope.from_dict(response.json())

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
) -> Response[AccountCostsEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_time: int,
    end_time: int,
    resource_pack_name: str | Unset = UNSET,
) -> Response[AccountCostsEnvelope | ErrorEnvelope]:
    """List the account's resource packs and what remains of them (synchronous)

     The resource packs bought in a time window, each with its total, **remaining** quantity,
    validity and status. Free to call. Note the path: `/account/costs`, not under `/v1`.

    **The remaining quantity lags:** the docs say its statistics have a 12-hour delay, so a
    pack can read non-empty while the API already refuses tasks with 1102 (pack depleted).

    **Rate:** keep to at most one request per second (QPS ≤ 1), as the docs ask.

    Args:
        start_time (int):
        end_time (int):
        resource_pack_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCostsEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
        resource_pack_name=resource_pack_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    start_time: int,
    end_time: int,
    resource_pack_name: str | Unset = UNSET,
) -> AccountCostsEnvelope | ErrorEnvelope | None:
    """List the account's resource packs and what remains of them (synchronous)

     The resource packs bought in a time window, each with its total, **remaining** quantity,
    validity and status. Free to call. Note the path: `/account/costs`, not under `/v1`.

    **The remaining quantity lags:** the docs say its statistics have a 12-hour delay, so a
    pack can read non-empty while the API already refuses tasks with 1102 (pack depleted).

    **Rate:** keep to at most one request per second (QPS ≤ 1), as the docs ask.

    Args:
        start_time (int):
        end_time (int):
        resource_pack_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCostsEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        start_time=start_time,
        end_time=end_time,
        resource_pack_name=resource_pack_name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    start_time: int,
    end_time: int,
    resource_pack_name: str | Unset = UNSET,
) -> Response[AccountCostsEnvelope | ErrorEnvelope]:
    """List the account's resource packs and what remains of them (synchronous)

     The resource packs bought in a time window, each with its total, **remaining** quantity,
    validity and status. Free to call. Note the path: `/account/costs`, not under `/v1`.

    **The remaining quantity lags:** the docs say its statistics have a 12-hour delay, so a
    pack can read non-empty while the API already refuses tasks with 1102 (pack depleted).

    **Rate:** keep to at most one request per second (QPS ≤ 1), as the docs ask.

    Args:
        start_time (int):
        end_time (int):
        resource_pack_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountCostsEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        start_time=start_time,
        end_time=end_time,
        resource_pack_name=resource_pack_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    start_time: int,
    end_time: int,
    resource_pack_name: str | Unset = UNSET,
) -> AccountCostsEnvelope | ErrorEnvelope | None:
    """List the account's resource packs and what remains of them (synchronous)

     The resource packs bought in a time window, each with its total, **remaining** quantity,
    validity and status. Free to call. Note the path: `/account/costs`, not under `/v1`.

    **The remaining quantity lags:** the docs say its statistics have a 12-hour delay, so a
    pack can read non-empty while the API already refuses tasks with 1102 (pack depleted).

    **Rate:** keep to at most one request per second (QPS ≤ 1), as the docs ask.

    Args:
        start_time (int):
        end_time (int):
        resource_pack_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountCostsEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            start_time=start_time,
            end_time=end_time,
            resource_pack_name=resource_pack_name,
        )
    ).parsed
