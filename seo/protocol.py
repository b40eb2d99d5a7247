"""How pages offer themselves to the SEO app, without the SEO app importing them.

A content app registers an :class:`SEOSource` with the Wagtail hook ``register_seo_source``
(a function returning the source). The audit command, the admin report and the dashboard ask
every registered source for documents; the admin SEO panel asks a page that implements
:class:`SEOSubject` for its own document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from wagtail import hooks

from seo.engine.model import SEODocument

SOURCE_HOOK = "register_seo_source"


@runtime_checkable
class SEOSubject(Protocol):
    """A page that can describe one of its language versions to the SEO engine."""

    def seo_document(self, lang: str) -> SEODocument: ...


@dataclass(frozen=True)
class SEOItem:
    """One document to audit, with what the admin needs to link back to it."""

    document: SEODocument
    page_id: int
    title: str
    live: bool
    edit_url: str


class SEOSource(Protocol):
    """Streams documents of one kind of page, a batch of pages at a time.

    A source that also offers ``batch_bounds`` (see :class:`RangedSEOSource`) can be audited by
    several worker processes (``seo.parallel_audit``), each reading its own batches.
    """

    name: str

    def items(
        self,
        *,
        languages: Sequence[str],
        include_drafts: bool = False,
        slugs: Iterable[str] | None = None,
        batch_size: int = 200,
    ) -> Iterator[SEOItem]:
        """Every page's document per language it is translated into (or ``languages``)."""
        ...

    def slug_exists(self, slug: str) -> bool: ...

    def count(self, *, include_drafts: bool = False, slugs: Iterable[str] | None = None) -> int:
        """How many pages ``items`` would read (for progress bars; languages not counted)."""
        ...


@runtime_checkable
class RangedSEOSource(Protocol):
    """A source whose batches can be read apart: ``items(after=..., up_to=...)`` reads the pages
    with a primary key in ``(after, up_to]`` (no upper limit when ``up_to`` is None)."""

    name: str

    def items(
        self,
        *,
        languages: Sequence[str],
        include_drafts: bool = False,
        slugs: Iterable[str] | None = None,
        batch_size: int = 200,
        after: int = 0,
        up_to: int | None = None,
    ) -> Iterator[SEOItem]: ...

    def batch_bounds(
        self, *, include_drafts: bool = False, slugs: Iterable[str] | None = None, batch_size: int
    ) -> Iterator[tuple[int, int | None]]:
        """``(after, up_to)`` of each batch of ``batch_size`` pages ``items`` would read, in
        order, without holding every page's key at once."""
        ...


def registered_sources() -> list[SEOSource]:
    return [make_source() for make_source in hooks.get_hooks(SOURCE_HOOK)]
