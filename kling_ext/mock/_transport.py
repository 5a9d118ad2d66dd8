"""The mock gateway as an httpx transport, for ``httpx.Client`` and ``httpx.AsyncClient`` alike.

Connection-level faults become the exceptions a real network raises: a request that never
arrived is ``httpx.ConnectError``, an answer that never came is ``httpx.RemoteProtocolError``,
and a body cut short raises ``httpx.RemoteProtocolError`` while it is being read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx

from ._core import MockRequest, MockResponse

__all__ = ["MockTransport"]

# httpcore's wording when a server closes the connection instead of answering.
_NO_RESPONSE = "Server disconnected without sending a response."
_CUT_BODY = "peer closed connection without sending complete message body (incomplete chunked read)"


class _CutStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that stops after its first bytes with the error a dropped connection gives."""

    def __init__(self, partial: bytes, request: httpx.Request) -> None:
        self._partial = partial
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        if self._partial:
            yield self._partial
        raise httpx.RemoteProtocolError(_CUT_BODY, request=self._request)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._partial:
            yield self._partial
        raise httpx.RemoteProtocolError(_CUT_BODY, request=self._request)


class MockTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answer httpx requests with a mock gateway's core, in-process.

    Example:
        ``httpx.Client(transport=MockGateway().transport())``; the same transport also works
        with ``httpx.AsyncClient``.
    """

    def __init__(self, handler: Callable[[MockRequest], MockResponse]) -> None:
        """Initialise the transport.

        Args:
            handler: The core, usually ``MockGateway.handle``.
        """
        self._handler = handler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (sync clients).

        Args:
            request: The request.

        Returns:
            The mock's answer.

        Raises:
            httpx.ConnectError: A ``drop`` fault: the request never reached the gateway.
            httpx.RemoteProtocolError: A ``stored_then_drop`` fault: no answer came back.
        """
        request.read()
        return self._respond(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (async clients).

        Args:
            request: The request.

        Returns:
            The mock's answer.

        Raises:
            httpx.ConnectError: A ``drop`` fault: the request never reached the gateway.
            httpx.RemoteProtocolError: A ``stored_then_drop`` fault: no answer came back.
        """
        await request.aread()
        return self._respond(request)

    def _respond(self, request: httpx.Request) -> httpx.Response:
        answer = self._handler(
            MockRequest(
                method=request.method,
                path=request.url.path,
                query=dict(request.url.params),
                headers=dict(request.headers),
                body=request.content,
                scheme=request.url.scheme,
            )
        )
        if answer.drop and answer.refused:
            raise httpx.ConnectError("[mock] the connection was refused", request=request)
        if answer.drop:
            raise httpx.RemoteProtocolError(_NO_RESPONSE, request=request)
        stream: httpx.SyncByteStream | httpx.AsyncByteStream
        if answer.cut_after is None:
            stream = httpx.ByteStream(answer.body)
        else:
            stream = _CutStream(answer.body[: answer.cut_after], request)
        return httpx.Response(answer.status, headers=dict(answer.headers), stream=stream)
