"""A minimal Flask app for blog, written by generator-dockerize: build yours from here."""

from flask import Flask, jsonify

from blog.health import run_checks, start_background_wait

application = Flask(__name__)


@application.get("/")
def index():
    return jsonify({"app": "blog", "health": "/healthz"})


@application.get("/healthz")
def health():
    status, body = run_checks()
    return jsonify(body), status


start_background_wait()
