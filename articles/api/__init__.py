"""The public content API (``/api/v1/``) for frontends: read-only, per language, cacheable."""
