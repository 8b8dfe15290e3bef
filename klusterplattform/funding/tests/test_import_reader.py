"""Reading the EU topic export in each of its shapes, and clear errors for files that are not topic JSON."""

import gzip

import pytest

from klusterplattform.funding.importing import FundingFileError, read_topics

from .topic_files import english, fixture_bytes, fixture_topics, variants  # noqa: F401 - english is a fixture

pytestmark = pytest.mark.usefixtures("english")


def test_the_fixture_has_the_quirks_of_the_real_file():
    data = fixture_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark
    assert b'}{"reference"' in data  # objects concatenated without a newline
    assert data.count(b"\n") < len(fixture_topics())


@pytest.mark.parametrize("shape", list(variants()))
def test_every_shape_of_the_file_gives_the_same_six_topics(shape):
    topics = read_topics(variants()[shape])
    assert [t["topicId"] for t in topics] == [f"TEST-2026-FIXTURE-0{n}" for n in range(1, 7)]
    assert topics == fixture_topics()


def test_gzip_is_recognised_by_its_magic_bytes_not_by_a_name():
    assert read_topics(gzip.compress(b'{"topicId": "A"}')) == [{"topicId": "A"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'{"topicId": "A"}\n{"topicId": "B",}',
            r"not valid JSON at character 33 \(line 2, column 17\): Expecting property name",
        ),
        (b'{"topicId": "A"}{"topicId": ', r"not valid JSON at character 28 \(line 1, column 29\)"),
        (b"topicId,title\nA,B\n", r"not valid JSON at character 0 \(line 1, column 1\)"),
        (
            b'\xef\xbb\xbf[{"topicId": "A"}',
            r"not valid JSON at character 17 \(line 1, column 18\): Expecting .,. delimiter",
        ),
        (b'{"title": "Malm\xf6"}', r"not UTF-8 text: byte 15"),
        (gzip.compress(b'{"topicId": "A"}', mtime=0)[:-6], r"gzip file is damaged"),
        (b"", r"contains no topics"),
        (b"\xef\xbb\xbf \n ", r"contains no topics"),
    ],
)
def test_a_file_that_is_not_topic_json_gives_a_clear_error_with_the_position(data, message):
    with pytest.raises(FundingFileError, match=message):
        read_topics(data)
