"""Whatever bytes a user points the importer at, the answer is contacts or one ImportFailure."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from import_helpers import FIXTURES
from warmintro.importers import FORMATS, ImportFailure, read_file

SAMPLES = {p.name: p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix != ".py"}
# A couple of hundred examples each in CI; WARMINTRO_LONG=1 (or FUZZ_EXAMPLES=N) for thousands.
_DEFAULT = "3000" if __import__("os").environ.get("WARMINTRO_LONG") == "1" else "200"
FUZZ = settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", _DEFAULT)), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_or_fail(tmp_path, name: str, data: bytes, fmt=None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        parsed = read_file(path, fmt)
    except ImportFailure as failure:
        message = str(failure)
        assert message and "\n" not in message
        assert message.startswith(name)
        return
    for contact in parsed.contacts:
        assert contact.full_name or contact.emails
        assert contact.sources == [f"{parsed.format}:{name}"]


@FUZZ
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([None, *FORMATS]))
def test_arbitrary_bytes(tmp_path, data, fmt):
    read_or_fail(tmp_path, "random.csv", data, fmt)


TOKENS = [*'abc,"\r\n\t:;=\\ ', "BEGIN:VCARD\n", "END:VCARD\n", "VERSION:2.1\n", "N:", "FN:", "NOTE;",
          "ENCODING=QUOTED-PRINTABLE", "First Name,Last Name,Connected On\n", "From,To,Sent At,Direction\n",
          "First Name,Last Name,E-mail Address\n", "9-Sep-22", "1/8/18, 6:14 PM", "OUTGOING", "INCOMING"]


@FUZZ
@given(tokens=st.lists(st.sampled_from(TOKENS), max_size=80), fmt=st.sampled_from([None, *FORMATS]))
def test_arbitrary_text_with_format_tokens(tmp_path, tokens, fmt):
    read_or_fail(tmp_path, "tokens.txt", "".join(tokens).encode("utf-8"), fmt)


@st.composite
def mutated_fixture(draw):
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b'"', b",", b"\r", b"\n", b"=", b":", b";", b"\x00", b"\xff",
                                                b"BEGIN:VCARD\n", b"END:VCARD\n", b"31/31/22"]))
        elif data:
            del data[at:at + draw(st.integers(1, 20))]
    return name, bytes(data)


@FUZZ
@given(sample=mutated_fixture(), fmt=st.sampled_from([None, None, *FORMATS]))
def test_mutated_real_fixtures(tmp_path, sample, fmt):
    name, data = sample
    read_or_fail(tmp_path, name, data, fmt)
