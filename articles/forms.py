"""Admin form rules that span an article's inline children."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self) -> dict:
        cleaned_data = super().clean()
        keywords = self.formsets.get("keywords")
        if keywords is not None:
            focused = [
                form
                for form in keywords.forms
                if form.is_valid()
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("focus")
            ]
            if len(focused) > 1:
                for form in focused[1:]:
                    form.add_error("focus", _("Only one keyword can be the focus keyword."))
        return cleaned_data
