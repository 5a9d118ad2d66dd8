"""The mock gateway's callbacks: POSTed to a task's `callback_url` at each status, opt-in.

Off unless the gateway is made with `callbacks=MockCallbacks(...)`. Tasks then move with time
(the `real` clock; a test passes a fake `monotonic`), and :meth:`MockGateway.pump_callbacks`
sends what is due: from a test's fake sleep, or from a background thread
(:meth:`MockGateway.run_callbacks`, which :meth:`MockGateway.serve` starts).

Faults (:class:`CallbackFaults`) make it behave as senders and networks do: duplicates,
reordering, delays, drops, forgeries (a wrong signature, a token for another task, a task that
does not exist, a replayed message) and a receiver that is down for a while (retried).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import attrs
import httpx

from kling_ext._webhooks import sign_webhook

if TYPE_CHECKING:
    from ._state import GatewayState, StoredTask

__all__ = ["CallbackDelivery", "CallbackFaults", "Forgery", "MockCallbacks"]

Forgery = Literal["bad_signature", "wrong_token", "other_task", "unknown_task", "replay"]
"""A forged callback the mock sends besides the true ones:

* ``bad_signature``: a ``succeed`` for the task, signed with a wrong secret.
* ``wrong_token``: a ``succeed`` for the task, at its URL with a forged token.
* ``other_task``: a ``succeed`` at the task's URL naming another external_task_id.
* ``unknown_task``: a ``succeed`` at a URL minted for no task (the token of another one).
* ``replay``: the task's first message sent again, byte for byte, after later ones.
"""

DropKind = Literal["none", "all", "final", "intermediate"]

_FORGED_URL = "https://forged.invalid/video.mp4"
_WRONG_SECRET = "whsec_" + "d3JvbmctY2FsbGJhY2stc2VjcmV0LWZvci10ZXN0cw=="


@attrs.frozen(kw_only=True)
class CallbackFaults:
    """How the mock's callbacks misbehave (all off by default).

    Attributes:
        duplicate: Send every callback twice (a new message id each time).
        reorder: Hold each task's ``submitted`` callback until after its ``processing`` one.
        delay: Seconds between a status change and its callback.
        drop: Which callbacks are never sent: ``none``, ``all``, ``final`` or
            ``intermediate`` (submitted, processing).
        forge: Forged callbacks to send, once per task, as it starts processing.
        down_for: Seconds, from the first callback, during which the receiver is treated as
            unreachable: deliveries fail and are retried (``retry_delays``).
    """

    duplicate: bool = False
    reorder: bool = False
    delay: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    drop: DropKind = attrs.field(
        default="none", validator=attrs.validators.in_(("none", "all", "final", "intermediate"))
    )
    forge: tuple[Forgery, ...] = attrs.field(default=(), converter=tuple)
    down_for: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))


@attrs.frozen(kw_only=True)
class MockCallbacks:
    """Turns the mock's callbacks on.

    Attributes:
        secret: A Standard Webhooks secret (``whsec_…``) to sign with; None sends them unsigned.
        faults: How they misbehave.
        retry_delays: Seconds between the attempts of a delivery that failed (no 2xx).
        http: The client that POSTs them (default: a new ``httpx.Client``); a test may pass one
            whose transport is a receiver's app, in-process.
    """

    secret: str | None = attrs.field(default=None, repr=False)
    faults: CallbackFaults = CallbackFaults()
    retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
    http: httpx.Client | None = attrs.field(default=None, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class CallbackDelivery:
    """One attempt to deliver a callback, as the mock logged it.

    Attributes:
        task_id: The task it is about (the true one, even for a forgery).
        status: The status it claims.
        kind: ``true`` or the forgery's name.
        at: The mock clock when sent.
        answer: The receiver's HTTP status, or None when it could not be reached.
    """

    task_id: str
    status: str
    kind: str
    at: float
    answer: int | None


@attrs.define
class _Pending:
    due: float
    order: int
    task_id: str
    status: str
    url: str
    body: bytes
    headers: dict[str, str]
    kind: str
    final: bool
    attempt: int = 0


class CallbackSender:
    """The mock's outbox: what is due, sent by `pump` (under no lock while POSTing)."""

    def __init__(self, config: MockCallbacks, state: GatewayState) -> None:
        self.config = config
        self._state = state
        self._http = config.http
        self._owns_http = config.http is None
        self._sent_stage: dict[str, int] = {}
        self._first_message: dict[str, _Pending] = {}
        self._outbox: list[_Pending] = []
        self._order = 0
        self._down_until: float | None = None
        self.log: list[CallbackDelivery] = []
        self._lock = threading.Lock()  # one pump at a time

    # -------------------------------------------------------------- what becomes due

    def collect(self, task_object: Callable[[StoredTask], dict[str, Any]]) -> None:
        """Queue callbacks for every status change not yet called back (state lock held)."""
        faults = self.config.faults
        now = self._state.now()
        for task in self._state.tasks:
            url = task.body.get("callback_url")
            if not isinstance(url, str) or not url:
                continue
            self._state.refresh(task)
            done = self._sent_stage.get(task.task_id, -1)
            if task.stage <= done:
                continue
            self._sent_stage[task.task_id] = task.stage
            data = task_object(task)
            final = task.finished
            for stage in range(done + 1, task.stage + 1):
                is_final = stage >= 2
                body = dict(data)
                if not is_final:  # an earlier status, passed through since the last pump
                    body = {
                        **{k: v for k, v in data.items() if k not in ("final_unit_deduction",)},
                        "task_status": ("submitted", "processing")[stage],
                        "task_status_msg": "",
                        "task_result": {},
                        "updated_at": task.created_at if stage == 0 else task.updated_at,
                    }
                    if final:
                        body["updated_at"] = task.created_at + stage  # distinct, ordered
                if stage == 1 and faults.forge:
                    self._forge(task, url, body, now)
                if faults.drop == "all" or faults.drop == ("final" if is_final else "intermediate"):
                    continue
                due = now + faults.delay
                if faults.reorder and stage == 0:
                    # After "processing": the receiver sees a status go back.
                    due += self._state.submitted_seconds + 1.0
                copies = 2 if faults.duplicate else 1
                for _ in range(copies):
                    pending = self._message(task.task_id, url, body, due, "true", is_final)
                    self._first_message.setdefault(task.task_id, pending)
                    self._outbox.append(pending)

    def _message(
        self,
        task_id: str,
        url: str,
        data: dict[str, Any],
        due: float,
        kind: str,
        final: bool,
        *,
        secret: str | None = None,
    ) -> _Pending:
        raw = json.dumps(data, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json; charset=utf-8"}
        secret = secret or self.config.secret
        if secret is not None:
            msg_id = f"msg_{self._state.new_uuid()}"
            stamp = int(self._state.wall())
            headers["webhook-id"] = msg_id
            headers["webhook-timestamp"] = str(stamp)
            headers["webhook-signature"] = sign_webhook(secret, msg_id, stamp, raw)
        self._order += 1
        return _Pending(
            due, self._order, task_id, str(data.get("task_status")), url, raw, headers, kind, final
        )

    def _forge(self, task: StoredTask, url: str, body: dict[str, Any], now: float) -> None:
        claim = {
            **body,
            "task_status": "succeed",
            "updated_at": int(self._state.wall() * 1000) + 7,
            "task_result": {"videos": [{"id": "forged", "url": _FORGED_URL, "duration": "5"}]},
        }
        for forgery in self.config.faults.forge:
            target, data, secret = url, claim, None
            if forgery == "bad_signature":
                secret = _WRONG_SECRET
            elif forgery == "wrong_token":
                target = _with_query(url, token="A" * 43)
            elif forgery == "other_task":
                data = {**claim, "task_info": {"external_task_id": "someone-elses-task"}}
            elif forgery == "unknown_task":
                target = _with_query(url, task="no-such-task")
                data = {**claim, "task_id": "1", "task_info": {"external_task_id": "no-such-task"}}
            elif forgery == "replay":
                first = self._first_message.get(task.task_id)
                if first is not None:
                    again = attrs.evolve(first, due=now + 0.01, kind="replay", attempt=0)
                    self._outbox.append(again)
                continue
            pending = self._message(task.task_id, target, data, now, forgery, True, secret=secret)
            self._outbox.append(pending)

    # -------------------------------------------------------------- sending

    def due(self) -> list[_Pending]:
        """Take what is due now, oldest first (state lock held)."""
        now = self._state.now()
        ready = sorted((p for p in self._outbox if p.due <= now), key=lambda p: (p.due, p.order))
        for pending in ready:
            self._outbox.remove(pending)
        return ready

    def send(self, batch: list[_Pending]) -> None:
        """POST each message; a failed one is queued again after its retry delay."""
        for pending in batch:
            now = self._state.now()
            answer: int | None = None
            if self._down_until is None and self.config.faults.down_for:
                self._down_until = now + self.config.faults.down_for
            if self._down_until is None or now >= self._down_until:
                answer = self._post(pending)
            with self._state.lock:
                self.log.append(
                    CallbackDelivery(
                        task_id=pending.task_id,
                        status=pending.status,
                        kind=pending.kind,
                        at=now,
                        answer=answer,
                    )
                )
                retry = self.config.retry_delays
                # Only a receiver that could not take it is retried; a refusal (4xx) stands.
                if (answer is None or answer >= 500) and pending.attempt < len(retry):
                    pending.due = now + retry[pending.attempt]
                    pending.attempt += 1
                    self._outbox.append(pending)

    def _post(self, pending: _Pending) -> int | None:
        if self._http is None:
            self._http = httpx.Client(timeout=5.0)
        try:
            response = self._http.post(pending.url, content=pending.body, headers=pending.headers)
        except httpx.HTTPError:
            return None
        return response.status_code

    @property
    def pending(self) -> int:
        """Messages not sent yet (retries included)."""
        return len(self._outbox)

    def close(self) -> None:
        """Close the HTTP client this sender made."""
        if self._owns_http and self._http is not None:
            self._http.close()


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


@contextmanager
def pumping(pump: Callable[[], object], interval: float) -> Iterator[None]:
    """Call `pump` every `interval` seconds on a background thread while the block runs."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            pump()

    thread = threading.Thread(target=loop, daemon=True, name="mock-callbacks")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
