"""WSGI entry point: gunicorn serves config.wsgi:application."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from .health import start_background_wait  # noqa: E402  (after Django is set up)

start_background_wait()
