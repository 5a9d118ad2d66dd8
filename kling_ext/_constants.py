"""Every tunable number of kling-ext, in one place, each with the reason it has its value."""

from __future__ import annotations

# --- Endpoints -------------------------------------------------------------------------------
# The gateway whose examples the spec follows; paths below it are the official `/v1/videos/...`.
DEFAULT_BASE_URL = "https://api.agentsflare.com/klingai"
# Kling's own endpoint for users outside China (official docs); AK/SK JWT or an official API key.
OFFICIAL_BASE_URL = "https://api-singapore.klingai.com"

# --- Media inputs and credentials (_inputs.py, _auth.py) -------------------------------------
# Base64 text is checked in slices this long (a multiple of 4) so no second full copy is held.
BASE64_CHUNK_CHARS = 1_048_576
# An image file is read and Base64-encoded in pieces this large (whole 3-byte groups): CPython's
# encoder briefly needs twice a piece, so small pieces keep a 10 MB upload near its Base64 size.
IMAGE_READ_BYTES = 3 * 65_536
# Error messages quote this much of a user value: enough to recognise it, never a whole image.
ERROR_VALUE_PREVIEW_CHARS = 60
# official AK/SK docs: the official samples and Kuaishou's own client sign tokens valid for 30 min.
JWT_TTL_SECONDS = 1800
# Official AK/SK docs: nbf = now - 5 s, so a server clock slightly behind ours accepts the token.
JWT_NOT_BEFORE_SKEW_SECONDS = 5
# Renew 5 min early so a token never expires in flight (slow uploads, retries, clock skew).
JWT_RENEW_MARGIN_SECONDS = 300
# Reprs show the last 4 characters of a secret: enough to tell two keys apart, too few to use.
SECRET_VISIBLE_SUFFIX_CHARS = 4
# Secrets shorter than this show no suffix at all: 4 characters would be too large a share.
SECRET_MIN_CHARS_FOR_SUFFIX = 16

# --- Polling and retries (_polling.py, _retry.py) --------------------------------------------
# Tuned with _polling.simulate on tasks ending at 60/300/900 s: <= 1/5 of the queries of fixed 1 s
# polling, and the end noticed within 10% of the run time, for every jitter draw.
# First look after 5 s: catches instant failures (content-policy rejection), and a 10 s task is seen
# on the 2nd query.
POLL_FIRST_DELAY = 5.0
# Below ~6 s between queries a 60 s task is noticed within 10%; above ~5.3 s it takes <= 12 queries.
POLL_MIN_DELAY = 5.6
# Even an hour-long task (ComfyUI's measured run times) is noticed within half a minute.
POLL_MAX_DELAY = 30.0
# Wait 8% of the time spent so far: the end is noticed within 10% of the run time, even with jitter.
POLL_GROWTH = 0.08
# ±3% spreads clients started together while keeping the 60 s figures above within their targets.
POLL_JITTER = 0.03
# ComfyUI PR #8860: queues can exceed 10 min and ComfyUI had to raise its deadline to ~68 min;
# on timeout the task id is kept, so a resumed wait loses nothing.
DEFAULT_WAIT_TIMEOUT = 1800.0
# Two retries cover a transient blip; longer outages should surface instead of stalling the caller.
RETRY_MAX_RETRIES = 2
# Backoff before the first retry; doubles each time (0.5, 1, 2, ... s).
RETRY_BASE_DELAY = 0.5
# Cap of the exponential backoff, so a retry never waits longer than a user would tolerate.
RETRY_MAX_DELAY = 8.0
# Backoff is scaled into [0.75, 1] of its value: spreads clients without shortening it much.
RETRY_JITTER_FLOOR = 0.75
# The spec's error table: code 1303 asks for exponential backoff starting at >= 1 s.
RATE_LIMIT_MIN_DELAY = 1.0
# A longer Retry-After means an outage, not a blip: give up (openai's MAX_RETRY_AFTER is alike).
MAX_RETRY_AFTER = 60.0
# After a create whose outcome is unknown, "not found" is believed only once it has held this long:
# a gateway may still be storing a create when its answer is lost (3 s was seen against a 2 s
# timeout). Half a minute covers a slow store many times over, and is short beside a video's
# generation time, which the caller waits for anyway.
CREATE_GRACE_SECONDS = 30.0
# Look-ups spread over that window, each gap twice the last (2, 4, 8, 16 s for 30 s), so a task
# that appears soon is found soon and the gateway sees few queries.
CREATE_GRACE_LOOKUPS = 4

# --- HTTP (_settings.py, _base_client.py) ----------------------------------------------------
# A create carries up to ~13 MB of Base64 per image; a minute covers a slow uplink.
DEFAULT_REQUEST_TIMEOUT = 60.0
# Connecting should be fast; a stuck connect is retried (it provably sent nothing).
DEFAULT_CONNECT_TIMEOUT = 10.0
# A download that keeps getting cut is retried (resuming with Range) this many times.
DOWNLOAD_MAX_RETRIES = 5
# Redirects followed per download attempt (httpx's own default): a CDN needs one or two.
DOWNLOAD_MAX_REDIRECTS = 20
# A Kling video is tens of MB (a 10 s 1080p clip about 20 MB); 2 GiB is a hundred times that and
# still stops an endless body long before it fills a disk. `download(max_bytes=...)` changes it.
DOWNLOAD_MAX_BYTES = 2 * 1024**3
# One video's whole download, retries included: at 5 Mbit/s even 2 GiB fits in an hour, while a
# body trickling a byte at a time (never tripping the read timeout) ends. `download(timeout=...)`.
DOWNLOAD_TIMEOUT = 3600.0
# File names made from server text (task ids) are cut to this many UTF-8 bytes: far below the
# 255 a file system allows, leaving room for "-N.mp4" and a `.part` file's decoration.
SAFE_NAME_MAX_BYTES = 120
# A `.part` file keeps this much of its target's name, so a long target name still fits.
PART_NAME_MAX_BYTES = 100

# --- Request bodies (_body.py) ---------------------------------------------------------------
# Strings longer than this (Base64 images) are streamed in slices of this many characters:
# 1 MiB keeps the extra memory small and the per-slice overhead negligible.
BODY_SLICE_CHARS = 1_048_576

# --- Answers (_flow.py, the drivers) ----------------------------------------------------------
# The largest JSON answer read: a page of 500 tasks is well under 1 MiB, so 16 MiB is generous,
# and a hostile or broken server cannot make the client hold hundreds of megabytes.
MAX_ANSWER_BYTES = 16 * 1024 * 1024
# The least time a request gets when a deadline is near: enough for one healthy round trip.
MIN_REQUEST_SECONDS = 1.0

# --- Caps on what a server or a command line may hand over (_download.py, cli/_options.py) -----
# A Kling task makes one video (a few endpoints a handful); a task listing more than this is a
# broken or hostile answer, refused before one file is fetched or made.
MAX_VIDEOS_PER_TASK = 100
# A request argument (the library's `extra_body`, `camera_control` ...; the CLI's --extra-body,
# --camera-control ...) nested deeper than this in lists and mappings is refused as bad input:
# the spec's deepest field is a few levels down, and Python's recursion limit (about 1,000)
# would otherwise end the call in a RecursionError traceback while the body is checked or sent.
MAX_JSON_DEPTH = 32
# A `kling batch` jobs line is the same fields' JSON as a command line's: the same depth suffices.
MAX_JOB_LINE_DEPTH = MAX_JSON_DEPTH
# The longest jobs line read (in bytes, newline excluded); a longer one is refused while it is
# skipped, never held whole. The bulk of a legitimate line is inline Base64 images: 10 MiB each
# (the spec's limit) is 14 MB of Base64, so 64 MiB holds four of them with room to spare. A job
# with more images inline (the spec allows up to nine in one request) names them as files
# next to the jobs file instead, which costs the line nothing; the refusal says so.
MAX_JOB_LINE_BYTES = 64 * 1024 * 1024
# A coded (gzip, deflate) answer is unpacked this much at a time, and counted against the cap
# piece by piece: 64 KiB keeps a bomb's footprint tiny and the per-piece overhead negligible.
ANSWER_PIECE_BYTES = 64 * 1024
# No server codes an answer more than twice (one coding is usual); more is an attack on memory
# and time, refused before unpacking.
MAX_CONTENT_CODINGS = 4

# --- Batches (_batch.py) ---------------------------------------------------------------------
# Downloads at once in a batch: a few keep a fast link busy without starving the API's queries.
BATCH_DOWNLOADS = 4
# A create proven to have made no task (network down, 5xx) is tried this often in one run before
# creation stops (the next run resumes); refusals for the account's limits are waited out instead.
BATCH_CREATE_ATTEMPTS = 5
# The batch's own backoff (the retry policy's, from `RATE_LIMIT_MIN_DELAY` up) grows to this: an
# account at its parallel-task limit frees a slot when a task ends, which takes minutes, so a
# minute between tries costs little time and keeps a gateway that says `Retry-After: 0` (or a
# past date) from being hammered; a larger Retry-After is honoured up to this too.
BATCH_MAX_BACKOFF = 60.0

LISTEN_RECHECK_SECONDS = 1.0
"""How often a wait by callback re-reads its inbox when no callback woke it: one stored by
another process sharing the inbox file does not wake it."""
