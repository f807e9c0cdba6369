"""Type stubs of the native module (see ``whosaid`` for the documentation)."""

from typing import Any, Iterable, List, Optional, Sequence, Tuple, TypedDict, Union

import pyarrow

__version__: str

Value = Union[str, int, float, None]
"""A field of an attribution row: ``columns()`` names them and gives their types."""

Attribution = dict[str, Value]
"""One attribution: the fields of ``columns()``, offsets in the unit asked for."""

class Speaker(TypedDict, total=False):
    id: int
    name: str
    entity_kind: str
    gender: str
    mentions: List[Tuple[int, int]]

class NonSpeech(TypedDict):
    start: int
    end: int
    text: str

class Document(TypedDict):
    attributions: List[Attribution]
    speakers: List[Speaker]
    nonspeech: List[NonSpeech]
    sentences: List[Tuple[int, int]]
    paragraphs: List[Tuple[int, int]]

def analyze(text: str, *, offsets: str = "chars") -> Document: ...
def analyze_many(
    texts: Iterable[str], *, threads: Optional[int] = None, offsets: str = "chars"
) -> List[Document]: ...
def attribution_table(
    texts: Sequence[Any], *, threads: Optional[int] = None, offsets: str = "chars"
) -> pyarrow.Table: ...
def attribution_schema() -> pyarrow.Schema: ...
def columns() -> List[Tuple[str, str, str]]: ...
