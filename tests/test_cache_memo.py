"""The word-list caches of the command line (``mediakit.cache.memo``): what is read back is what is built.

The command line keeps the word lists' rows, the matchers' tables and the attribution
cue index in its cache file. These tests check that a value read back from the file
gives the same matcher as one built afresh, that an edited list is never served stale,
and that a run without the cache gives the same result. Speed is measured by
``benchmarks/speed.py``, never asserted here.
"""

import shutil

import pytest

from mediakit import lexicon
from mediakit.cache import regex_cache
from mediakit.lenses import attribution, loaded


def _fresh(prefix, main, folder, categories) -> loaded.Matcher:
    """The matcher built directly from the rows (no cache, no plain-data round trip)."""
    terms = []
    for name in loaded.list_names(prefix, main, folder):
        terms.extend(loaded.terms_from_rows(loaded.read_list(name, folder), f"{name}.csv", categories))
    return loaded.Matcher(terms)


def _describe(m: loaded.Matcher) -> tuple:
    """Everything a matcher holds, as comparable data (terms by value, forms by term position)."""
    pos = {id(t): i for i, t in enumerate(m.terms)}
    return (
        m.terms,
        {k: [(pos[id(f.term)], f.tag, f.variant, f.wildcard) for f in fs] for k, fs in m.table.items()},
        [pos[id(t)] for t in m.specials],
        {v: pos[id(t)] for v, t in m.suffixes.items()},
    )


def _clear():
    loaded.reload()
    attribution.cue_rows.cache_clear()
    attribution._index.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches():
    _clear()
    yield
    _clear()


@pytest.mark.parametrize("name", sorted(loaded.SHARED_LISTS))
def test_plain_round_trip_gives_the_same_matcher(name):
    """Does a matcher rebuilt from its plain data hold the same terms, forms and tables as one built afresh?"""
    prefix, main, categories = loaded.SHARED_LISTS[name]
    fresh = _fresh(prefix, main, None, categories)
    again = loaded._from_plain(loaded._plain(fresh))
    assert _describe(again) == _describe(fresh)
    assert again.terms and all(type(t) is loaded.Term for t in again.terms)


@pytest.mark.parametrize("name", sorted(loaded.SHARED_LISTS))
def test_cached_matcher_read_back_is_the_same(tmp_path, name):
    """Does the second run (matcher read from the cache file) give what the first run built?"""
    prefix, main, categories = loaded.SHARED_LISTS[name]
    with regex_cache(str(tmp_path)):
        first = _describe(loaded.compile_lists(prefix, main, None, categories))
    _clear()
    with regex_cache(str(tmp_path)) as second:
        again = _describe(loaded.compile_lists(prefix, main, None, categories))
    assert second.hits >= 1
    assert again == first == _describe(_fresh(prefix, main, None, categories))


@pytest.mark.parametrize(
    "edit, term",
    [
        ("append", "zorblatting"),  # a new row: the edited list must miss, and the new term be found
        ("none", None),  # the same list: the same terms
    ],
)
def test_an_edited_list_is_never_served_stale(tmp_path, edit, term):
    """After an instructor edits a list, does the cached run see the edit (and only then differ)?"""
    folder = tmp_path / "lists"
    folder.mkdir()
    shutil.copy(lexicon.lexicon_dir() / "loaded.csv", folder / "loaded.csv")
    cache = str(tmp_path / "cache")
    with regex_cache(cache):
        before = {t.term for t in loaded.matcher(str(folder)).terms}
    if edit == "append":
        with open(folder / "loaded.csv", "a", encoding="utf-8") as f:
            f.write(f'{term},loaded_adjective,"A test word.",a plain word\n')
    _clear()
    with regex_cache(cache):
        after = {t.term for t in loaded.matcher(str(folder)).terms}
    assert (after - before) == ({term} if term else set())
    assert after == {t.term for t in _fresh("loaded", "loaded", str(folder), loaded.CATEGORIES).terms}


@pytest.mark.parametrize("name", ["cues", "source_groups", "source_names", "source_titles"])
def test_numbered_rows_read_back_are_the_same(tmp_path, name):
    """Do the numbered rows read from the cache file equal a fresh reading (line numbers included)?"""
    with regex_cache(str(tmp_path)):
        first = attribution.rows_with_lines(name)
    lexicon.load.cache_clear()
    with regex_cache(str(tmp_path)) as second:
        again = attribution.rows_with_lines(name)
    raw = (lexicon.lexicon_dir() / f"{name}.csv").read_text(encoding="utf-8")
    assert second.hits >= 1
    assert again == first
    assert [(n, row) for _, n, row in again] == attribution._numbered_rows(raw)


def test_cue_index_read_back_matches_as_before(tmp_path):
    """Does the cue pattern read back from the cache file find the same cues as one built afresh?"""
    text = "officials said, she claimed and he warned; they insisted, according to the report"
    with regex_cache(str(tmp_path)):
        forms, pattern = attribution._index()
    _clear()
    with regex_cache(str(tmp_path)) as second:
        forms2, pattern2 = attribution._index()
    assert second.hits >= 1 and forms2 == forms
    assert pattern2.pattern == pattern.pattern
    assert [m.span() for m in pattern2.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert len(list(pattern.finditer(text))) >= 3
    assert [m.group() for m in pattern2.finditer("the blue boat floated")] == []


def _outer_reads_inner(direct: bool, plain: bool):
    """A memo value built from another one (as the loaded words from the list's rows); ``direct``: the
    inner value is also read on its own; ``plain``: the outer value can be kept in the file."""
    from mediakit.cache import memo

    def build():
        inner = memo(("test-inner", 1), lambda: (1, 2))
        return inner + (3,) if plain else object()

    value = memo(("test-outer", 1), build)
    if direct:
        memo(("test-inner", 1), lambda: (1, 2))
    return value


@pytest.mark.parametrize(
    "direct, plain, inner_kept",
    [
        (False, True, False),  # only needed to build a value that is kept: left out
        (True, True, True),  # also read on its own: kept
        (False, False, True),  # the outer value cannot be kept (not plain data): what it reads is kept
        (True, False, True),
    ],
)
def test_memo_values_read_only_by_a_kept_build_are_left_out(tmp_path, direct, plain, inner_kept):
    with regex_cache(str(tmp_path)):
        first = _outer_reads_inner(direct, plain)
    with regex_cache(str(tmp_path)) as second:
        again = _outer_reads_inner(direct, plain)
        kept = {k[1] for k in second.entries if k[0] == "memo"}
    assert ("test-inner" in kept) == inner_kept
    assert ("test-outer" in kept) == plain
    if plain:
        assert first == again == (1, 2, 3)
    assert second.memo_misses == 0  # the second start builds nothing that it could have read back


@pytest.mark.parametrize("edited", [False, True])
def test_loaded_words_read_back_are_the_words_of_the_list(tmp_path, monkeypatch, edited):
    """The sources lens's set of loaded words, read back from the cache file, is the set the list gives;
    an edited ``loaded.csv`` is read afresh, never served from the file."""
    from mediakit.lenses import sources

    folder = tmp_path / "lexicons"
    shutil.copytree(lexicon.lexicon_dir(), folder)
    monkeypatch.setattr(lexicon, "lexicon_dir", lambda: folder)
    monkeypatch.setattr(attribution, "lexicon_dir", lambda: folder)
    cache = str(tmp_path / "cache")

    def words():
        sources._loaded_words.cache_clear()
        lexicon.load.cache_clear()
        return sources._loaded_words()

    with regex_cache(cache):
        first = words()
    if edited:
        with open(folder / "loaded.csv", "a", encoding="utf-8") as f:
            f.write("zzqmadeupword,label,A test word.,,,,,,,,,,,\n")
    with regex_cache(cache) as second:
        again = words()
    sources._loaded_words.cache_clear()
    lexicon.load.cache_clear()
    assert "dictator" in first and "zzqmadeupword" not in first
    assert ("zzqmadeupword" in again) == edited
    assert (again == first) != edited
    assert (second.memo_misses == 0) != edited
