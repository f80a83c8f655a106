"""Bring gold task texts to the format score_region.py reads: a task's text covers its sub-tasks.

score_region.py locates a gold task by its "text" only (its "subtasks" are not read), and a predicted
sub-task counts as right when half of it lies inside a gold task's text. Some gold files written for
tests/gold/external and tests/gold/holdout give a task's lead sentence as its text and its measures as
separate "subtasks" strings ("三是强化就业端反馈，提出完善…机制。" + "优化招生计划分配方式", …), so the
measures a document gives under a task were scored as invented. This rewrites, mechanically, each such
task's text to run from its own text to the end of its last sub-task in the document — only when every
sub-task follows the task's text, and before the next gold task's text begins. It reads no extraction;
nothing is added or removed, the items stay the gold writer's. Files already in the format are unchanged.

Usage: python benchmarks/gold_task_texts.py tests/gold/external [tests/gold/holdout] [--check]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def extended(document: str, tasks: list[dict]) -> list[dict]:
    """The tasks with each text extended over its sub-tasks (see the module docstring)."""
    starts = sorted(at for task in tasks if (at := document.find(task.get("text") or "")) != -1)
    out = []
    for task in tasks:
        text, subtasks = task.get("text") or "", task.get("subtasks") or []
        start = document.find(text) if text else -1
        if start == -1 or not subtasks or all(sub in text for sub in subtasks):
            out.append(task)
            continue
        following = [at for at in starts if at > start]
        limit = following[0] if following else len(document)
        end = start + len(text)
        for sub in subtasks:
            at = document.find(sub, start)
            if at == -1 or at + len(sub) > limit:
                break
            end = max(end, at + len(sub))
        else:
            task = {**task, "text": document[start:end]}
        out.append(task)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="report, change no file")
    args = parser.parse_args()
    for folder in args.folders:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            document = (folder / "docs" / f"{path.stem}.txt").read_text(encoding="utf-8")
            tasks = extended(document, gold.get("tasks") or [])
            changed = sum(a is not b for a, b in zip(tasks, gold.get("tasks") or [], strict=True))
            if changed:
                print(f"{path}: {changed} task texts extended over their sub-tasks")
                if not args.check:
                    gold["tasks"] = tasks
                    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
