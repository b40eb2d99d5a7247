"""Editor preview: the draft as the API would serve it, rendered in the admin's preview panel,
or handed to the frontend with a signed, expiring token (``FRONTEND_PREVIEW_URL``)."""
