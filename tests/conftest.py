"""Fixtures shared by the test files."""

import pytest

from mediakit import load_article


@pytest.fixture(scope="session")
def seed_article():
    """The seed article, loaded once for the whole run (an Article never changes)."""
    return load_article()


@pytest.fixture
def no_answers_session(monkeypatch):
    """No answers session before or after the test: nothing it checks is saved."""
    import mediakit.exercises as mx

    monkeypatch.delenv("MEDIAKIT_NOTEBOOK", raising=False)
    mx.stop()
    yield
    mx.stop()


@pytest.fixture
def answers_sandbox(monkeypatch, tmp_path):
    """No answers session, no answers environment variables, an empty folder as the cwd."""
    import mediakit.exercises as mx
    from mediakit.exercises import answers

    for var in ("MEDIAKIT_NOTEBOOK", "MEDIAKIT_STUDENT", "MEDIAKIT_ANSWERS_DIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    mx.stop()
    answers.drain()
    yield
    mx.stop()
    answers.drain()


@pytest.fixture
def key_from(tmp_path):
    """Load an answer key from TOML text written to a temporary file."""
    from mediakit.exercises import load_key

    def load(text):
        path = tmp_path / "t.toml"
        path.write_text(text, encoding="utf-8")
        return load_key(path)

    return load
