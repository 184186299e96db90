"""Text decoding never silently corrupts: a generated corpus of the common single-byte encodings
with the characters that tell them apart, the cp1252 "€40 million" file, UTF-8 mixed with
Latin-1, UTF-8 holding encoded surrogates, UTF-16 without a byte-order mark, and the user's
choice of encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core import Document, DocumentLoadError
from annotator.core.mixed_utf8 import MIXED
from annotator.core.textio import decode_bytes, read_text_file

# (encoding, language, text): each text carries its language's characteristic characters
# (quotes, €, œ, ß, č, ő, Cyrillic, Greek...) the way a news paragraph would.
CORPUS = [
    ("cp1252", "en", "The minister said the plan would cost “about €40 million” – more than "
                     "expected. O’Brien disagreed… The council will vote on Tuesday."),
    ("cp1252", "de", "„Wir werden die Straßen größer bauen“, sagte der Bürgermeister. Die "
                     "Kosten: 5 Mio. €. Außerdem prüft die Behörde weitere Maßnahmen."),
    ("cp1252", "fr", "« Le cœur de l’œuvre », a déclaré l’élève. Où est la société ? Ça coûte "
                     "40 € à peine, dit-il, naïf. Les élus ont voté."),
    ("cp1252", "it", "«Perché è così?» ha chiesto il sindaco. Però la città ha già speso 40 "
                     "milioni di €, più del previsto. È vero, ha detto."),
    ("cp1252", "pt", "“Não há solução”, disse o ministro. O governo gastou 40 milhões de €, e "
                     "a população está preocupada com a situação."),
    ("cp1252", "nl", "„Het is een ruïne”, zei de wethouder. De coöperatie heeft € 40 miljoen "
                     "geïnvesteerd in cafés; reünie in België volgt."),
    ("cp1252", "es", "“¿Qué pasó ayer?”, preguntó el niño. El señor compró años de café por "
                     "40 millones de €. ¡Increíble! La situación económica mejoró."),
    ("iso8859-15", "fr", "Le cœur de l'œuvre, a déclaré l'élève. Où est la société ? Ça coûte "
                         "40 € à peine, dit-il, naïf."),
    ("latin-1", "es", "¿Qué pasó ayer? El niño dijo que el señor compró años de café. "
                      "¡Increíble! La situación económica mejoró según el informe."),
    ("latin-1", "de", "Die Straße wird größer, sagte der Bürgermeister. Über 40 Millionen "
                      "fließen in die Öffentlichkeit, äußerte er."),
    ("cp1250", "cs", "„Příliš žluťoučký kůň úpěl ďábelské ódy,“ řekl ministr. Vláda schválila "
                     "rozpočet ve výši 40 milionů korun."),
    ("cp1250", "pl", "„Zażółć gęślą jaźń” – powiedział rzecznik. Rząd przyjął budżet w wysokości "
                     "40 mln złotych, a opozycja skrytykowała decyzję."),
    ("iso8859-2", "hu", "Árvíztűrő tükörfúrógép, mondta a miniszter. A kormány 40 millió "
                        "forintot különített el az új híd építésére."),
    ("cp1251", "ru", "«Съешь же ещё этих мягких французских булок», — сказал министр. "
                     "Правительство выделило 40 миллионов рублей на новый мост."),
    ("koi8-r", "ru", "Съешь же ещё этих мягких французских булок, сказал министр. "
                     "Правительство выделило 40 миллионов рублей на новый мост."),
    ("cp1253", "el", "«Ξεσκεπάζω την ψυχοφθόρα βδελυγμία», δήλωσε ο υπουργός. Η κυβέρνηση "
                     "ενέκρινε 40 εκατομμύρια ευρώ για τη νέα γέφυρα."),
    ("cp1254", "tr", "“Pijamalı hasta yağız şoföre çabucak güvendi” dedi bakan. Hükümet yeni "
                     "köprü için 40 milyon lira ayırdı."),
    ("cp1257", "lt", "„Įlinkdama fechtuotojo špaga sublykčiojusi pragręžė apvalų arbūzą“, "
                     "sakė ministras. Vyriausybė skyrė 40 milijonų eurų."),
]


@pytest.mark.parametrize(("encoding", "language", "text"), CORPUS,
                         ids=[f"{e}-{lang}" for e, lang, _ in CORPUS])
def test_single_byte_corpus_reads_right(encoding: str, language: str, text: str) -> None:
    decoded = decode_bytes(text.encode(encoding), f"{language}.txt")
    assert decoded.text == text
    assert decoded.note.startswith("not UTF-8; read as ")  # the user is told it was a guess
    if decoded.alternatives:
        assert "could also be" in decoded.note
        for other in decoded.alternatives:  # and each alternative really reads differently
            assert text.encode(encoding).decode(other) != text


def test_cp1252_euro_file_reads_right(tmp_path: Path) -> None:
    """The reported file: "€40 million" came out as "Ć40 million" (cp775)."""
    path = tmp_path / "euro.txt"
    path.write_bytes("The council approved €40 million for the bridge.\n".encode("cp1252"))
    doc = Document.load(path, "A")
    assert "€40 million" in doc.text and doc.encoding == "cp1252"
    assert "cp1252" in doc.encoding_note  # one € alone is ambiguous: the user is told
    assert "could also be" in doc.encoding_note


def test_the_user_chooses_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "euro.txt"
    data = "Prix : 40 € net".encode("iso8859-15")
    path.write_bytes(data)
    doc = Document.load(path, "A", encoding="ISO-8859-15")
    assert doc.text == "Prix : 40 € net" and doc.encoding == "iso8859-15"
    assert doc.encoding_note == ""
    assert read_text_file(path, "latin-1").text == "Prix : 40 ¤ net"
    with pytest.raises(DocumentLoadError, match="not valid utf-8"):
        read_text_file(path, "utf-8")
    with pytest.raises(DocumentLoadError, match="not an encoding"):
        read_text_file(path, "no-such-codec")


def test_utf8_mixed_with_latin1_is_read_part_by_part_and_said() -> None:
    data = "Café crème, naïve résumé.\n".encode() + "Le café est prêt.\n".encode("latin-1")
    decoded = decode_bytes(data, "mixed.txt")
    assert decoded.text == "Café crème, naïve résumé.\nLe café est prêt.\n"  # no "CafÃ©"
    assert decoded.encoding == MIXED
    assert "mixes UTF-8" in decoded.note and "2 bytes" in decoded.note
    assert decode_bytes(data, "mixed.txt", MIXED).text == decoded.text


def test_encoded_surrogates_are_not_read_as_a_cyrillic_code_page() -> None:
    lone = decode_bytes(b"abc \xed\xa0\x80 def", "s.txt")
    assert lone.text == "abc \ufffd def" and "lone surrogate" in lone.note
    assert "byte 4" in lone.note
    pair = "😀".encode("utf-16-be")
    cesu = "".join(chr(int.from_bytes(pair[i:i + 2], "big")) for i in (0, 2))
    data = b"ok " + cesu.encode("utf-8", "surrogatepass") + " — fine".encode()
    joined = decode_bytes(data, "cesu.txt")
    assert joined.text == "ok 😀 — fine" and "CESU-8" in joined.note


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Officials said 12 percent of funds were cut.\nA second line.",
                                  "Правительство выделило 40 миллионов рублей, 2026.",
                                  "Die Straße wird größer: 40 Mio. €."])
def test_utf16_without_bom_is_text_not_binary(codec: str, text: str) -> None:
    decoded = decode_bytes(text.encode(codec), "wide.txt")
    assert decoded.text == text and decoded.encoding == codec
    assert "no byte-order mark" in decoded.note


def test_real_binary_is_still_refused() -> None:
    with pytest.raises(DocumentLoadError, match="binary"):
        decode_bytes(bytes(range(256)) * 8, "x.bin")
    with pytest.raises(DocumentLoadError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "x.png")


def test_the_readers_hand_the_assumption_and_the_choices_to_the_preview(tmp_path: Path) -> None:
    from annotator.core.inputs import read_source

    for name in ("euro.txt", "euro.md"):
        path = tmp_path / name
        path.write_bytes("Le conseil a voté 40 € pour le pont.\n".encode("cp1252"))
        found = read_source(path)
        assert "40 €" in found.text and found.encoding == "cp1252"
        assert found.encoding_note and any("cp1252" in n for n in found.notes)
        assert found.encoding_alternatives  # what an encoding menu offers
        other = found.encoding_alternatives[0]
        chosen = read_source(path, encoding=other)
        assert chosen.encoding == other and chosen.encoding_note == ""
        assert chosen.text != found.text
