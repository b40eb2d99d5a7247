"""The search rows' ranking vector (``ArticleSearchText.ranking``): the A and B parts of each
document, filled from the documents already stored (PostgreSQL; elsewhere they are empty)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations


def fill_rankings(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("articles", "ArticleSearchText")._meta.db_table)
    schema_editor.execute(
        f"UPDATE {table} SET ranking = ts_filter(document, '{{a,b}}') WHERE document IS NOT NULL"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_article_search_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlesearchtext",
            name="ranking",
            field=SearchVectorField(null=True),
        ),
        migrations.RunPython(fill_rankings, migrations.RunPython.noop, elidable=True),
    ]
