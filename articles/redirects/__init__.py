"""Redirects of changed slugs, per language: the stored history (``models``) and the lookup the
detail endpoint uses before answering 404 (``lookup``)."""
