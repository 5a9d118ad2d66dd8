"""The conformance run: plan the probes from the bundled spec, run them within a time budget.

Every operation of the spec is probed by what it is: a ``GET`` with a path parameter is a query
(unknown id, tasks the list shows, generated ids), a ``GET`` without one a list (pages at and
beyond the bounds, generated pages), a ``POST`` a create. So an endpoint that regeneration adds to
the spec is probed without a change here.

The plan runs essentials first (the key, the auth refusals, the unknown ids, the first page of each
list), then the rest, generated cases last. A refused key, an unreachable gateway or a spent budget
ends the run; the report says why and lists what it did not get to.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs
import httpx

from kling_ext._spec import calls, endpoint, endpoints, load_spec

from . import _probes, _requests
from ._exchange import BudgetSpent, KeyRefused, Operation, Session, Unreachable
from ._follow import create_one, follow
from ._report import ConformanceReport, write_json, write_junit

__all__ = [
    "DEFAULT_MAX_TIME",
    "DEFAULT_TASK_TIMEOUT",
    "Resource",
    "endpoint_names",
    "resources",
    "run_conformance",
    "select_endpoints",
]

DEFAULT_MAX_TIME = 300.0
"""Seconds a run may take (the created task's generation time comes on top)."""
DEFAULT_TASK_TIMEOUT = 900.0
"""Seconds the ``allow_create`` task may take to finish."""
_METHODS = ("get", "post")


@attrs.frozen
class Resource:
    """The operations on one collection path of the spec (``/v1/videos/text2video``)."""

    path: str
    create: Operation | None = None
    listing: Operation | None = None
    get: Operation | None = None


def resources(session: Session) -> list[Resource]:
    """Every collection of the bundled spec with its create, list and query operations."""
    found: dict[str, dict[str, Operation]] = {}
    for path, item in load_spec()["paths"].items():
        for method in _METHODS:
            if method not in item:
                continue
            operation = session.operation(path, method)
            has_id = any(p.location == "path" for p in operation.iter_parameters())
            collection = path.rsplit("/", 1)[0] if has_id else path
            role = "get" if has_id and method == "get" else "listing" if method == "get" else ""
            role = "create" if method == "post" and not has_id else role
            if role:
                found.setdefault(collection, {})[role] = operation
    return [Resource(path, **roles) for path, roles in found.items()]


def endpoint_names() -> dict[str, str]:
    """Every endpoint a run can be limited to: its name as ``kling --help`` shows it, by path."""
    names = {ep.path: ep.kind for ep in endpoints().values()}
    for found in calls().values():
        names.setdefault(found.path, found.kind)
    # A path of the spec no name covers (none today) is still probed: it goes by its path.
    for path in load_spec()["paths"]:
        names.setdefault(path, path)
    return {path: name for path, name in names.items() if not path.endswith("/{id}")}


def select_endpoints(names: Iterable[str]) -> dict[str, str]:
    """The collection paths a run limited to ``names`` probes, each with its endpoint name.

    Args:
        names: Endpoint names as ``kling --help`` lists them (``text2video``, ``identify-face``;
            Python names work too) or spec paths (``/v1/videos/text2video``, with or without
            ``/{id}``).

    Returns:
        ``{path: name}`` in the order given, without repeats.

    Raises:
        ValueError: a name is neither; the message lists the known names.
    """
    table = endpoint_names()
    by_name = {name: path for path, name in table.items()}
    selected: dict[str, str] = {}
    for raw in names:
        name = raw.strip()
        bare = name.removeprefix("/klingai").rstrip("/").removesuffix("/{id}")
        path = by_name.get(name) or by_name.get(name.replace("_", "-"))
        path = path or (bare if bare in table else None)
        if path is None:
            known = ", ".join(sorted(n for n in table.values() if not n.startswith("/")))
            msg = f"unknown endpoint {raw!r}; known: {known} (or a spec path)"
            raise ValueError(msg)
        selected.setdefault(path, table[path])
    return selected


@attrs.frozen
class _Step:
    name: str
    run: Callable[[], object]
    essential: bool = False


@attrs.define
class _Plan:
    """The run's steps, and what they learn for later ones."""

    session: Session
    max_examples: int
    probe_creates: bool
    allow_create: bool
    timeout: float
    probe_duplicate_id: bool = attrs.field(default=False, kw_only=True)
    sleep: Callable[[float], None]
    only: Mapping[str, str] | None = None
    listed: dict[str, list[Mapping[str, Any]]] = attrs.field(factory=dict)
    create_accepted: bool = False
    skipped: list[str] = attrs.field(factory=list)

    def steps(self) -> list[_Step]:
        session = self.session
        table = [r for r in resources(session) if self.only is None or r.path in self.only]
        # A POST on a task endpoint's path creates a task (maybe paid); any other answers at once.
        task_paths = {ep.path for ep in endpoints().values()}
        # Task lists first: the run's first request (and the auth probes) go to a plain task
        # list, not to a call such as GET /account/costs whose required query it would lack.
        lists = sorted(
            [(r.path, r.listing) for r in table if r.listing is not None],
            key=lambda pair: pair[0] not in task_paths,
        )
        queries = [(r.path, r.get) for r in table if r.get is not None]
        creates = [r.create for r in table if r.create is not None and r.path in task_paths]
        calls = [r.create for r in table if r.create is not None and r.path not in task_paths]
        # Essentials first. The first request carries the key: a refused key ends the run there.
        steps = [
            _Step(f"{op.label}: default page", self._pages(path, op, True), True)
            for path, op in lists
        ]
        auth_ops = [op for _, op in lists[:1] + queries[:1]]
        if auth_ops:  # none when the run is limited to synchronous POST calls
            steps.append(
                _Step(
                    "missing and made-up key refused",
                    _bind(_probes.auth_probes, session, auth_ops),
                    True,
                )
            )
        steps += [
            _Step(f"{op.label}: unknown id", _bind(_probes.unknown_id, session, op), True)
            for _, op in queries
        ]
        steps += [
            _Step(f"{op.label}: pages at and beyond the bounds", self._pages(path, op, False))
            for path, op in lists
        ]
        steps += [
            _Step(f"{op.label}: tasks the list shows", self._listed(path, op))
            for path, op in queries
        ]
        # Free everywhere: a body a synchronous call cannot act on ({}, not JSON) must be refused.
        steps += [_Step(f"{op.label}: refused bodies", self._call_refusals(op)) for op in calls]
        if self.probe_creates:
            steps += [
                _Step(f"{op.label}: create refusal probes", self._refusals(op)) for op in creates
            ]
        if self.allow_create:
            what = "one created task" + (
                " and its create repeated" if self.probe_duplicate_id else ""
            )
            steps.append(_Step(f"POST text2video: {what}, followed to its video", self._create))
        if self.max_examples > 0:
            steps += [
                _Step(
                    f"{op.label}: {self.max_examples} generated cases",
                    _bind(_probes.generated_cases, session, op, self.max_examples),
                )
                for _, op in [*lists, *queries]
            ]
        return steps

    def _pages(self, path: str, operation: Operation, only_default: bool) -> Callable[[], None]:
        def run() -> None:
            tasks = _probes.list_pages(self.session, operation, only_default=only_default)
            # Extended in place: the later "tasks the list shows" step holds this very list.
            self.listed.setdefault(path, []).extend(tasks)

        return run

    def _listed(self, path: str, operation: Operation) -> Callable[[], None]:
        return _bind(
            _probes.listed_tasks, self.session, operation, self.listed.setdefault(path, [])
        )

    def _call_refusals(self, call: Operation) -> Callable[[], None]:
        # Only bodies with nothing to act on, even with --probe-creates: a full body (say, an
        # unknown model) could be paid work (speech, a deletion) on a lenient gateway.
        return _bind(_probes.create_refusals, self.session, call, bodiless=True, task=False)

    def _refusals(self, create: Operation) -> Callable[[], None]:
        def run() -> None:
            if self.create_accepted:
                self.skipped.append(
                    f"{create.label}: create refusal probes (not sent: the gateway accepted an "
                    "earlier one, so each could cost a task)"
                )
                return
            self.create_accepted = _probes.create_refusals(self.session, create)

        return run

    def _create(self) -> None:
        if self.create_accepted:
            self.skipped.append(
                "POST text2video: the --allow-create task (not sent: a create probe was "
                "accepted and may have made a task; the run creates no second one)"
            )
            return
        ep = endpoint("text2video")
        schema = self.session.schema
        create = schema.find_operation_by_id(ep.create_operation)
        get = schema.find_operation_by_id(ep.get_operation)
        listing = (
            schema.find_operation_by_id(ep.list_operation)
            if ep.list_operation is not None
            else None
        )
        created = create_one(self.session, create)
        if created is not None and self.probe_duplicate_id:
            # Right away: a gateway still storing the first create is the case that matters.
            body = _requests.cheapest_text2video(created.external_task_id)
            _probes.duplicate_id(self.session, create, body, created.task_id)
        elif self.probe_duplicate_id:
            self.skipped.append(
                "POST text2video: the repeated external_task_id (not sent: the --allow-create "
                "task was not confirmed)"
            )
        if created is not None:
            follow(self.session, created, get, listing, timeout=self.timeout, sleep=self.sleep)


def _bind(function: Callable[..., object], *args: Any, **kwargs: Any) -> Callable[[], None]:
    def run() -> None:
        function(*args, **kwargs)

    return run


def run_conformance(
    *,
    base_url: str,
    api_key: str,
    allow_create: bool = False,
    probe_creates: bool = False,
    max_examples: int = 20,
    strict: bool = False,
    junit_path: str | None = None,
    json_path: str | None = None,
    transport: httpx.BaseTransport | None = None,
    on_progress: Callable[[str], None] | None = None,
    max_time: float = DEFAULT_MAX_TIME,
    timeout: float = DEFAULT_TASK_TIMEOUT,
    key_source: str = "the api_key argument",
    sleep: Callable[[float], None] = time.sleep,
    probe_duplicate_id: bool = False,
    endpoints: Iterable[str] | None = None,
) -> ConformanceReport:
    """Check that a gateway answers as the bundled OpenAPI spec says.

    The default run sends no create body to a task endpoint, so no gateway can turn it into a
    paid task: it queries unknown ids and list pages (at and beyond the documented bounds, plus
    ``max_examples`` generated requests per query and list operation), queries tasks the lists
    show, sends each synchronous POST bodies with nothing to act on (``{}`` where the schema
    requires fields, a body that is not JSON) that it must refuse, and probes a missing and a
    made-up key. Every answer is validated with schemathesis's checks and the spec's prose
    rules; the report names each endpoint probed.

    Args:
        base_url: The gateway, e.g. ``https://api.agentsflare.com/klingai``; the spec's paths
            (``/v1/videos/...``) are appended.
        api_key: Sent as ``Authorization: Bearer <key>``; never part of the report.
        allow_create: Also create ONE real text2video task (the spec's default model, ``std``,
            5 s: this costs credits), follow it by task_id and external_task_id to its end, find
            it in the list and download the start of its video. Exactly one create is sent
            (two with ``probe_duplicate_id``).
        probe_creates: Also send each create operation bodies it must refuse (an empty body, an
            unknown model, a body that is not JSON). A lenient gateway may run one as a paid
            task: the probes stop at the first create accepted, and no ``allow_create`` task is
            made after one.
        max_examples: Generated requests per query and list operation; 0 sends only the fixed
            probes.
        strict: Let leniency findings (forbidden input accepted) fail the run too.
        junit_path: Also write a JUnit XML report here, one testcase per check.
        json_path: Also write the JSON report here (see ``JSON_SCHEMA``).
        transport: The ``httpx`` transport to send through (e.g. the mock gateway's in-process
            one); ``None`` uses the network.
        on_progress: Called with a short line as each probe starts.
        max_time: Seconds the run may take; what it did not get to is listed in the report.
        timeout: Seconds the ``allow_create`` task may take, on top of ``max_time``.
        key_source: Where the key came from (``KLING_API_KEY``, ``--api-key``), named if the
            gateway refuses it.
        sleep: How to wait between polls of the created task (for tests).
        probe_duplicate_id: With ``allow_create``: send that task's body again at once, under
            the same ``external_task_id``, and report whether the gateway refuses it (code
            1201), as it must for a client's "never pays twice" to be absolute. A gateway that
            does not refuse it makes a SECOND PAID TASK, listed in ``created_tasks``.
        endpoints: Probe only these endpoints: names as ``kling --help`` lists them
            (``text2video``, ``identify-face``) or spec paths (``/v1/videos/text2video``).
            ``None`` (the default) probes every endpoint of the spec. The report names the
            endpoints asked for and says the others were not probed.

    Returns:
        The report; ``report.ok`` tells whether the gateway conforms, ``report.exit_code`` the
        command's exit status.

    Raises:
        ValueError: ``base_url`` is not an http(s) URL, ``probe_duplicate_id`` without
            ``allow_create``, an unknown name in ``endpoints`` (the message lists the known
            ones), or ``allow_create`` with ``endpoints`` that leave out text2video.
    """
    if httpx.URL(base_url).scheme not in ("http", "https"):
        msg = f"base_url must be an http:// or https:// URL, not {base_url!r}"
        raise ValueError(msg)
    if probe_duplicate_id and not allow_create:
        msg = "probe_duplicate_id repeats the allow_create task's create: pass allow_create too"
        raise ValueError(msg)
    only = select_endpoints(endpoints) if endpoints is not None else None
    if only is not None and not only:
        msg = "endpoints is empty: name at least one endpoint, or pass None to probe them all"
        raise ValueError(msg)
    if only is not None and allow_create and endpoint("text2video").path not in only:
        msg = "allow_create creates a text2video task: include text2video in endpoints"
        raise ValueError(msg)
    started = time.monotonic()
    session = Session(
        base_url=base_url,
        api_key=api_key,
        key_source=key_source,
        transport=transport,
        deadline=started + max_time,
        on_progress=on_progress,
    )
    plan = _Plan(
        session=session,
        max_examples=max_examples,
        probe_creates=probe_creates,
        allow_create=allow_create,
        timeout=timeout,
        sleep=sleep,
        probe_duplicate_id=probe_duplicate_id,
        only=only,
    )
    stopped: str | None = None
    could_not_run = key_refused = False
    not_reached: list[str] = []
    try:
        steps = plan.steps()
        for index, step in enumerate(steps):
            try:
                step.run()
            except (BudgetSpent, KeyRefused, Unreachable) as exc:
                stopped = _why(exc, max_time)
                key_refused = isinstance(exc, KeyRefused)
                # A spent budget after the essentials still leaves a report worth its verdict.
                could_not_run = step.essential or not isinstance(exc, BudgetSpent)
                not_reached = [s.name for s in steps[index:]]
                if isinstance(exc, Unreachable):
                    session.forget_unanswered()
                session.progress(stopped)
                break
    finally:
        session.close()
    failures = [f for (kind, *_), f in session.grouped.items() if kind == "failure"]
    leniency = [f for (kind, *_), f in session.grouped.items() if kind == "leniency"]
    report = ConformanceReport(
        base_url=session.base_url,
        failures=failures,
        leniency=leniency,
        checked=len(session.results),
        requests=session.requests,
        strict=strict,
        created_tasks=list(session.created_tasks),
        seconds=time.monotonic() - started,
        results=list(session.results),
        stopped=stopped,
        not_reached=plan.skipped + not_reached,
        could_not_run=could_not_run,
        key_refused=key_refused,
        selected_endpoints=list(only.values()) if only is not None else None,
        endpoints_not_probed=(
            [name for path, name in endpoint_names().items() if path not in only]
            if only is not None
            else []
        ),
    )
    if junit_path is not None:
        write_junit(report, junit_path)
    if json_path is not None:
        write_json(report, json_path)
    return report


def _why(exc: Exception, max_time: float) -> str:
    if isinstance(exc, KeyRefused):
        return str(exc)
    if isinstance(exc, Unreachable):
        return f"the gateway stopped answering ({exc}); the run ends here"
    return f"the time budget ({max_time:g} s) was spent; the run ends here"
