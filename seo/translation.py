from modeltranslation.translator import TranslationOptions, register

from seo.models import Keyword


@register(Keyword)
class KeywordTranslationOptions(TranslationOptions):
    fields = ("term",)
