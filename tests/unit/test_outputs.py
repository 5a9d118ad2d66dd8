"""A task's files of every kind, read leniently, and where each is saved."""

from __future__ import annotations

from pathlib import Path

from kling_ext import CallResult, Output, Task
from kling_ext._download import Target, download_targets, final_path


def _task(result: dict[str, object]) -> Task:
    data = {"task_id": "t-1", "task_status": "succeed", "task_result": result}
    return Task.from_data(data, kind="image-generation")


def test_images_of_every_shape_are_read() -> None:
    task = _task(
        {
            "images": [
                {"index": 0, "url": "https://cdn.test/a.JPEG?sig=1"},
                {"index": 1, "url_1": "https://cdn.test/b1", "url_2": "https://cdn.test/b2.webp"},
                {"index": "2", "url": ""},
                "junk",
            ],
            "series_images": [{"index": 0, "url": "https://cdn.test/s.png"}],
        }
    )
    assert [(i.url, i.index) for i in task.images] == [
        ("https://cdn.test/a.JPEG?sig=1", 0),
        ("https://cdn.test/b1", 1),
        ("https://cdn.test/b2.webp", 1),
        ("https://cdn.test/s.png", 0),
    ]
    assert [o.extension for o in task.outputs] == [".jpg", ".png", ".webp", ".png"]
    assert [o.extension_known for o in task.outputs] == [True, False, True, True]


def test_audio_is_mp3_unless_wav_is_asked_for_or_all_there_is() -> None:
    task = _task(
        {
            "audios": [
                {"id": "a", "url_mp3": "https://cdn.test/a", "url_wav": "https://cdn.test/a.w"},
                {"id": "b", "url_wav": "https://cdn.test/b.wav", "duration_wav": "3.5"},
                {"id": "c", "url": "https://cdn.test/c.mp3", "duration": 2},
                {"id": "d"},
            ]
        }
    )
    assert len(task.audios) == 3
    assert task.audios[1].duration == 3.5
    assert [(o.url, o.extension) for o in task.outputs] == [
        ("https://cdn.test/a", ".mp3"),
        ("https://cdn.test/b.wav", ".wav"),
        ("https://cdn.test/c.mp3", ".mp3"),
    ]
    wav = download_targets(task, "out/", allow_http=False, audio_format="wav")
    assert [t.path.name for t in wav] == ["t-1-1.wav", "t-1-2.wav", "t-1-3.mp3"]


def test_a_guessed_image_extension_gives_way_to_the_content_type() -> None:
    guessed = Target("https://cdn.test/x", Path("out/t.png"), guessed=True, kind="image")
    assert final_path(guessed, "image/jpeg; charset=binary") == Path("out/t.jpg")
    assert final_path(guessed, "audio/mpeg") == Path("out/t.png"), "not an image type"
    assert final_path(guessed, None) == Path("out/t.png")
    known = Target("https://cdn.test/x.png", Path("out/t.png"), guessed=False, kind="image")
    assert final_path(known, "image/webp") == Path("out/t.png"), "the URL's own extension holds"


def test_a_call_answer_names_its_files_where_the_answer_puts_them() -> None:
    result = CallResult.from_data(
        {"task_id": "s-1", "task_result": {"audios": [{"url": "https://cdn.test/s.mp3"}]}},
        kind="text-to-speech",
        request_id="r-1",
    )
    assert result.outputs == (Output(kind="audio", url="https://cdn.test/s.mp3", extension=".mp3"),)
    assert result.task_id == "s-1"
    bare = CallResult.from_data([1, 2], kind="preset-voices", request_id=None)
    assert bare.outputs == ()
    assert bare.task_id == "preset-voices"
