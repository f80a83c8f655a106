"""The HTTP API: FastAPI app over named queries (plankg.api.app.create_app)."""

from plankg.api.app import create_app

__all__ = ["create_app"]
