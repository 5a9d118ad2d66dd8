"""Every tunable number of kling-ext, in one place, each with the reason it has its value."""

from __future__ import annotations

# --- Endpoints -------------------------------------------------------------------------------
# The gateway the seed document describes; paths below it are the official `/v1/videos/...` ones.
DEFAULT_BASE_URL = "https://api.agentsflare.com/klingai"
# Kling's own endpoint for users outside China (reference §1); AK/SK JWT or an official API key.
OFFICIAL_BASE_URL = "https://api-singapore.klingai.com"

# --- Media inputs and credentials (_inputs.py, _auth.py) -------------------------------------
# Longest path any OS accepts (Windows extended paths); longer strings are never probed as files.
MAX_PATH_CHARS = 32_767
# Base64 text is checked in slices this long (a multiple of 4) so no second full copy is held.
BASE64_CHUNK_CHARS = 1_048_576
# Error messages quote this much of a user value: enough to recognise it, never a whole image.
ERROR_VALUE_PREVIEW_CHARS = 60
# Reference §2.1: the official samples and Kuaishou's own client sign tokens valid for 30 min.
JWT_TTL_SECONDS = 1800
# Reference §2.1: nbf = now - 5 s so a server clock slightly behind ours still accepts the token.
JWT_NOT_BEFORE_SKEW_SECONDS = 5
# Renew 5 min early so a token never expires in flight (slow uploads, retries, clock skew).
JWT_RENEW_MARGIN_SECONDS = 300
# Reprs show the last 4 characters of a secret: enough to tell two keys apart, too few to use.
SECRET_VISIBLE_SUFFIX_CHARS = 4
# Secrets shorter than this show no suffix at all: 4 characters would be too large a share.
SECRET_MIN_CHARS_FOR_SUFFIX = 16
