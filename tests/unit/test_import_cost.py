"""`import kling_ext` stays lean: what only some calls need is imported by those calls (issue 18.3).

Timing is `make bench`'s job (import within 1.6x `import httpx`); this checks, deterministically,
that the costly modules a library user may never need are not loaded by the import itself.
"""

from __future__ import annotations

import subprocess
import sys

# Module -> who needs it: each costs milliseconds at start-up.
DEFERRED = {
    "jwt": "signing the first request (PyJWT)",
    "jsonschema_rs": "validating the first create",
    "kling_ext._validation": "validating the first create",
    "kling_ext._inputs": "the first create with an image",
    "uuid": "the first create's external_task_id",
    "importlib.metadata": "kling_ext.__version__",
    "asyncio": "AsyncKling",
    "sqlite3": "the batch runner",
    "psycopg": "a PostgreSQL batch ledger (the postgres extra)",
}


def test_import_kling_ext_leaves_costly_modules_to_their_first_use() -> None:
    code = (
        "import sys; sys.modules.update(dict.fromkeys(('click', 'rich', 'pygments')));"
        "import kling_ext; from kling_ext import AsyncKling, Kling;"
        f"print(' '.join(name for name in {list(DEFERRED)!r} if name in sys.modules))"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    loaded = out.split()
    assert loaded == [], {name: DEFERRED[name] for name in loaded}


def test_import_kling_ext_does_not_read_the_spec() -> None:
    # The endpoints' docstrings are written into the generated classes by scripts/regenerate:
    # reading the spec (~400 KB of JSON) at import would cost every user several ms.
    code = "import kling_ext, kling_ext._spec as spec; print(spec.load_spec.cache_info().misses)"
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert out.split() == ["0"]
