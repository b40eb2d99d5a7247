"""Admin form rules that span languages and an article's inline children."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from articles.slugs import slug_clashes
from seo.services import keyword_term_clash

#: Fields wagtail-modeltranslation makes required in the default language.
DEFAULT_ONLY_FIELDS = ("title", "slug", "intro")


def _has_content(value: str | None) -> bool:
    """Text or an embedded image/video; an empty rich-text editor posts bare "<p></p>"."""
    raw = value or ""
    return bool(strip_tags(raw).strip()) or "<embed" in raw


class ArticlePageForm(WagtailAdminPageForm):
    """An article needs one complete language, not necessarily the default one.

    wagtail-modeltranslation requires the default language's title, slug and intro. Articles can
    exist only in other languages, so those fields are optional here and ``clean`` asks instead
    that at least one language has a title, slug and intro, and that every language with a title
    also has a slug and an intro.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in DEFAULT_ONLY_FIELDS:
            field = self.fields.get(build_localized_fieldname(name, settings.LANGUAGE_CODE))
            if field is not None:
                field.required = False

    def clean(self) -> dict:
        cleaned_data = super().clean()
        self._require_one_complete_language(cleaned_data)
        self._require_unique_slugs(cleaned_data)
        self._allow_one_focus_keyword()
        self._require_complete_children("sections", ("heading", "body"), _("section"))
        self._require_complete_children("faqs", ("question", "answer"), _("question"))
        self._note_keyword_term_changes()
        return cleaned_data

    def _require_complete_children(self, relation: str, names: tuple[str, str], noun) -> None:
        """A section (FAQ) needs both its texts in every language it has one of, and some text
        in at least one language: an empty one added by mistake is an error, not saved."""
        formset = self.formsets.get(relation)
        if formset is None:
            return
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if not form.has_changed() and form.instance.pk is None:
                continue  # an untouched extra form: Django skips it
            filled_any = False
            for code in settings.MODELTRANSLATION_LANGUAGES:
                fields = [build_localized_fieldname(name, code) for name in names]
                values = [_has_content(form.cleaned_data.get(field)) for field in fields]
                if any(values):
                    filled_any = True
                for field, value in zip(fields, values, strict=True):
                    if any(values) and not value and not form.has_error(field):
                        form.add_error(
                            field, _("Required because this language has the other text.")
                        )
            if not filled_any:
                # On the whole child, not a language's field: whatever languages the editor
                # has selected, the error is shown at the top of the empty child.
                form.add_error(
                    None,
                    _("This %(noun)s is empty: write it in at least one language, or delete it.")
                    % {"noun": noun},
                )

    def _note_keyword_term_changes(self) -> None:
        # Applied by the after_create_page/after_edit_page hooks once the page is saved; a
        # preview validates the same form and must not change shared keywords.
        keywords = self.formsets.get("keywords")
        changes = []
        if keywords is not None:
            for form in keywords.forms:
                terms = form.term_changes() if isinstance(form, ArticleKeywordForm) else {}
                if terms:
                    changes.append((form.cleaned_data["keyword"], terms))
        self.instance.pending_keyword_terms = changes

    def _require_one_complete_language(self, cleaned_data: dict) -> None:
        complete = []
        for code in settings.MODELTRANSLATION_LANGUAGES:
            title = cleaned_data.get(build_localized_fieldname("title", code))
            if not title:
                continue
            missing = [
                name
                for name in ("slug", "intro")
                if build_localized_fieldname(name, code) in self.fields
                and not cleaned_data.get(build_localized_fieldname(name, code))
                and not self.has_error(build_localized_fieldname(name, code))
            ]
            for name in missing:
                self.add_error(
                    build_localized_fieldname(name, code),
                    _("Required because this language has a title."),
                )
            if not missing:
                complete.append(code)
        title_field = build_localized_fieldname("title", settings.LANGUAGE_CODE)
        if not complete and title_field in self.fields and not self.has_error(title_field):
            self.add_error(
                title_field, _("Give the article a title, slug and intro in a language.")
            )

    def _require_unique_slugs(self, cleaned_data: dict) -> None:
        slugs = {
            code: cleaned_data.get(build_localized_fieldname("slug", code))
            for code in settings.MODELTRANSLATION_LANGUAGES
        }
        for field_name, message in slug_clashes(
            parent=self.parent_page, slugs=slugs, exclude_pk=self.instance.pk
        ).items():
            if field_name in self.fields and not self.has_error(field_name):
                self.add_error(field_name, message)

    def _allow_one_focus_keyword(self) -> None:
        keywords = self.formsets.get("keywords")
        if keywords is None:
            return
        focused = [
            form
            for form in keywords.forms
            if form.is_valid()
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("focus")
        ]
        for form in focused[1:]:
            form.add_error("focus", _("Only one keyword can be the focus keyword."))


class ArticleKeywordForm(WagtailAdminModelForm):
    """A keyword row of the article with the keyword's term in every language, editable here.

    Terms belong to the keyword, which articles share: a changed term is saved to the keyword
    when the article is saved (``articles.wagtail_hooks``), never by a preview. A row whose
    keyword was replaced keeps the new keyword's terms (the fields still showed the old one's);
    a new row only fills the chosen keyword's empty terms.
    """

    # Declared in the class (Wagtail's FieldPanels name them): term_de, term_en, ...
    for _code in settings.MODELTRANSLATION_LANGUAGES:
        vars()[build_localized_fieldname("term", _code)] = forms.CharField(
            label=format_lazy("{} [{}]", _("Term"), _code), required=False, max_length=200
        )
    del _code

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.keyword_id:
            for code, term in self.instance.keyword.terms_by_language().items():
                self.initial.setdefault(build_localized_fieldname("term", code), term)

    def term_changes(self) -> dict[str, str]:
        """Terms to write to the chosen keyword: {lang: term}."""
        if not self.is_valid() or self.cleaned_data.get("DELETE"):
            return {}
        keyword = self.cleaned_data.get("keyword")
        if keyword is None:
            return {}
        is_new_row = self.instance.pk is None and not self.initial.get("keyword")
        if "keyword" in self.changed_data and not is_new_row:
            return {}
        changes = {}
        for code in settings.MODELTRANSLATION_LANGUAGES:
            name = build_localized_fieldname("term", code)
            posted = " ".join((self.cleaned_data.get(name) or "").split())
            current = getattr(keyword, name, None) or ""
            if is_new_row and (current or not posted):
                continue
            if posted != current:
                changes[code] = posted
        return changes

    def clean(self) -> dict:
        cleaned_data = super().clean()
        keyword = cleaned_data.get("keyword")
        if keyword is None or cleaned_data.get("DELETE"):
            return cleaned_data
        for code in settings.MODELTRANSLATION_LANGUAGES:
            name = build_localized_fieldname("term", code)
            term = cleaned_data.get(name) or ""
            if not term or term == (getattr(keyword, name, None) or ""):
                continue
            clash = keyword_term_clash(keyword_id=keyword.pk, lang=code, term=term)
            if clash is not None:
                self.add_error(
                    name,
                    _("Another keyword already has this term: %(other)s.")
                    % {"other": clash.terms_summary()},
                )
        return cleaned_data
