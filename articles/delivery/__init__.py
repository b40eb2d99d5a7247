"""What frontends need beyond the content itself: redirects of changed slugs (``redirects``)."""
