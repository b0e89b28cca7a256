from analysis.corpus import Source, assign_ids, discover, read_manifest

HEADER = "file,article_id,title,source,url,published,language,translation_of\n"


def test_manifest_rows_are_checked_one_by_one():
    rows, problems = read_manifest(
        (
            HEADER
            + (
                "a.txt,,A title,Src,,2024-06,en,\n"
                "b.txt,,B,,,June 2024,english,\n"
                "a.txt,,again,,,,,\n"
                ",,no file,,,,,\n"
                "c.txt,bad id!,C,,,2024-13-01,,\n"
                "d.txt,d,D,,,2023,,,extra,fields\n"
            )
        ).encode()
    )
    assert [r.file for r in rows] == ["a.txt", "b.txt", "c.txt"]
    assert rows[0].published == "2024-06" and rows[1].published == "" and rows[1].language == ""
    assert rows[2].article_id == "" and rows[2].published == ""
    text = "\n".join(map(str, problems))
    for expected in (
        "line 3: published 'June 2024'",
        "line 3: language 'english'",
        "line 4: 'a.txt' is listed twice",
        "line 5: no file name",
        "line 6: article_id 'bad id!'",
        "line 7: more fields than columns",
    ):
        assert expected in text


def test_unreadable_manifest_is_ignored_with_a_message():
    rows, problems = read_manifest(b"\xff\xfe\x00garbage")
    assert rows == [] and "not UTF-8" in problems[0].message
    rows, problems = read_manifest(b"name,title\nx.txt,X\n")
    assert rows == [] and "no 'file' column" in problems[0].message


def test_duplicate_ids_are_renamed_not_lost():
    sources = [Source("a/x.txt", b"1"), Source("b/x.txt", b"2"), Source("x.html", b"3")]
    ids, problems = assign_ids(sources, {})
    assert list(ids.values()) == ["x", "x-2", "x-3"]
    assert "already used by a/x.txt" in problems[0].message


def test_discover_skips_hidden_and_other_files(corpus):
    corpus.add("one.txt", "Text.")
    corpus.add("sub/two.md", "# T\n\nText.")
    corpus.add(".hidden/three.txt", "Text.")
    corpus.add("notes.docx", b"PK\x03\x04")
    corpus.add("manifest.csv", HEADER + "one.txt,,One,,,,,\nmissing.txt,,M,,,,,\n")
    found = discover(corpus.path)
    assert [s.name for s in found.sources] == ["one.txt", "sub/two.md"]
    assert found.manifest["one.txt"].title == "One"
    assert "'missing.txt', which is not in the corpus folder" in str(found.problems[0])
