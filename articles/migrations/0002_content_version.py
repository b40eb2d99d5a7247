import time

from django.db import migrations, models
from django.utils import timezone


def create_the_row(apps, schema_editor):
    ContentVersion = apps.get_model("articles", "ContentVersion")
    ContentVersion.objects.get_or_create(
        pk=1, defaults={"version": time.time_ns() // 1000, "changed_at": timezone.now()}
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField()),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
