"""Health checks behind /health: one real round trip to each service the app uses.

Written by generator-dockerize. Every check opens its own short-lived
connection (or lets the client reconnect), so the app starts before its
services are up and recovers by itself when they come back.
"""

import logging

log = logging.getLogger("health")
if not log.handlers:
    # Start-up progress goes to stderr whatever logging the server set up.
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False


CHECKS = {}


def run_checks():
    """(HTTP status, body): 200 when every check passes, else 503 naming the failing ones."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # any failure means "not healthy", never a crash
            log.warning("health check %s failed: %s", name, exc)
            results[name] = "error"
    healthy = all(result == "ok" for result in results.values())
    return (200 if healthy else 503), {"status": "ok" if healthy else "error", "checks": results}


def start_background_wait():
    """Check the services once the app starts, in the background so the server starts at once."""
    log.info("no services to wait for")
