"""Pure-Python SEO engine: language-aware keyword matching, article checks, site checks.

No Django import anywhere in this package; the Django side adapts Wagtail pages to
`SEODocument` and renders `SEOReport.to_dict()`. See docs/seo-checks.md.
"""

from .analyse import analyse, overall_score
from .faq_jsonld import build_faq_jsonld, validate_faq_jsonld
from .fields import location_for_path
from .languages import SUPPORTED_LANGUAGES, UnsupportedLanguageError, normalise_language
from .matching import find_keyword_matches
from .model import (
    FAQInput,
    ImageInput,
    InvalidDocumentError,
    KeywordInput,
    LinkInput,
    SectionInput,
    SEODocument,
)
from .pixel_width import Truncation, text_width_px, truncation
from .readability import FORMULAS as READABILITY_FORMULAS
from .report import (
    CheckResult,
    KeywordMatch,
    KeywordReport,
    MatchKind,
    SEOReport,
    Status,
)
from .site import SITE_CHECK_IDS, SiteAuditor, SiteFinding, SiteSummary, summarise_for_site
from .text import html_to_plain_text, normalise_plain_text
from .thresholds import CHECK_IDS, DEFAULT_WEIGHTS, Thresholds
from .transliteration import slugify, transliterate

__all__ = [
    "CHECK_IDS",
    "DEFAULT_WEIGHTS",
    "READABILITY_FORMULAS",
    "SITE_CHECK_IDS",
    "SUPPORTED_LANGUAGES",
    "CheckResult",
    "FAQInput",
    "ImageInput",
    "InvalidDocumentError",
    "KeywordInput",
    "KeywordMatch",
    "KeywordReport",
    "LinkInput",
    "MatchKind",
    "SEODocument",
    "SEOReport",
    "SectionInput",
    "SiteAuditor",
    "SiteFinding",
    "SiteSummary",
    "Status",
    "Thresholds",
    "Truncation",
    "UnsupportedLanguageError",
    "analyse",
    "build_faq_jsonld",
    "find_keyword_matches",
    "html_to_plain_text",
    "location_for_path",
    "normalise_language",
    "normalise_plain_text",
    "overall_score",
    "slugify",
    "summarise_for_site",
    "text_width_px",
    "transliterate",
    "truncation",
    "validate_faq_jsonld",
]
