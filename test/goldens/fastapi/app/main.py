"""A minimal FastAPI app for fastapi-app, written by generator-dockerize: build yours from here."""

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from app.health import run_checks, start_background_wait

app = FastAPI(title="fastapi-app")


@app.get("/")
def index():
    return {"app": "fastapi-app", "health": "/health"}


@app.get("/health")
def health():
    status, body = run_checks()
    return JSONResponse(body, status_code=status)


start_background_wait()
