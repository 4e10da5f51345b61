"""Health checks behind /health: one real round trip to each service the app uses.

Written by generator-dockerize. Every check opens its own short-lived
connection (or lets the client reconnect), so the app starts before its
services are up and recovers by itself when they come back.
"""

import logging
import os
import threading
import time

import psycopg

log = logging.getLogger("health")
if not log.handlers:
    # Start-up progress goes to stderr whatever logging the server set up.
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False
TIMEOUT_SECONDS = 3


def check_postgres():
    """SELECT 1 over a fresh connection to DATABASE_URL."""
    with psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=TIMEOUT_SECONDS) as conn:
        conn.execute("SELECT 1")


CHECKS = {"postgres": check_postgres}


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


def wait_for_services(attempts=60, delay_seconds=1.0):
    """Retry at start-up until every service answers, logging progress, instead of crashing."""
    for attempt in range(1, attempts + 1):
        status, body = run_checks()
        if status == 200:
            log.info("services ready: %s", ", ".join(CHECKS))
            return True
        log.info("waiting for services (attempt %d/%d): %s", attempt, attempts, body["checks"])
        time.sleep(delay_seconds)
    log.error("services still unavailable after %d attempts; %s keeps answering 503", attempts, "/health")
    return False


def start_background_wait():
    """Check the services once the app starts, in the background so the server starts at once."""
    threading.Thread(target=wait_for_services, name="wait-for-services", daemon=True).start()
