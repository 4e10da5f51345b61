from django.http import JsonResponse

from .health import run_checks


def index(request):
    return JsonResponse({"app": "django-app", "health": "/health"})


def health(request):
    status, body = run_checks()
    return JsonResponse(body, status=status)
