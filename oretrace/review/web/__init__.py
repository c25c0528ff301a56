"""The web workspace: FastAPI app, templates and static files."""
