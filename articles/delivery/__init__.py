"""Telling frontends what changed: the change feed (``/api/v1/changes/``) and signed webhooks.

Both start from one place, ``changes.record_public_changes``: in the transaction of every
publish, unpublish, move, delete or privacy change it compares what the public may see now
(``articles.selectors.visible_articles``) with what the feed last said, per article and
language, appends the differences to the change log and queues webhook deliveries for them.

``sitemaps`` renders ``/sitemap.xml`` (a sitemap index past ``SITEMAP_MAX_URLS``).
"""
