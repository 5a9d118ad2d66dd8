"""The exchange layer of a conformance run: send a request, validate its answer, record findings.

schemathesis does the spec work: it loads the bundled OpenAPI document, builds each request as a
``Case`` of an operation, and validates each answer with its checks (schema, status code,
content type, headers, no server error). The requests themselves go through one ``httpx.Client``,
so a caller can pass any ``httpx`` transport (the mock gateway's in-process one, a proxy, a
recorder), and so the key is only ever set on the request here, never on anything schemathesis
formats into a message.

Three things end a run from here, whatever probe is running: the key refused (the first answer to
a request carrying it that says 401, 403 or codes 1000-1004), the gateway unreachable, and the
time budget spent. Each is an exception the engine turns into the report's ``stopped`` line.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal, TypeAlias

import attrs
import httpx
import schemathesis
from schemathesis.checks import CheckFunction, not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.core.transport import Response as StResponse
from schemathesis.generation.case import Case
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from kling_ext._auth import mask_secret, redact
from kling_ext._constants import MAX_ANSWER_BYTES
from kling_ext._flow import AnswerBody
from kling_ext._spec import load_spec
from kling_ext._wire import ANSWER_ENCODINGS, sync_client, within

from . import _requests
from ._adapt import clip, describe, to_schemathesis, value_text
from ._report import CheckResult, Finding, Kind
from ._rules import WHOLE_API, consequence, known_statuses, node, response_pointer, schema_pointer

__all__ = ["BudgetSpent", "Exchange", "KeyRefused", "Probe", "Session", "Unreachable"]

SPEC_CHECKS: tuple[CheckFunction, ...] = (
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    not_a_server_error,
)
# Generous for a gateway under load, short enough that a dead one ends the run soon; never past
# the run's own deadline.
REQUEST_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
# After this many requests that got no answer at all, the gateway is down: stop probing it.
MAX_TRANSPORT_ERRORS = 3
# Answers that say the key itself is refused (the spec's error table): no other probe tells more.
KEY_REFUSED_STATUSES = frozenset({401, 403})
KEY_REFUSED_CODES = range(1000, 1005)

# schemathesis's generics carry its parameter and response containers; nothing here needs them.
Operation: TypeAlias = APIOperation[Any, Any, Any, Any]
AnyCase: TypeAlias = Case[Any]
Auth = Literal["key", "none", "bad"]


# The answer of a finding whose request got none at all.
NO_ANSWER = "(none)"


class Unreachable(Exception):
    """The gateway stopped answering; the run ends with what it has."""


class BudgetSpent(Exception):
    """The run's time budget is spent; the run ends with what it has."""


class KeyRefused(Exception):
    """The gateway refused the key: every further probe would only measure that refusal."""


@attrs.frozen(kw_only=True)
class Exchange:
    """One request and its answer, in the forms the checks need."""

    response: httpx.Response
    st_response: StResponse
    summary: str

    @property
    def status(self) -> int:
        return self.response.status_code

    def json(self) -> Any:
        """The body as JSON whatever the Content-Type says, or ``None`` if it is not JSON."""
        try:
            return json.loads(self.response.content)
        except ValueError:
            return None

    def business_code(self) -> Any:
        """The envelope's ``code``, or ``None`` when the body has none."""
        body = self.json()
        return body.get("code") if isinstance(body, Mapping) else None

    def data(self) -> Any:
        body = self.json()
        return body.get("data") if isinstance(body, Mapping) else None

    def answer(self) -> str:
        """The answer as a report quotes it: status, Content-Type and the start of the body."""
        content_type = self.response.headers.get("content-type", "(no Content-Type)")
        return f"HTTP {self.status} {content_type}{_preview(self.response.content)}"


@attrs.define
class Probe:
    """The checks of one probe of one operation, collected into :class:`CheckResult` rows."""

    operation: str
    name: str
    path: str = ""
    method: str = ""
    started: float = attrs.field(factory=time.monotonic)
    # check -> its findings, each with the signature that says which findings are one problem.
    checks: dict[str, list[tuple[Finding, Hashable]]] = attrs.field(factory=dict)
    kinds: dict[str, Kind] = attrs.field(factory=dict)

    def check(self, check: str, kind: Kind = "failure") -> None:
        self.checks.setdefault(check, [])
        self.kinds[check] = kind

    def rule(self, status: int | str | None = None, *steps: str) -> str:
        """The pointer to this probe's operation's responses, or to the documented answer with
        ``status`` (and ``steps`` into it), when the spec documents one."""
        if not self.path:
            return WHOLE_API
        if status is None:
            return response_pointer(self.path, self.method)
        try:
            if not steps:
                node(response_pointer(self.path, self.method, status))
                return response_pointer(self.path, self.method, status)
            return schema_pointer(response_pointer(self.path, self.method, status), *steps)
        except KeyError:
            return response_pointer(self.path, self.method)

    def add(
        self,
        check: str,
        summary: str,
        detail: str,
        *,
        rule: str,
        answer: Exchange | str = "",
        kind: Kind = "failure",
        task_id: str | None = None,
        signature: Hashable = None,
        field: str | None = None,
    ) -> None:
        """Record a finding; ``signature`` says which findings are the same problem.

        Findings with equal signatures (say, the same JSON path breaking the same keyword on
        every list page) are merged into one, counting the requests that showed it.
        """
        self.check(check, kind)
        finding = Finding(
            operation=self.operation,
            check=check,
            request_summary=summary,
            detail=detail,
            rule=rule,
            answer=answer.answer() if isinstance(answer, Exchange) else answer,
            consequence=consequence(check, field),
            task_id=task_id,
        )
        self.checks[check].append((finding, detail if signature is None else signature))


class Session:
    """The connection to one gateway for one run, and everything recorded on it."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str,
        key_source: str,
        transport: httpx.BaseTransport | None,
        deadline: float,
        on_progress: Callable[[str], None] | None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.key_source = key_source
        self.deadline = deadline
        self._progress = on_progress
        # An explicit config: a schemathesis.toml in the user's folder must not change the checks.
        self.schema: OpenApiSchema = schemathesis.openapi.from_dict(
            dict(load_spec()), config=SchemathesisConfig()
        )
        headers = {"User-Agent": "kling-ext-conformance"}
        # Built like the library's own client: every exchange ends by its deadline, headers
        # included, and a plain-http gateway is reached past the environment's proxies.
        self.client = (
            sync_client(self.base_url, headers=headers)
            if transport is None
            else httpx.Client(transport=transport, headers=headers)
        )
        self.results: list[CheckResult] = []
        # (kind, operation, check, signature) -> the first finding, with a count of its requests.
        self.grouped: dict[tuple[Kind, str, str, Hashable], Finding] = {}
        self.requests = 0
        self.transport_errors = 0
        self.created_tasks: list[str] = []

    # ------------------------------------------------------------------ plumbing

    def progress(self, message: str) -> None:
        if self._progress is not None:
            self._progress(message)

    def redact(self, text: str) -> str:
        return redact(text, [self.api_key])

    def operation(self, path: str, method: str) -> Operation:
        operation: Operation = self.schema[path][method.upper()]
        return operation

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    @contextmanager
    def probe(self, operation: Operation | str, name: str) -> Iterator[Probe]:
        """Collect one probe's checks; they are recorded when the block ends."""
        if isinstance(operation, str):
            probe = Probe(operation, name)
        else:
            probe = Probe(operation.label, name, operation.path, operation.method)
        try:
            yield probe
        finally:
            self._record(probe)

    def _record(self, probe: Probe) -> None:
        """Turn a finished probe into report rows, merging findings that are one problem."""
        seconds = (time.monotonic() - probe.started) / max(len(probe.checks), 1)
        for check, found in probe.checks.items():
            kind = probe.kinds[check]
            merged: dict[Hashable, Finding] = {}
            for finding, signature in found:
                # The one place every finding passes: a gateway echoing the key in an answer
                # must not get it into the report.
                clean = attrs.evolve(
                    finding,
                    request_summary=self.redact(finding.request_summary),
                    detail=self.redact(finding.detail),
                    answer=self.redact(finding.answer),
                )
                merged[signature] = _tally(merged.get(signature), clean)
            for signature, finding in merged.items():
                key = (kind, probe.operation, check, signature)
                self.grouped[key] = _tally(self.grouped.get(key), finding)
            self.results.append(
                CheckResult(
                    operation=probe.operation,
                    probe=probe.name,
                    check=check,
                    findings=tuple(merged.values()),
                    kind=kind,
                    seconds=seconds,
                )
            )

    def forget_unanswered(self) -> None:
        """Drop the findings of requests that got no answer at all, once the gateway proved
        unreachable: they are the outage, which the report gives as the reason the run stopped,
        not answers that break the spec."""

        def answered(finding: Finding) -> bool:
            return not (finding.check == "answered" and finding.answer == NO_ANSWER)

        self.grouped = {key: f for key, f in self.grouped.items() if answered(f)}
        kept: list[CheckResult] = []
        for result in self.results:
            findings = tuple(f for f in result.findings if answered(f))
            if findings or not result.findings:
                kept.append(attrs.evolve(result, findings=findings))
        self.results = kept

    # ------------------------------------------------------------------ sending

    def send(
        self, case: AnyCase, probe: Probe, *, auth: Auth = "key", raw: bytes | None = None
    ) -> Exchange | None:
        """Send a case (with ``raw`` as its body, if given); ``None`` if no answer came.

        Raises:
            BudgetSpent: the run's time is up; nothing was sent.
            KeyRefused: the answer to a request with the key says the key is refused.
            Unreachable: the gateway did not answer the first request, or three in all.
        """
        remaining = self.remaining()
        if remaining <= 0:
            raise BudgetSpent
        kwargs = case.as_transport_kwargs(base_url=self.base_url)
        headers = {"Accept": "application/json", "Accept-Encoding": ANSWER_ENCODINGS}
        note = ""
        if auth == "key":
            headers["Authorization"] = f"Bearer {self.api_key}"
        elif auth == "bad":
            headers["Authorization"] = f"Bearer {_requests.BAD_KEY}"
            note = " [Authorization: a made-up key]"
        else:
            note = " [no Authorization header]"
        content: bytes | None = raw
        if raw is None and "json" in kwargs:
            content = json.dumps(kwargs["json"]).encode()
        if content is not None:
            headers["Content-Type"] = "application/json"
        request = self.client.build_request(
            kwargs["method"],
            kwargs["url"],
            params=kwargs.get("params"),
            headers=headers,
            content=content,
            timeout=_timeout(remaining),
        )
        summary = f"{request.method} {request.url}{note}{_body_summary(content)}"
        self.requests += 1
        try:
            with within(time.monotonic() + min(REQUEST_TIMEOUT, remaining)):
                response, unread = self._receive(request)
        except httpx.HTTPError as exc:
            if self.remaining() <= 0:
                raise BudgetSpent from exc
            self.transport_errors += 1
            probe.add(
                "answered",
                summary,
                f"no answer: {type(exc).__name__}: {exc}",
                rule=WHOLE_API,
                answer=NO_ANSWER,
            )
            if self.transport_errors >= MAX_TRANSPORT_ERRORS or self.requests == 1:
                raise Unreachable(f"{type(exc).__name__}: {exc}") from exc
            return None
        if unread is not None:
            # An answer too large or undecodable to read is the gateway's to fix: a finding,
            # and no exchange to validate (its body was never held).
            check = (
                "answer_size" if unread.startswith("the answer is larger") else "readable_answer"
            )
            content_type = response.headers.get("content-type", "(no Content-Type)")
            probe.add(
                check,
                summary,
                f"HTTP {response.status_code}: {unread}",
                rule=probe.rule(),
                answer=f"HTTP {response.status_code} {content_type} ({unread})",
            )
            return None
        exchange = Exchange(
            response=response, st_response=to_schemathesis(response), summary=summary
        )
        if auth == "key":
            self._raise_if_key_refused(exchange)
        return exchange

    def _receive(self, request: httpx.Request) -> tuple[httpx.Response, str | None]:
        """The answer to `request`, its body read as the library reads one: unpacked piece by
        piece and no more than `MAX_ANSWER_BYTES` of it; or the reason it was not read."""
        response = self.client.send(request, stream=True)
        try:
            body = AnswerBody(MAX_ANSWER_BYTES)
            if body.begin(response):
                for chunk in response.iter_raw():
                    if not body.feed(chunk):
                        break
            sent = body.sent(response)
        finally:
            response.close()
        # The body as read, without the codings it came in (they are undone).
        headers = [(k, v) for k, v in response.headers.multi_items() if k != "content-encoding"]
        read = httpx.Response(
            response.status_code,
            headers=headers,
            content=sent.body or b"",
            request=request,
            extensions=response.extensions,
        )
        with contextlib.suppress(RuntimeError):  # an in-memory transport's answer has none
            read.elapsed = response.elapsed
        return read, sent.unreadable

    def _raise_if_key_refused(self, exchange: Exchange) -> None:
        code = exchange.business_code()
        refused_code = isinstance(code, int) and code in KEY_REFUSED_CODES
        if exchange.status not in KEY_REFUSED_STATUSES and not refused_code:
            return
        body = exchange.json()
        message = body.get("message") if isinstance(body, Mapping) else None
        said = f"HTTP {exchange.status}" + (f", code {code}" if code is not None else "")
        said += f' "{value_text(message)[1:-1]}"' if isinstance(message, str) else ""
        raise KeyRefused(
            self.redact(
                f"the gateway refused the API key from {self.key_source} "
                f"({mask_secret(self.api_key)}): {said}, to {exchange.summary.splitlines()[0]}. "
                "Check the key (and that it is meant for this gateway); nothing else was checked."
            )
        )

    def validate(self, case: AnyCase, exchange: Exchange, probe: Probe) -> set[str]:
        """Run schemathesis's checks and the spec's prose rules on one answer.

        Returns:
            The checks this answer failed.
        """
        before = {check: len(found) for check, found in probe.checks.items()}
        # One check per call, so each failure is attributed to the check that raised it.
        for check in SPEC_CHECKS:
            name = check.__name__
            probe.check(name)
            try:
                case.validate_response(exchange.st_response, checks=[check])
            except FailureGroup as group:
                for failure in group.exceptions:
                    detail, signature, rule, field = describe(failure, exchange.status, probe.rule)
                    probe.add(
                        name,
                        exchange.summary,
                        detail,
                        rule=rule,
                        answer=exchange,
                        signature=signature,
                        field=field,
                    )
        probe.check("documented_status")
        documented = _documented_statuses(case.operation)
        if exchange.status not in documented:
            probe.add(
                "documented_status",
                exchange.summary,
                f"HTTP {exchange.status}: the spec does not list this status for the operation "
                f"(it lists {', '.join(map(str, sorted(documented)))}; `default` only fixes the "
                "error envelope's shape)",
                rule=probe.rule(),
                answer=exchange,
                signature=exchange.status,
            )
        self._check_statuses(exchange, probe)
        return {check for check, found in probe.checks.items() if len(found) > before.get(check, 0)}

    def _check_statuses(self, exchange: Exchange, probe: Probe) -> None:
        """Every task status in a 2xx answer is one the spec lists (its enum is kept open for
        clients' sake, not as licence for gateways to invent statuses)."""
        if not 200 <= exchange.status < 300 or not probe.path:
            return
        known, rule = known_statuses(probe.path, probe.method)
        if not known:
            return
        data = exchange.data()
        tasks = data if isinstance(data, list) else [data]
        probe.check("task_status_known")
        for task in tasks:
            status = task.get("task_status") if isinstance(task, Mapping) else None
            if isinstance(status, str) and status not in known:
                probe.add(
                    "task_status_known",
                    exchange.summary,
                    f"task_status {value_text(status)} is not one the spec lists "
                    f"({', '.join(sorted(known))})",
                    rule=rule,
                    answer=exchange,
                    signature=status,
                )

    def exchange(
        self, case: AnyCase, probe: Probe, *, auth: Auth = "key", raw: bytes | None = None
    ) -> Exchange | None:
        """Send a case and validate its answer against the spec."""
        exchange = self.send(case, probe, auth=auth, raw=raw)
        if exchange is not None:
            self.validate(case, exchange, probe)
        return exchange

    def close(self) -> None:
        self.client.close()


# ---------------------------------------------------------------------- helpers


def _timeout(remaining: float) -> httpx.Timeout:
    total = max(min(REQUEST_TIMEOUT, remaining), 0.001)
    return httpx.Timeout(total, connect=min(CONNECT_TIMEOUT, total))


def _tally(first: Finding | None, finding: Finding) -> Finding:
    """``finding`` if it is the first of its problem, else the first with the requests added."""
    if first is None:
        return finding
    return attrs.evolve(first, occurrences=first.occurrences + finding.occurrences)


def _documented_statuses(operation: Operation) -> frozenset[int]:
    responses = load_spec()["paths"][operation.path][operation.method]["responses"]
    return frozenset(int(code) for code in responses if code.isdigit())


def _body_summary(content: bytes | None) -> str:
    if content is None:
        return ""
    return f"\nbody: {clip(content.decode('utf-8', errors='replace'))}"


def _preview(content: bytes) -> str:
    text = content.decode("utf-8", errors="replace")
    return f": {clip(text)}" if text else " (empty body)"


def preview(exchange: Exchange) -> str:
    """The start of an answer's body, for a finding's detail."""
    return _preview(exchange.response.content)
