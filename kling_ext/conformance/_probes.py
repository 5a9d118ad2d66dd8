"""The probes of a conformance run: what to send each operation, and what its answer must be.

Each probe sends through a :class:`~._exchange.Session` (which validates every answer against the
spec) and adds the checks the spec states in prose and examples: an unknown task id is refused
with 400 or 404, a missing or bad key with 401, and a task the list shows can be queried.
Refusing forbidden input is *leniency*, reported apart: a gateway that accepts it still answers in
the documented shape.

None of these sends a create body except :func:`create_refusals`, which the engine runs only
when asked (``--probe-creates``): a lenient gateway may turn such a body into a paid task, and
:func:`duplicate_id`, run only with ``--allow-create --probe-duplicate-id``: a gateway that does
not refuse a repeated ``external_task_id`` makes a second paid task of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

from kling_ext._exceptions import DUPLICATE_EXTERNAL_ID_CODE
from kling_ext._spec import load_spec, resolve

from . import _requests
from ._exchange import (
    AnyCase,
    Auth,
    Exchange,
    Operation,
    Probe,
    Session,
    preview,
)
from ._rules import node, operation_pointer, pointer, schema_pointer

__all__ = [
    "auth_probes",
    "create_refusals",
    "duplicate_id",
    "expect_task",
    "generated_cases",
    "list_pages",
    "listed_tasks",
    "unknown_id",
]

# Task ids read from the list and queried by id, per endpoint: shows the success path of a query
# without creating anything.
LISTED_TASKS_QUERIED = 2
# Ids made of URL-unreserved characters: anything else may be decoded or refused by a proxy in
# front of the gateway before the gateway sees it, which says nothing about the gateway.
_GENERATED_ID = st.from_regex(r"[A-Za-z0-9_-][A-Za-z0-9._~-]{0,63}", fullmatch=True)
# The run's first request: it carries the key, so a refused key ends the run at once. The pages
# at and beyond each list's bounds follow from the bounds its spec gives (`_page_bounds`).
LIST_BOUNDARIES: tuple[tuple[str, dict[str, int]], ...] = (("default page", {}),)
_AUTH_PROBES: tuple[tuple[Auth, str], ...] = (("none", "no key"), ("bad", "bad key"))


def _path_parameters(operation: Operation, ident: str) -> dict[str, str]:
    return {p.name: ident for p in operation.iter_parameters() if p.location == "path"}


def _query_names(operation: Operation) -> set[str]:
    return {p.name for p in operation.iter_parameters() if p.location == "query"}


def auth_probes(session: Session, operations: list[Operation]) -> None:
    """A missing and a made-up key must both be refused with a conformant 401."""
    for operation in operations:
        parts = _path_parameters(operation, _requests.missing_id())
        for auth, name in _AUTH_PROBES:
            session.progress(f"{operation.label}: {name}")
            with session.probe(operation, name) as probe:
                case = operation.Case(path_parameters=parts) if parts else operation.Case()
                exchange = session.exchange(case, probe, auth=auth)
                probe.check("auth_rejected")
                if exchange is not None and exchange.status != 401:
                    probe.add(
                        "auth_rejected",
                        exchange.summary,
                        f"HTTP {exchange.status}: a request with {name} must be refused "
                        "with 401 (codes 1000-1004)",
                        rule=probe.rule(401),
                        answer=exchange,
                        signature=(name, exchange.status),
                    )


def list_pages(
    session: Session, operation: Operation, *, only_default: bool = False
) -> list[Mapping[str, Any]]:
    """List pages at and beyond the documented bounds; returns the tasks seen.

    Args:
        session: The run's session.
        operation: A list operation.
        only_default: Send only the default page (the run's first, essential request).
    """
    tasks: list[Mapping[str, Any]] = []
    paged = {"pageNum", "pageSize"} <= _query_names(operation)
    bounds = _page_bounds(operation)
    boundaries = LIST_BOUNDARIES[:1] if only_default or not paged else _boundaries(bounds)
    session.progress(f"{operation.label}: {'default page' if only_default else 'pages'}")
    for name, query in boundaries:
        with session.probe(operation, name) as probe:
            exchange = session.exchange(operation.Case(query=dict(query)), probe)
            data = exchange.data() if exchange is not None else None
            if isinstance(data, list):
                tasks.extend(item for item in data if isinstance(item, Mapping))
    if only_default or not paged:
        return tasks
    for name, query in _out_of_range(bounds):
        with session.probe(operation, name) as probe:
            exchange = session.exchange(operation.Case(query=dict(query)), probe)
            expect_refusal(session, exchange, probe, what=f"{name} (out of the documented range)")
    return tasks


# The task lists' bounds (the spec's PageNum and PageSize), for a list whose spec gives none.
_DEFAULT_BOUNDS: Mapping[str, tuple[int, int]] = {"pageNum": (1, 1000), "pageSize": (1, 500)}


def _page_bounds(operation: Operation) -> Mapping[str, tuple[int, int]]:
    """The documented range of `pageNum` and `pageSize` of this list (voices differ from tasks)."""
    item = load_spec()["paths"].get(operation.path, {}).get(operation.method.lower(), {})
    bounds = dict(_DEFAULT_BOUNDS)
    for raw in item.get("parameters", ()):
        parameter = raw
        if "$ref" in raw:
            parameter = load_spec()["components"]["parameters"][raw["$ref"].rsplit("/", 1)[-1]]
        name = parameter.get("name")
        if name in bounds:
            schema = resolve(parameter.get("schema", {}))
            low, high = bounds[name]
            bounds[name] = (int(schema.get("minimum", low)), int(schema.get("maximum", high)))
    return bounds


def _boundaries(bounds: Mapping[str, tuple[int, int]]) -> list[tuple[str, dict[str, int]]]:
    (num_low, num_high), (size_low, size_high) = bounds["pageNum"], bounds["pageSize"]
    return [
        ("smallest page", {"pageNum": num_low, "pageSize": size_low}),
        ("largest page size", {"pageNum": num_low, "pageSize": size_high}),
        ("last page", {"pageNum": num_high, "pageSize": size_low}),
    ]


def _out_of_range(bounds: Mapping[str, tuple[int, int]]) -> list[tuple[str, dict[str, int]]]:
    found = []
    for name, (low, high) in bounds.items():
        found += [(f"{name} {low - 1}", {name: low - 1}), (f"{name} {high + 1}", {name: high + 1})]
    return found


def listed_tasks(session: Session, operation: Operation, tasks: list[Mapping[str, Any]]) -> None:
    """Query tasks the list showed, by task_id and external_task_id: the success path, free."""
    for task in tasks[:LISTED_TASKS_QUERIED]:
        task_id = task.get("task_id")
        info = task.get("task_info")
        external = info.get("external_task_id") if isinstance(info, Mapping) else None
        for name, ident in (
            ("listed task by task_id", task_id),
            ("listed task by external_task_id", external),
        ):
            if not isinstance(ident, str) or not ident or not isinstance(task_id, str):
                continue
            session.progress(f"{operation.label}: {name}")
            with session.probe(operation, name) as probe:
                case = operation.Case(path_parameters=_path_parameters(operation, ident))
                exchange = session.exchange(case, probe)
                expect_task(exchange, probe, task_id, check="listed_task_found")


def unknown_id(session: Session, operation: Operation) -> None:
    """An id no gateway has must be refused as the official API does: 400/1201 (or 404)."""
    session.progress(f"{operation.label}: unknown id")
    with session.probe(operation, "unknown id") as probe:
        case = operation.Case(path_parameters=_path_parameters(operation, _requests.missing_id()))
        exchange = session.exchange(case, probe)
        probe.check("unknown_task_answer")
        if exchange is None or exchange.status in (400, 404):
            return
        code = exchange.business_code()
        detail = (
            "an unknown id was answered as if a task existed"
            if 200 <= exchange.status < 300 and code in (None, 0)
            else "an unknown id must be answered with 400 (code 1201, "
            '"Task not found by id/external id: <id>") or 404 (code 1202/1203)'
        )
        probe.add(
            "unknown_task_answer",
            exchange.summary,
            f"HTTP {exchange.status}: {detail}",
            rule=probe.rule(400),
            answer=exchange,
            signature=exchange.status,
        )


def generated_cases(session: Session, operation: Operation, max_examples: int) -> None:
    """Hypothesis-generated requests from a query or list operation's parameter schemas."""
    if max_examples <= 0:
        return
    session.progress(f"{operation.label}: {max_examples} generated cases")
    if any(param.location == "path" for param in operation.iter_parameters()):
        strategy = _GENERATED_ID.flatmap(
            lambda ident: operation.as_strategy(path_parameters=_path_parameters(operation, ident))
        )
    else:
        strategy = operation.as_strategy()
    with session.probe(operation, "generated cases") as probe:
        # Findings never raise from the test body (hypothesis would stop at the first): they
        # are collected, and merged by signature. Only what ends the run is raised, which ends
        # the generation at once too.
        @settings(
            max_examples=max_examples,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.quiet,
            report_multiple_bugs=False,
        )
        @given(strategy)
        def explore(case: AnyCase) -> None:
            session.exchange(case, probe)

        explore()


def create_refusals(
    session: Session, operation: Operation, *, bodiless: bool = False, task: bool = True
) -> bool:
    """Creates a conformant gateway refuses before a task exists.

    Args:
        session: The run's session.
        operation: A POST operation.
        bodiless: Send only the bodies nothing can be made of (``{}``, not JSON): a default
            run's validation probes of a synchronous POST.
        task: The operation creates a task (else it is a synchronous call, which makes none).

    Returns:
        Whether the gateway accepted one (and so may have created a task): the caller sends no
        further create probe then.
    """
    try:
        at = schema_pointer(
            operation_pointer(operation.path, operation.method),
            *("requestBody", "content", "application/json", "schema"),
        )
    except KeyError:
        at = None
    schema = resolve(node(at)) if at is not None else {}
    probes = _requests.bodiless_refusals if bodiless else _requests.rejected_creates
    for create in probes(schema):
        session.progress(f"{operation.label}: {create.name}")
        with session.probe(operation, create.name) as probe:
            if create.body is not None:
                case = operation.Case(body=dict(create.body), media_type="application/json")
                exchange = session.exchange(case, probe)
            else:
                exchange = session.exchange(operation.Case(), probe, raw=create.raw)
            if expect_refusal(
                session,
                exchange,
                probe,
                what=f"a {'create' if task else 'call'} with {create.name}",
                external=create.external_task_id,
                task=task,
            ):
                return True
    return False


def expect_refusal(
    session: Session,
    exchange: Exchange | None,
    probe: Probe,
    *,
    what: str,
    external: str | None = None,
    task: bool = True,
) -> bool:
    """Leniency: input the spec forbids should get a 4xx, not a 2xx.

    ``task``: a POST accepted may have made a task (a synchronous call's makes none).

    Returns:
        Whether the input was accepted.
    """
    probe.check("rejects_invalid_input", "leniency")
    probe.check("error_status")
    if exchange is None or not 200 <= exchange.status < 300:
        return False
    code = exchange.business_code()
    if code not in (None, 0):
        # Refused, so not lenient; but the spec sends refusals with a 4xx status, and a client
        # reading HTTP 2xx as success would take this for a created task.
        probe.add(
            "error_status",
            exchange.summary,
            f"HTTP {exchange.status} with error code {code}: {what} was refused, but refusals "
            "must carry a 4xx status",
            rule=probe.rule(400),
            answer=exchange,
            signature=(exchange.status, code),
        )
        return False
    data = exchange.data()
    task_id = data.get("task_id") if isinstance(data, Mapping) else None
    task_id = str(task_id) if task_id is not None else None
    detail = f"HTTP {exchange.status}: {what} was accepted instead of refused with a 4xx"
    if probe.method == "post" and task:
        ids = [f"task_id {task_id}" if task_id else "no task_id in the answer"]
        ids += [f"external_task_id {external}"] if external else []
        detail += f"; a task may have been created ({', '.join(ids)})"
        session.created_tasks.append(
            f"{task_id or '(no task_id in the answer)'} -- {probe.operation}, probe "
            f"{probe.name!r}{f', external_task_id {external}' if external else ''}"
        )
    probe.add(
        "rejects_invalid_input",
        exchange.summary,
        detail,
        rule=probe.rule(400),
        answer=exchange,
        kind="leniency",
        task_id=task_id,
        signature=(probe.name, exchange.status, task_id),
    )
    return True


def expect_task(
    exchange: Exchange | None, probe: Probe, task_id: str, *, check: str
) -> Mapping[str, Any] | None:
    """A query for an existing task answers 2xx, code 0, with that task; returns it."""
    probe.check(check)
    if exchange is None:
        return None
    body = exchange.json()
    data = exchange.data()
    if (
        200 <= exchange.status < 300
        and isinstance(body, Mapping)
        and body.get("code", 0) == 0
        and isinstance(data, Mapping)
        and str(data.get("task_id")) == task_id
    ):
        return data
    probe.add(
        check,
        exchange.summary,
        f"HTTP {exchange.status}: expected the task {task_id} (code 0){preview(exchange)}",
        rule=probe.rule(200),
        answer=exchange,
        signature=exchange.status,
    )
    return None


# Where the spec says an external_task_id "must be unique within the account".
_UNIQUE_EXTERNAL_ID_RULE = pointer("components", "schemas", "ExternalTaskId")


def duplicate_id(
    session: Session, create: Operation, body: Mapping[str, Any], first_task_id: str
) -> None:
    """The ``allow_create`` task's body again, same ``external_task_id``: it must be refused.

    A gateway that refuses a repeated id (code 1201, as the official API does) lets a client
    re-send a create whose answer was lost without ever paying twice. One that accepts it makes
    a second paid task: its id goes into the report's created tasks.

    Args:
        session: The run's session.
        create: The create operation the first task was made with.
        body: That create's body, sent again as it was.
        first_task_id: The task the first create made.
    """
    external = str(body.get("external_task_id"))
    session.progress(f"{create.label}: the same external_task_id again (probe_duplicate_id)")
    with session.probe(create, "repeated external_task_id") as probe:
        case = create.Case(body=dict(body), media_type="application/json")
        exchange = session.exchange(case, probe)
        probe.check("duplicate_external_id_refused")
        if exchange is None:
            session.created_tasks.append(
                f"(unknown) -- external_task_id {external}, sent again by probe_duplicate_id; "
                "the answer was lost"
            )
            return
        code = exchange.business_code()
        if code == DUPLICATE_EXTERNAL_ID_CODE and 400 <= exchange.status < 500:
            return
        data = exchange.data()
        task_id = data.get("task_id") if isinstance(data, Mapping) else None
        accepted = 200 <= exchange.status < 300 and code in (None, 0)
        if accepted:
            shown = str(task_id) if task_id is not None else "(no task_id in the answer)"
            session.created_tasks.append(
                f"{shown} -- external_task_id {external}, a SECOND task: the repeated create of "
                f"task {first_task_id} (probe_duplicate_id)"
            )
            detail = (
                f"HTTP {exchange.status}: a create repeating the external_task_id {external} of "
                f"task {first_task_id} was accepted as a new task ({shown}); it must be refused "
                f"with code {DUPLICATE_EXTERNAL_ID_CODE}, or a client re-sending a create whose "
                "answer was lost pays twice"
            )
        else:
            detail = (
                f"HTTP {exchange.status}, code {code}: a create repeating an external_task_id "
                f"must be refused with a 4xx and code {DUPLICATE_EXTERNAL_ID_CODE} "
                '("... already exists")'
            )
        probe.add(
            "duplicate_external_id_refused",
            exchange.summary,
            detail,
            rule=_UNIQUE_EXTERNAL_ID_RULE,
            answer=exchange,
            task_id=str(task_id) if accepted and task_id is not None else None,
            signature=(exchange.status, code),
        )
