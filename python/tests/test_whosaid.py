"""Tests of the whosaid Python package (invented texts only)."""

import threading
import time

import pytest

import whosaid

MAYOR = "“Fine,” said the mayor."
# Non-ASCII before the spans, an astral character included, so character, UTF-16
# and byte offsets all differ.
ACCENTS = "Le café 😀 ouvre. “Nous sommes prêts,” a dit Zoé Martin. Ana Ruiz told Reuters that the deal was dead."


def test_analyze_names_the_mayor():
    doc = whosaid.analyze(MAYOR)
    [a] = doc["attributions"]
    assert a["kind"] == "direct"
    assert a["speaker"] == "the mayor"
    assert a["name"] == "the mayor"
    assert a["cue"] == "said"
    assert a["content"] == "“Fine,”"
    assert a["rule"] == "quote-cue-speaker"
    assert 0 < a["confidence"] <= 1
    assert doc["speakers"][0]["name"] == "the mayor"
    assert doc["sentences"] == [(0, len(MAYOR))]


def test_row_keys_are_the_columns():
    [a] = whosaid.analyze(MAYOR)["attributions"]
    names = [name for name, _, _ in whosaid.columns()]
    assert list(a) == names
    for needed in ["kind", "content", "quoted", "speaker", "name", "entity_kind", "cue",
                   "addressee", "medium", "confidence", "rule", "content_start", "content_end"]:
        assert needed in names


def spans_of(a):
    for name, kind, _ in whosaid.columns():
        if name + "_start" in a:
            yield name


@pytest.mark.parametrize("text", [MAYOR, ACCENTS])
def test_char_offsets_slice_python_strings(text):
    doc = whosaid.analyze(text)
    assert doc["attributions"]
    for a in doc["attributions"]:
        for name in spans_of(a):
            if a[name] is None:
                assert a[name + "_start"] is None and a[name + "_end"] is None
            else:
                assert text[a[name + "_start"]:a[name + "_end"]] == a[name]
    for s in doc["speakers"]:
        for start, end in s["mentions"]:
            assert text[start:end]
    for q in doc["nonspeech"]:
        assert text[q["start"]:q["end"]] == q["text"]


def test_utf16_and_byte_offsets():
    chars = whosaid.analyze(ACCENTS)["attributions"]
    utf16 = whosaid.analyze(ACCENTS, offsets="utf16")["attributions"]
    raw = whosaid.analyze(ACCENTS, offsets="bytes")["attributions"]
    data16 = ACCENTS.encode("utf-16-le")
    data8 = ACCENTS.encode("utf-8")
    for c, u, b in zip(chars, utf16, raw):
        assert data16[2 * u["content_start"]:2 * u["content_end"]].decode("utf-16-le") == c["content"]
        assert data8[b["content_start"]:b["content_end"]].decode("utf-8") == c["content"]
    # the astral character counts once in chars, twice in UTF-16, four times in bytes
    assert utf16[0]["content_start"] == chars[0]["content_start"] + 1
    assert raw[0]["content_start"] > utf16[0]["content_start"]


def test_bad_offset_unit_is_an_error():
    with pytest.raises(ValueError):
        whosaid.analyze(MAYOR, offsets="words")


def test_indirect_speech_has_no_quoted_part():
    [a] = whosaid.analyze("Ana Ruiz told Reuters that the deal was dead.")["attributions"]
    assert a["kind"] == "indirect"
    assert a["quoted"] is None and a["quoted_start"] is None
    assert a["medium"] == "Reuters"
    assert a["content"] == "that the deal was dead"


def test_empty_and_odd_texts_never_fail():
    for text in ["", " ", "“", "”“”“", "\u0000", "a" * 10000, "😀" * 100]:
        doc = whosaid.analyze(text)
        assert isinstance(doc["attributions"], list)


def test_analyze_many_matches_analyze_in_order():
    texts = [MAYOR, ACCENTS, "", "No speech here."] * 20
    many = whosaid.analyze_many(texts, threads=2)
    assert many == [whosaid.analyze(t) for t in texts]
    assert whosaid.analyze_many(iter(texts), threads=1) == many
    assert whosaid.analyze_many([]) == []


def test_analyze_many_rejects_a_single_string_and_zero_threads():
    with pytest.raises(TypeError):
        whosaid.analyze_many(MAYOR)
    with pytest.raises(ValueError):
        whosaid.analyze_many([MAYOR], threads=0)
    with pytest.raises(TypeError):
        whosaid.analyze_many([MAYOR, 3])


def test_analyze_many_releases_the_gil():
    # While Rust analyses, a Python thread must keep running.
    texts = [ACCENTS * 200] * 40
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.01)
    before = len(ticks)
    started = time.perf_counter()
    whosaid.analyze_many(texts, threads=1)
    elapsed = time.perf_counter() - started
    during = len([x for x in ticks if x >= started])
    stop.set()
    t.join()
    assert before > 0
    # Holding the GIL for the whole call would leave at most a tick or two.
    if elapsed > 0.05:
        assert during >= 5, (during, elapsed)


pa = pytest.importorskip("pyarrow")


def test_to_arrow_rows_match_analyze():
    texts = [MAYOR, None, ACCENTS, ""]
    table = whosaid.to_arrow(["a", "b", "c", "d"], texts, threads=2)
    assert table.column_names == ["id"] + [name for name, _, _ in whosaid.columns()]
    rows = table.to_pylist()
    expected = []
    for id_, text in zip("abcd", texts):
        if text is None:
            continue
        for a in whosaid.analyze(text)["attributions"]:
            expected.append({"id": id_, **a})
    assert len(rows) == len(expected)
    for row, exp in zip(rows, expected):
        assert row.keys() == exp.keys()
        for key in row:
            if isinstance(exp[key], float):
                assert row[key] == pytest.approx(exp[key], abs=1e-6)
            else:
                assert row[key] == exp[key], key


def test_to_arrow_schema_and_types():
    table = whosaid.to_arrow(pa.array([10, 20], pa.int64()), pa.array([MAYOR, ACCENTS], pa.large_string()))
    assert table.schema == whosaid.arrow_schema(pa.int64())
    assert table.column("id").to_pylist()[0] == 10
    assert set(table.column("id").to_pylist()) == {10, 20}
    types = {name: kind for name, kind, _ in whosaid.columns()}
    for field in table.schema:
        if field.name != "id":
            assert str(field.type) in {"string": ["string"], "int64": ["int64"], "float32": ["float"]}[types[field.name]]


def test_to_arrow_chunked_and_default_ids():
    chunked = pa.chunked_array([[MAYOR], [ACCENTS, MAYOR]])
    table = whosaid.to_arrow(None, chunked)
    ids = table.column("id").to_pylist()
    assert ids[0] == 0 and ids[-1] == 2
    assert ids == sorted(ids)


def test_to_arrow_checks_lengths_and_types():
    with pytest.raises(ValueError):
        whosaid.to_arrow(["a"], [MAYOR, MAYOR])
    with pytest.raises(TypeError):
        whosaid._whosaid.attribution_table([pa.array([1, 2])])


def test_to_arrow_empty():
    table = whosaid.to_arrow([], [])
    assert table.num_rows == 0
    assert table.column_names[0] == "id"


pd = pytest.importorskip("pandas")


def test_to_pandas_one_row_per_attribution():
    df = pd.DataFrame({"doc": ["x", "y", "z"], "body": [MAYOR, ACCENTS, None]})
    out = whosaid.to_pandas(df, text_col="body", id_col="doc")
    expected = sum(len(whosaid.analyze(t)["attributions"]) for t in [MAYOR, ACCENTS])
    assert len(out) == expected
    assert list(out.columns) == ["doc"] + [name for name, _, _ in whosaid.columns()]
    assert out.loc[0, "speaker"] == "the mayor"
    assert str(out["content_start"].dtype) == "Int64"
    for _, row in out.iterrows():
        text = MAYOR if row["doc"] == "x" else ACCENTS
        assert text[row["content_start"]:row["content_end"]] == row["content"]


def test_to_pandas_uses_the_index_without_an_id_column():
    df = pd.DataFrame({"text": [MAYOR, MAYOR]}, index=pd.Index([5, 9], name="article"))
    out = whosaid.to_pandas(df, id_col=None)
    assert list(out["article"]) == [5, 9]


def test_to_pandas_with_arrow_backed_strings():
    df = pd.DataFrame({"id": pd.Series(["x", "y"], dtype="string[pyarrow]"),
                       "text": pd.Series([MAYOR, ACCENTS], dtype="string[pyarrow]")})
    out = whosaid.to_pandas(df)
    assert list(out["id"]).count("x") == 1
    assert len(out) == sum(len(whosaid.analyze(t)["attributions"]) for t in [MAYOR, ACCENTS])
