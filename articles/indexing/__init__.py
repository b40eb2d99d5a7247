"""Search indexing of articles: per-language search documents kept next to the bulk writes."""
