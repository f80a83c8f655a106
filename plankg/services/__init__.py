"""The questions the CLI and the API both ask — the concept question, search, the picture of a plan, a
node's neighbourhood, the detail reads — as plain functions over the store port and the named query
catalog, answering pydantic models (models.py). Routes only translate HTTP; the CLI prints."""
