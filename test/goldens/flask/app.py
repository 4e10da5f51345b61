"""A minimal Flask app for flask-app, written by generator-dockerize: build yours from here."""

from flask import Flask, jsonify

from health import run_checks, start_background_wait

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify({"app": "flask-app", "health": "/health"})


@app.get("/health")
def health():
    status, body = run_checks()
    return jsonify(body), status


start_background_wait()
