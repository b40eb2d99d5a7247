"""Admin views of the SEO app: the page analysis the SEO panel refreshes from, and the report."""
