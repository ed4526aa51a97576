"""Background jobs deliver their result on the main thread however fast they end."""

from __future__ import annotations

import threading

import pytest

from tests.ui.conftest import BACKGROUND_MS
from workbench.ui.tasks import TaskRunner


def _instant(value, *, progress, cancelled):
    return value


def _broken(*, progress, cancelled):
    raise OSError("disk gone")


def test_a_job_that_ends_before_the_event_loop_turns_still_delivers_its_result(qtbot):
    runner = TaskRunner()
    results, order = [], []
    job = (
        runner.job("instant", _instant, 42).success(results.append).finally_(lambda: order.append("finally"))
    )
    task = job.run_in_background()
    assert runner.wait(BACKGROUND_MS)  # the worker has returned and emitted before anything is processed
    assert results == [] and not task.done
    qtbot.waitUntil(lambda: task.done, timeout=BACKGROUND_MS)
    assert results == [42] and order == ["finally"] and task.succeeded is True
    assert runner.running() == []


def test_a_failing_job_reaches_its_failure_callback_not_the_success_one(qtbot):
    runner = TaskRunner()
    failures, successes = [], []
    task = (
        runner.job("broken", _broken).success(successes.append).failure(failures.append).run_in_background()
    )
    runner.wait(BACKGROUND_MS)
    qtbot.waitUntil(lambda: task.done, timeout=BACKGROUND_MS)
    assert successes == [] and [str(e) for e in failures] == ["disk gone"] and task.succeeded is False


def test_callbacks_cannot_be_added_once_a_job_has_started(qtbot):
    runner = TaskRunner()
    job = runner.job("instant", _instant, 1)
    task = job.run_in_background()
    with pytest.raises(RuntimeError, match="instant"):
        job.success(print)
    with pytest.raises(RuntimeError):
        job.run_in_background()
    runner.wait(BACKGROUND_MS)
    qtbot.waitUntil(lambda: task.done, timeout=BACKGROUND_MS)


def test_progress_arrives_on_the_main_thread(qtbot):
    runner = TaskRunner()
    seen = []

    def counting(*, progress, cancelled):
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    main = threading.get_ident()
    job = runner.job("count", counting).on_progress(
        lambda done, total: seen.append((done, total, threading.get_ident() == main))
    )
    task = job.run_in_background()
    runner.wait(BACKGROUND_MS)
    qtbot.waitUntil(lambda: task.done, timeout=BACKGROUND_MS)
    assert seen == [(1, 3, True), (2, 3, True), (3, 3, True)]


def test_an_instant_import_frees_the_window_for_the_next_job(window, qtbot, tmp_path, monkeypatch):
    from workbench.ui import main_window

    monkeypatch.setattr(main_window, "import_job", lambda data_dir, paths, *, progress, cancelled: [])
    with qtbot.waitSignal(window.importFinished, timeout=BACKGROUND_MS):
        assert window.import_paths([tmp_path / "a.txt"]) is not None
        window.runner.wait(BACKGROUND_MS)  # the job has ended before the window could have connected anything
    assert window.task is None and not window.progress.isVisible()
    with qtbot.waitSignal(window.jobEnded, timeout=BACKGROUND_MS):
        assert window.rebuild_index() is not None  # the next job is accepted
