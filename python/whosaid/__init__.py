"""Who said what in news text.

whosaid finds the quotations (direct, mixed, partial) and the reported speech
(indirect) of an article, and for each one its speaker (the mention and the
entity it refers to, with a canonical name), cue, addressee, medium, a
confidence and the rule that decided. Rules and word lists in Rust: no model,
no network.

>>> import whosaid
>>> doc = whosaid.analyze("“Fine,” said the mayor.")
>>> a = doc["attributions"][0]
>>> a["kind"], a["speaker"], a["cue"]
('direct', 'the mayor', 'said')

Offsets are character offsets into the text (Python ``str`` indices) unless
``offsets="utf16"`` or ``offsets="bytes"`` is given, so
``text[a["content_start"]:a["content_end"]] == a["content"]``.

``analyze`` and ``analyze_many`` need nothing but this package; ``to_arrow``
needs ``pyarrow`` and ``to_pandas`` needs ``pandas`` as well
(``pip install 'whosaid[pandas]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Optional

from ._whosaid import (
    __version__,
    analyze,
    analyze_many,
    attribution_schema as _attribution_schema,
    attribution_table as _attribution_table,
    columns,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = [
    "__version__",
    "analyze",
    "analyze_many",
    "arrow_schema",
    "columns",
    "to_arrow",
    "to_pandas",
]


def arrow_schema(id_type: Optional["pyarrow.DataType"] = None, id_col: str = "id") -> "pyarrow.Schema":
    """The schema of ``to_arrow``'s table: the article id, then ``columns()``.

    ``id_type`` is the type of the ids (``pyarrow.string()`` by default). Spark
    jobs turn it into the output schema of ``mapInArrow``.

    >>> import pyarrow as pa, whosaid
    >>> whosaid.arrow_schema(pa.int64()).field("id").type
    DataType(int64)
    """
    import pyarrow as pa

    schema = _attribution_schema()
    id_field = pa.field(id_col, id_type if id_type is not None else pa.string())
    return schema.set(0, id_field)


def _as_text_chunks(texts: Any) -> list:
    import pyarrow as pa

    if not isinstance(texts, (pa.Array, pa.ChunkedArray)):
        # A pandas Series backed by Arrow (string[pyarrow]) converts to a ChunkedArray.
        texts = pa.array(list(texts) if not hasattr(texts, "__len__") else texts,
                         type=pa.string(), from_pandas=True)
    chunks = list(texts.chunks) if isinstance(texts, pa.ChunkedArray) else [texts]
    string_types = (pa.string(), pa.large_string())
    out = []
    for chunk in chunks:
        if chunk.type not in string_types and str(chunk.type) != "string_view":
            chunk = chunk.cast(pa.string())
        out.append(chunk)
    return out


def to_arrow(
    ids: Optional[Iterable[Any]],
    texts: Iterable[Optional[str]],
    *,
    threads: Optional[int] = None,
    offsets: str = "chars",
    id_col: str = "id",
) -> "pyarrow.Table":
    """One row per attribution of ``texts``, as a ``pyarrow.Table``.

    ``texts`` is a ``pyarrow`` string array or chunked array (used without a
    copy) or any sequence of ``str`` (``None`` for a missing text, which gives
    no rows). ``ids`` gives each text's article id (any Arrow-convertible
    sequence of the same length; ``None`` numbers the texts from 0); it becomes
    the first column, named ``id_col``. The other columns are ``columns()``.
    Analysis runs on ``threads`` Rust threads (default: every core) with the
    GIL released.

    >>> import whosaid
    >>> t = whosaid.to_arrow(["a1"], ["“Fine,” said the mayor."])
    >>> t.column("id").to_pylist(), t.column("name").to_pylist()
    (['a1'], ['the mayor'])
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    chunks = _as_text_chunks(texts)
    n = sum(len(c) for c in chunks)
    table = _attribution_table(chunks, threads=threads, offsets=offsets)
    index = table.column(0)
    if ids is None:
        id_values = index
    else:
        if not isinstance(ids, (pa.Array, pa.ChunkedArray)):
            ids = pa.array(ids if hasattr(ids, "__len__") else list(ids), from_pandas=True)
        if isinstance(ids, pa.ChunkedArray):
            ids = ids.combine_chunks()
        if len(ids) != n:
            raise ValueError(f"{len(ids)} ids for {n} texts")
        id_values = pc.take(ids, index)
    return table.set_column(0, pa.field(id_col, id_values.type), id_values)


def to_pandas(
    df: "pandas.DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = "id",
    *,
    threads: Optional[int] = None,
    offsets: str = "chars",
) -> "pandas.DataFrame":
    """One row per attribution of the texts in ``df[text_col]``, as a DataFrame.

    The first column is the article id: ``df[id_col]``, or the index of ``df``
    when ``id_col`` is ``None`` or not a column (named after the index, or
    ``"index"``). The other columns are ``columns()``; missing values are
    ``None`` for strings and ``<NA>`` for offsets (pandas' nullable ``Int64``).

    >>> import pandas as pd, whosaid
    >>> df = pd.DataFrame({"id": [7], "text": ["“Fine,” said the mayor."]})
    >>> whosaid.to_pandas(df)[["id", "kind", "speaker"]].values.tolist()
    [[7, 'direct', 'the mayor']]
    """
    if id_col is not None and id_col in df.columns:
        ids, name = df[id_col], id_col
    else:
        ids, name = df.index.to_series(), df.index.name or "index"
    import pandas as pd
    import pyarrow as pa

    table = to_arrow(ids, df[text_col], threads=threads, offsets=offsets, id_col=name)
    # Nullable integers, so an offset stays an int (and a missing one is <NA>, not NaN).
    return table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
