"""The hand-written resource bases: what every endpoint's tasks share, sync and async.

The typed per-endpoint classes (`Text2Video`, `AsyncText2Video`, ...) are generated from the spec
into `_resources_generated.py` by scripts/regenerate; `Resource`/`AsyncResource` serve any endpoint
by name with untyped keyword arguments.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

from ._constants import DEFAULT_WAIT_TIMEOUT
from ._exceptions import ValidationError
from ._flow import Flow, call_flow, create_task, get_task, list_tasks, wait_task
from ._prepare import prepare_body, prepare_body_async
from ._spec import Call, Endpoint, load_spec
from ._task import CallResult, Task
from ._task_ref import checked_task_ref, task_id_of

if TYPE_CHECKING:
    from ._async_client import AsyncKling
    from ._sync_client import Kling
    from .callbacks import CallbackReceiver

OnUpdate = Callable[[Task], object]
"""Called with the task whenever its status changes (an async callback is awaited by AsyncKling)."""


def _max_page() -> int:
    """The highest `pageNum` the spec allows."""
    return int(load_spec()["components"]["parameters"]["PageNum"]["schema"]["maximum"])


def _wait_flow(
    client: Kling | AsyncKling,
    ep: Endpoint,
    task: Task | str,
    timeout: float | None,
    callbacks: CallbackReceiver | None,
) -> Flow[Task]:
    """Polling, or waiting by callback when a receiver is given."""
    if callbacks is None:
        return wait_task(client._context, ep, task, timeout)
    from ._callback_flow import wait_by_callback

    return wait_by_callback(client._context, ep, task, timeout, callbacks.inbox, callbacks.schedule)


def _with_callback_url(body: dict[str, Any], callbacks: CallbackReceiver | None) -> dict[str, Any]:
    """The body, with `callback_url` minted by the receiver (a capability URL) when one is given.

    A `callback_url` the caller set as well is refused: callbacks sent there would never reach
    the receiver the wait listens to, and two places claiming the same callbacks is a mistake
    better named than guessed at.

    Raises:
        ValidationError: `callback_url` given together with `callbacks`.
    """
    if callbacks is None:
        return body
    if body.get("callback_url"):
        raise ValidationError(
            "callback_url",
            "must not be given together with callbacks=: the receiver mints it",
            "callbacks= alone, or callback_url= alone (then wait without callbacks=)",
        )
    try:
        url = callbacks.callback_url(str(body["external_task_id"]))
    except ValueError as exc:
        raise ValidationError("callbacks", str(exc)) from None
    return {**body, "callback_url": url}


def _repeats(tasks: list[Task], previous: list[Task]) -> bool:
    """True when a page is the previous page again (the gateway ignored `pageNum`)."""
    ids = [task.task_id for task in tasks]
    return bool(ids) and ids == [task.task_id for task in previous]


class _Resource:
    """Operations on one endpoint's tasks (sync)."""

    def __init__(self, client: Kling, ep: Endpoint) -> None:
        self._client = client
        self._ep = ep

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._ep.kind}>"

    def _create(self, params: Any, callbacks: CallbackReceiver | None = None) -> Task:
        body = _with_callback_url(prepare_body(self._ep.kind, params), callbacks)
        return self._client._drive(create_task(self._client._context, self._ep, body))

    def get(self, task: Task | str) -> Task:
        """The task now, by a `Task`, its `task_id` or the `external_task_id` you gave it."""
        task_id = task_id_of(task, "get")
        return self._client._drive(get_task(self._client._context, self._ep, task_id))

    def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        """Poll until the task is final, or wait for its callbacks.

        Args:
            task: A `Task`, or a task id / external_task_id (to resume a wait).
            timeout: Seconds to wait; `None` waits for ever.
            on_update: Called with the task whenever its status changes.
            callbacks: A `kling_ext.callbacks.CallbackReceiver` the task's callbacks reach (the
                task created with its `callback_url`): no polling while they come; the final
                status is read from the API before it is reported; the receiver's safety-net
                schedule queries when they do not.

        Raises:
            TaskFailedError: the task failed (the gateway's reason is in the message).
            TaskTimeoutError: still running at the deadline, or not read before it (the
                gateway did not answer in time); resume with `wait(task_id)`.
        """
        task = checked_task_ref(task, "wait")
        flow = _wait_flow(self._client, self._ep, task, timeout, callbacks)
        return self._client._drive(flow, on_update)

    def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """One page of this endpoint's tasks, newest first (`pageNum`/`pageSize`)."""
        return self._client._drive(list_tasks(self._client._context, self._ep, page, page_size))

    def iter_all(self, *, page_size: int = 30) -> Iterator[Task]:
        """Every task of this endpoint, newest first, fetching page after page as you iterate.

        Stops after the last page: one shorter than `page_size`, or one that repeats the page
        before it (a gateway that ignores `pageNum`), or the highest page number the API allows.
        """
        previous: list[Task] = []
        for page in range(1, _max_page() + 1):
            tasks = self.list(page=page, page_size=page_size)
            if _repeats(tasks, previous):
                return
            yield from tasks
            if len(tasks) < page_size:
                return
            previous = tasks

    def _run(
        self,
        params: Any,
        timeout: float | None,
        on_update: OnUpdate | None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        task = self._create(params, callbacks)
        if on_update is not None:
            on_update(task)
        return self.wait(task, timeout=timeout, on_update=on_update, callbacks=callbacks)


def _not_a_call(kind: str) -> TypeError:
    return TypeError(
        f"{kind} is a task endpoint, not a synchronous call: use create(**fields) or run(**fields)"
    )


def _not_tasks(kind: str, method: str) -> TypeError:
    return TypeError(
        f"{kind} is a synchronous call, which makes no task to {method}: call it, "
        f"client.resource({kind!r})(**fields)"
    )


class _Call:
    """One synchronous call of the spec (sync): calling it sends the request."""

    def __init__(self, client: Kling, target: Call) -> None:
        self._client = client
        self._target = target

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._target.method} {self._target.path}>"

    def _call(self, params: Any) -> CallResult:
        arguments = prepare_body(self._target.kind, params)
        return self._client._drive(call_flow(self._client._context, self._target, arguments))


class _AsyncCall:
    """One synchronous call of the spec (async); see `_Call`."""

    def __init__(self, client: AsyncKling, target: Call) -> None:
        self._client = client
        self._target = target

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._target.method} {self._target.path}>"

    async def _call(self, params: Any) -> CallResult:
        arguments = await prepare_body_async(self._target.kind, params)
        return await self._client._drive(call_flow(self._client._context, self._target, arguments))


class Resource(_Resource):
    """Tasks of any endpoint of the spec (`Kling.resource(kind)`); fields as keyword arguments.

    For a synchronous call (`resource("identify-face")`) it is a `CallResource`: call it.
    """

    def __call__(self, **params: Any) -> CallResult:
        """Send a synchronous call; a task endpoint has none (use `create` or `run`).

        Raises:
            TypeError: this is a task endpoint.
        """
        raise _not_a_call(self._ep.kind)

    def create(self, **params: Any) -> Task:
        """Create a task (validated before sending; never created twice). Returns it submitted."""
        return self._create(params)

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
        **params: Any,
    ) -> Task:
        """Create a task and wait until it is final (by callback with `callbacks=`)."""
        return self._run(params, timeout, on_update, callbacks)


class CallResource(Resource):
    """A synchronous call of the spec by name or path (`Kling.resource("identify-face")`):
    calling it with the fields as keyword arguments sends it and returns a `CallResult`.

    It answers at once, so the task methods (`create`, `run`, `get`, ...) raise `TypeError`.
    A `POST` is never sent twice after an ambiguous failure (see `Kling.resource`).
    """

    def __init__(self, client: Kling, target: Call) -> None:
        self._client = client
        self._caller = _Call(client, target)
        self._kind = target.kind

    def __repr__(self) -> str:
        return repr(self._caller).replace("_Call", type(self).__name__, 1)

    def __call__(self, **params: Any) -> CallResult:
        """Send the call (validated before sending) and return its answer."""
        return self._caller._call(params)

    def create(self, **params: Any) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "create")

    def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
        **params: Any,
    ) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "run")

    def get(self, task: Task | str) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "get")

    def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "wait")

    def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "list")

    def iter_all(self, *, page_size: int = 30) -> Iterator[Task]:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "list")


class _AsyncResource:
    """Operations on one endpoint's tasks (async); see `_Resource`."""

    def __init__(self, client: AsyncKling, ep: Endpoint) -> None:
        self._client = client
        self._ep = ep

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._ep.kind}>"

    async def _create(self, params: Any, callbacks: CallbackReceiver | None = None) -> Task:
        body = await prepare_body_async(self._ep.kind, params)  # files are read off the loop
        body = _with_callback_url(body, callbacks)
        return await self._client._drive(create_task(self._client._context, self._ep, body))

    async def get(self, task: Task | str) -> Task:
        """The task now, by a `Task`, its `task_id` or the `external_task_id` you gave it."""
        task_id = task_id_of(task, "get")
        return await self._client._drive(get_task(self._client._context, self._ep, task_id))

    async def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        """Poll until the task is final; see `_Resource.wait`. Cancellation stops cleanly."""
        task = checked_task_ref(task, "wait")
        flow = _wait_flow(self._client, self._ep, task, timeout, callbacks)
        return await self._client._drive(flow, on_update)

    async def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """One page of this endpoint's tasks, newest first."""
        return await self._client._drive(
            list_tasks(self._client._context, self._ep, page, page_size)
        )

    async def iter_all(self, *, page_size: int = 30) -> AsyncIterator[Task]:
        """Every task of this endpoint, page after page; see `_Resource.iter_all`."""
        previous: list[Task] = []
        for page in range(1, _max_page() + 1):
            tasks = await self.list(page=page, page_size=page_size)
            if _repeats(tasks, previous):
                return
            for task in tasks:
                yield task
            if len(tasks) < page_size:
                return
            previous = tasks

    async def _run(
        self,
        params: Any,
        timeout: float | None,
        on_update: OnUpdate | None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        task = await self._create(params, callbacks)
        if on_update is not None:
            outcome = on_update(task)
            if inspect.isawaitable(outcome):
                await outcome
        return await self.wait(task, timeout=timeout, on_update=on_update, callbacks=callbacks)


class AsyncResource(_AsyncResource):
    """Tasks of any endpoint of the spec (`AsyncKling.resource(kind)`), async.

    For a synchronous call it is an `AsyncCallResource`: await calling it.
    """

    async def __call__(self, **params: Any) -> CallResult:
        """Send a synchronous call; a task endpoint has none (use `create` or `run`).

        Raises:
            TypeError: this is a task endpoint.
        """
        raise _not_a_call(self._ep.kind)

    async def create(self, **params: Any) -> Task:
        """Create a task (validated before sending; never created twice)."""
        return await self._create(params)

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
        **params: Any,
    ) -> Task:
        """Create a task and wait until it is final (by callback with `callbacks=`)."""
        return await self._run(params, timeout, on_update, callbacks)


class AsyncCallResource(AsyncResource):
    """A synchronous call of the spec by name or path, async; see `CallResource`."""

    def __init__(self, client: AsyncKling, target: Call) -> None:
        self._client = client
        self._caller = _AsyncCall(client, target)
        self._kind = target.kind

    def __repr__(self) -> str:
        return repr(self._caller).replace("_AsyncCall", type(self).__name__, 1)

    async def __call__(self, **params: Any) -> CallResult:
        """Send the call (validated before sending) and return its answer."""
        return await self._caller._call(params)

    async def create(self, **params: Any) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "create")

    async def run(
        self,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
        **params: Any,
    ) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "run")

    async def get(self, task: Task | str) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "get")

    async def wait(
        self,
        task: Task | str,
        *,
        timeout: float | None = DEFAULT_WAIT_TIMEOUT,
        on_update: OnUpdate | None = None,
        callbacks: CallbackReceiver | None = None,
    ) -> Task:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "wait")

    async def list(self, *, page: int = 1, page_size: int = 30) -> list[Task]:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "list")

    async def iter_all(self, *, page_size: int = 30) -> AsyncIterator[Task]:
        """Not for a call. Raises: TypeError."""
        raise _not_tasks(self._kind, "list")
        yield  # an async generator, like AsyncResource.iter_all
