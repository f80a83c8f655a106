"""Plain helpers shared by the tests (no fixtures: those live in conftest.py files). Tests import them
as `from tests.support.corpus import SEED_DOCUMENT`; no test module imports another test module."""
