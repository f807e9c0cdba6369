"""The examples in the docstrings run and give what they say."""

import doctest

import pytest

import whosaid

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

DOCUMENTED = [whosaid, whosaid.analyze, whosaid.analyze_many, whosaid.columns,
              whosaid.arrow_schema, whosaid.to_arrow, whosaid.to_pandas]


@pytest.mark.parametrize("obj", DOCUMENTED, ids=lambda o: getattr(o, "__name__", str(o)))
def test_docstring_examples(obj):
    assert obj.__doc__, f"{obj} has no docstring"
    finder = doctest.DocTestFinder(recurse=False)
    tests = [t for t in finder.find(obj, getattr(obj, "__name__", "whosaid")) if t.examples]
    assert tests, f"{obj} has no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
