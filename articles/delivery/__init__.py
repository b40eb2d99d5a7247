"""How published content leaves the CMS besides the JSON API's article reads (sitemaps)."""
