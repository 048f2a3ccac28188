"""web face: a local FastAPI app to browse stories and their sourced briefs and to upload reports."""
from newsloom.web.app import create_app
from newsloom.web.guard import local_hosts

__all__ = ["create_app", "local_hosts"]
