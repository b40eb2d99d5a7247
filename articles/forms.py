"""Admin form rules that span languages and an article's inline children."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminPageForm

from articles.slugs import slug_clashes

#: Fields wagtail-modeltranslation makes required in the default language.
DEFAULT_ONLY_FIELDS = ("title", "slug", "intro")


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
        return cleaned_data

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
